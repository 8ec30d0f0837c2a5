import KubeGridCore
import OrderedCollections

@testable import KubeGridSim

/// A Spark driver Job of the insightedge-spark chart's shape, built by hand for the
/// engine's tests: its ServiceAccount, the Role a driver needs for its executors (when
/// `rbac`), the RoleBinding, and the Job whose container runs the contract's `spark-submit`.
struct SparkFixture {
    var name = "reader"
    var namespace = "default"
    var spaceName = "test-insightedge-pu"
    var locators = ["test-insightedge-manager-hs.default.svc:4174"]
    var rbac = true
    var executorInstances = 2
    var executorCores = 1
    var dynamicAllocation: (min: Int, max: Int)?
    var extraConf: [(String, String)] = []

    var submit: SparkSubmit {
        var conf = SparkConf()
        conf.namespace = namespace
        conf.driverServiceAccount = name
        conf.executorInstances = executorInstances
        conf.executorCores = executorCores
        conf.executorMemory = "512m"
        conf.spaceName = spaceName
        conf.lookupLocators = locators
        if let dynamicAllocation {
            conf.dynamicAllocation = SparkConf.DynamicAllocation(
                enabled: true, minExecutors: dynamicAllocation.min, maxExecutors: dynamicAllocation.max, shuffleTracking: true)
        }
        for (key, value) in extraConf { try? conf.set(key, value) }
        return SparkSubmit(
            appName: name, mainClass: "org.insightedge.examples.basic.LoadRdd", jar: "local:///opt/insightedge/examples.jar",
            conf: conf)
    }

    var objects: [Values] {
        let metadata: Values = ["name": .string(name), "namespace": .string(namespace)]
        var objects: [Values] = [["apiVersion": "v1", "kind": "ServiceAccount", "metadata": metadata]]
        // What the pu chart's Role grants the Space pods (they read their Service), for the grid to run.
        let grid: Values = ["name": "grid-reads", "namespace": .string(namespace)]
        objects.append([
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": grid,
            "rules": [["apiGroups": [""], "resources": ["services"], "verbs": ["get"]]],
        ])
        objects.append([
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": grid,
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "grid-reads"],
            "subjects": [["kind": "ServiceAccount", "name": "default", "namespace": .string(namespace)]],
        ])
        if rbac {
            objects.append([
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": metadata,
                "rules": [[
                    "apiGroups": [""], "resources": ["pods", "services", "configmaps"],
                    "verbs": ["create", "get", "list", "watch", "delete", "deletecollection", "patch"],
                ]],
            ])
            objects.append([
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": metadata,
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)],
                "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
            ])
        }
        let command = submit.command.map(Values.string)
        objects.append([
            "apiVersion": "batch/v1", "kind": "Job", "metadata": metadata,
            "spec": [
                "backoffLimit": 0,
                "template": [
                    "metadata": ["labels": ["spark-role": "driver", "app.kubernetes.io/name": "insightedge-spark"]],
                    "spec": [
                        "serviceAccountName": .string(name), "restartPolicy": "Never",
                        "containers": [[
                            "name": "driver", "image": "gigaspaces/insightedge-enterprise:16.4",
                            "command": .list(command),
                            "resources": ["requests": ["cpu": "500m", "memory": "1Gi"]],
                        ]],
                    ],
                ],
            ],
        ])
        return objects
    }

    /// The grid's manifests and these.
    func bundle(with grid: GridFixture) -> ManifestBundle {
        var bundle = grid.bundle
        for object in objects { bundle.add(.other(object), source: "spark.yaml") }
        return bundle
    }
}
