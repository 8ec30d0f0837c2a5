import OrderedCollections

/// The application as a Kubeflow Spark operator `SparkApplication` (`sparkoperator.k8s.io/v1beta2`):
/// the operator runs `spark-submit` in cluster mode, creating the driver pod and its Service
/// itself, so the chart writes neither. kubernetes-validate has no schema for this custom
/// resource; the chart's tests check its fields against the operator's v1beta2 API instead.
struct SparkOperatorApplication {
    static let apiVersion = "sparkoperator.k8s.io/v1beta2"
    static let kind = "SparkApplication"

    let objects: SparkObjects

    var object: Values {
        let values = objects.values
        var spec: Values.Map = [
            "type": "Scala",
            "mode": "cluster",
            "sparkVersion": .string(values.sparkVersion),
            "image": .string(values.image.reference),
            "imagePullPolicy": .string(values.image.pullPolicy),
        ]
        if !values.security.imagePullSecrets.isEmpty {
            spec["imagePullSecrets"] = .list(values.security.imagePullSecrets.map(Values.string))
        }
        spec["mainClass"] = .string(values.mainClass)
        spec["mainApplicationFile"] = .string(values.jar)
        if !values.arguments.isEmpty { spec["arguments"] = .list(values.arguments.map(Values.string)) }
        spec["sparkConf"] = .map(sparkConf)
        if !values.nodeSelector.isEmpty { spec["nodeSelector"] = .map(values.nodeSelector.mapValues(Values.string)) }
        spec["restartPolicy"] = ["type": "Never"]
        spec["driver"] = [
            "serviceAccount": .string(objects.serviceAccountName),
            "labels": .map(objects.releaseLabels.mapValues(Values.string)),
        ]
        spec["executor"] = [
            "instances": .int(values.executorInstances),
            "cores": .int(values.executorCores),
            "memory": .string(values.executorMemory),
            "labels": .map(objects.releaseLabels.mapValues(Values.string)),
        ]
        if values.dynamicAllocation {
            spec["dynamicAllocation"] = [
                "enabled": true, "minExecutors": .int(values.minExecutors), "maxExecutors": .int(values.maxExecutors),
            ]
        }
        return [
            "apiVersion": .string(Self.apiVersion),
            "kind": .string(Self.kind),
            "metadata": [
                "name": .string(objects.fullname),
                "namespace": .string(objects.naming.namespace),
                "labels": .map(objects.releaseLabels.mapValues(Values.string)),
            ],
            "spec": .map(spec),
        ]
    }

    /// The Space settings, then the user's `sparkConf`.
    private var sparkConf: Values.Map {
        let submit = objects.submit.conf
        var conf: Values.Map = [:]
        for key in [SparkConfKey.spaceName, .lookupLocators, .lookupGroups] {
            if let value = submit[key.rawValue] { conf[key.rawValue] = .string(value) }
        }
        for (key, value) in objects.values.sparkConf { conf[key] = .string(value) }
        return conf
    }
}
