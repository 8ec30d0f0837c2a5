import Testing
@testable import KubeGridCore

@Suite struct ManifestDecodingTests {
    /// The fixture StatefulSet's tree with one value replaced (or removed, for nil).
    static func statefulSet(setting path: [Values.Map.Key], to value: Values?) -> Values {
        set(KubernetesFixtures.statefulSet.encoded(), path[...], value)
    }

    static func service(setting path: [String], to value: Values?) -> Values {
        set(KubernetesFixtures.service.encoded(), path[...], value)
    }

    /// Sets a value at a path of map keys; a numeric key indexes a list.
    static func set(_ tree: Values, _ path: ArraySlice<String>, _ value: Values?) -> Values {
        guard let key = path.first else { return value ?? .null }
        switch tree {
        case .list(var list):
            let index = Int(key)!
            list[index] = set(list[index], path.dropFirst(), value)
            return .list(list)
        case .map(var map):
            if path.count == 1, value == nil {
                map.removeValue(forKey: key)
            } else {
                map[key] = set(map[key] ?? .emptyMap, path.dropFirst(), value)
            }
            return .map(map)
        default:
            return tree
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let manifest: Values
        let message: String
        var testDescription: String { message }
    }

    static let containers = ["spec", "template", "spec", "containers"]

    static let cases: [Case] = [
        Case(
            manifest: statefulSet(setting: containers + ["0", "ports", "1", "containerPort"], to: "x"),
            message: "spec.template.spec.containers[0].ports[1].containerPort: expected an integer, got the string \"x\""),
        Case(
            manifest: statefulSet(setting: ["spec", "replicas"], to: 2.5),
            message: "spec.replicas: expected an integer, got the number 2.5"),
        Case(
            manifest: statefulSet(setting: ["metadata", "labels", "partitionId"], to: 1),
            message: "metadata.labels.partitionId: expected a string, got the integer 1"),
        Case(
            manifest: statefulSet(setting: ["metadata", "labels", "app.kubernetes.io/name"], to: true),
            message: "metadata.labels[\"app.kubernetes.io/name\"]: expected a string, got the boolean true"),
        Case(
            manifest: statefulSet(setting: ["spec", "selector"], to: nil),
            message: "spec.selector: is required but missing; add it"),
        Case(
            manifest: statefulSet(setting: ["spec", "template", "spec", "containers"], to: .null),
            message: "spec.template.spec.containers: is required but missing; add it"),
        Case(
            manifest: statefulSet(setting: containers + ["0", "resources", "limits", "memory"], to: "400MB"),
            message: "spec.template.spec.containers[0].resources.limits.memory: \"400MB\" is not a quantity: "
                + "unknown unit \"MB\"; use one of n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent "
                + "such as e3 (units have no B: Mi is mebibytes, M is megabytes)"),
        Case(
            manifest: statefulSet(setting: containers + ["0", "env", "0", "value"], to: 8090),
            message: "spec.template.spec.containers[0].env[0].value: expected a string, got the integer 8090"),
        Case(
            manifest: statefulSet(setting: containers + ["0", "imagePullPolicy"], to: "ifnotpresent"),
            message: "spec.template.spec.containers[0].imagePullPolicy: \"ifnotpresent\" is not one of Always, "
                + "IfNotPresent, Never (did you mean IfNotPresent?)"),
        Case(
            manifest: statefulSet(setting: containers + ["0", "livenessProbe", "httpGet", "port"], to: [8089]),
            message: "spec.template.spec.containers[0].livenessProbe.httpGet.port: expected an integer or a string, "
                + "got a list"),
        Case(
            manifest: statefulSet(
                setting: ["spec", "template", "spec", "affinity", "podAntiAffinity",
                    "requiredDuringSchedulingIgnoredDuringExecution", "0", "topologyKey"], to: nil),
            message: "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]"
                + ".topologyKey: is required but missing; add it"),
        Case(
            manifest: statefulSet(setting: ["spec", "podManagementPolicy"], to: "parallel"),
            message: "spec.podManagementPolicy: \"parallel\" is not one of OrderedReady, Parallel (did you mean Parallel?)"),
        Case(
            manifest: statefulSet(setting: ["spec", "volumeClaimTemplates", "0", "spec", "accessModes", "0"], to: "RWO"),
            message: "spec.volumeClaimTemplates[0].spec.accessModes[0]: \"RWO\" is not one of ReadWriteOnce, "
                + "ReadOnlyMany, ReadWriteMany, ReadWriteOncePod"),
        Case(
            manifest: statefulSet(setting: ["spec", "volumeClaimTemplates", "0", "metadata", "name"], to: nil),
            message: "spec.volumeClaimTemplates[0].metadata.name: is required but missing; add it"),
        Case(
            manifest: service(setting: ["spec", "type"], to: "Nodeport"),
            message: "spec.type: \"Nodeport\" is not one of ClusterIP, NodePort, LoadBalancer, ExternalName "
                + "(did you mean NodePort?)"),
        Case(
            manifest: service(setting: ["spec", "ports"], to: ["lrmi": 8200]),
            message: "spec.ports: expected a list, got a map"),
        Case(
            manifest: service(setting: ["spec", "ports", "0", "port"], to: nil),
            message: "spec.ports[0].port: is required but missing; add it"),
        Case(
            manifest: service(setting: ["metadata", "name"], to: nil),
            message: "metadata.name: is required but missing; add it"),
        Case(
            manifest: service(setting: ["kind"], to: nil),
            message: "kind: is required but missing; add it"),
        Case(manifest: ["a", "b"], message: "the manifest: expected a map, got a list"),
        Case(
            manifest: [
                "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": ["name": "p"],
                "spec": ["maxUnavailable": true],
            ],
            message: "spec.maxUnavailable: expected an integer or a string, got the boolean true"),
        Case(
            manifest: [
                "apiVersion": "v1", "kind": "Node", "metadata": ["name": "n"],
                "status": ["allocatable": ["cpu": "lots"]],
            ],
            message: "status.allocatable.cpu: \"lots\" is not a quantity: it must start with a number; "
                + "write e.g. 300Mi, 0.5 or 100m"),
    ]

    @Test(arguments: cases)
    func errorsNameTheFieldPath(testCase: Case) {
        do {
            let object = try KubernetesObject(decoding: testCase.manifest)
            Issue.record("decoded \(object.kind) without an error")
        } catch {
            #expect("\(error)" == testCase.message)
        }
    }

    @Test func typedDecodingChecksTheKind() {
        #expect(
            throws: ManifestDecodingError.wrongKind(expected: "v1 Service", found: "apps/v1 StatefulSet")
        ) { try Service(decoding: KubernetesFixtures.statefulSet.encoded()) }
    }

    @Test func keysKubernetesDoesNotDefineAreIgnoredAndNullIsAbsent() throws {
        var manifest = KubernetesFixtures.service.encoded()
        manifest = Self.set(manifest, ["metadata", "notAField"], "1234")
        manifest = Self.set(manifest, ["spec", "ports", "0", "x-comment"], "tcp")
        manifest = Self.set(manifest, ["spec", "clusterIP"], .null)
        #expect(try Service(decoding: manifest) == KubernetesFixtures.service)
    }

    @Test func fieldsKubegridDoesNotUseAreKept() throws {
        var manifest = KubernetesFixtures.service.encoded()
        manifest = Self.set(manifest, ["status", "loadBalancer", "ingress"], [["ip": "203.0.113.7"]])
        manifest = Self.set(manifest, ["metadata", "uid"], "1234")
        manifest = Self.set(manifest, ["spec", "sessionAffinity"], "None")
        manifest = Self.set(manifest, ["spec", "ports", "0", "appProtocol"], "tcp")
        let service = try Service(decoding: manifest)
        #expect(service.status?.loadBalancer?.ingress.first?.ip == "203.0.113.7")
        #expect(service.metadata.uid == "1234")
        #expect(service.spec.sessionAffinity == "None")
        #expect(service.spec.ports.first?.appProtocol == "tcp")
        #expect(service.encoded() == manifest)
    }

    @Test func integralFloatsCountAsIntegers() throws {
        let manifest = Self.statefulSet(setting: ["spec", "replicas"], to: 2.0)
        #expect(try StatefulSet(decoding: manifest).spec.replicas == 2)
    }

    @Test func decodesAHandWrittenManifest() throws {
        let manifest: Values = [
            "apiVersion": "apps/v1",
            "kind": "StatefulSet",
            "metadata": ["name": "web", "creationTimestamp": nil],
            "spec": [
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": [
                        "containers": [[
                            "name": "nginx", "image": "nginx:1.25",
                            "resources": ["requests": ["cpu": 0.5, "memory": "64Mi"]],
                            "securityContext": ["runAsNonRoot": true],
                        ]],
                        "tolerations": [],
                    ],
                ],
            ],
        ]
        let statefulSet = try StatefulSet(decoding: manifest)
        #expect(statefulSet.metadata.name == "web")
        #expect(statefulSet.spec.effectiveReplicas == 1)
        #expect(statefulSet.spec.effectivePodManagementPolicy == .orderedReady)
        let container = try #require(statefulSet.spec.template.spec.containers.first)
        #expect(container.resources.requests["cpu"]?.milliValue == 500)
        #expect(container.resources.effectiveRequests["memory"] == "64Mi")
        #expect(statefulSet.spec.selector.matches(statefulSet.spec.template.metadata.labels))
    }
}
