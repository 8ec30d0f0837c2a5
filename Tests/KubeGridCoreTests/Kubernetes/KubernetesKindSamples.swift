import Foundation
import OrderedCollections
import Testing
@testable import KubeGridCore

/// One object of every generated kind, as a user or a controller would write it.
///
/// Each round-trips here; Tests/Parity/test_kubernetes_types.py runs this suite with
/// KUBEGRID_KIND_SAMPLES set to a directory, and kubernetes-validate (strict) checks every
/// object written there against Kubernetes v1.32's schema.
@Suite struct KubernetesKindSamples {
    static let labels: OrderedDictionary = ["app": "web"]
    static let meta = ObjectMeta(name: "web", namespace: "grid", labels: labels)
    static let container = Container(
        name: "web", image: "nginx:1.25", ports: [ContainerPort(name: "http", containerPort: 80)],
        resources: ResourceRequirements(limits: ["memory": "64Mi"], requests: ["cpu": "100m"]),
        lifecycle: Lifecycle(preStop: LifecycleHandler(exec: ExecAction(command: ["sleep", "5"]))))
    static let template = PodTemplateSpec(
        metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))
    static let selector = LabelSelector(matchLabels: labels)

    static let samples: [any KubernetesKind] = [
        Service(metadata: meta, spec: ServiceSpec(selector: labels, ports: [ServicePort(port: 80, targetPort: "http")])),
        StatefulSet(metadata: meta, spec: StatefulSetSpec(
            serviceName: "web", selector: selector, template: template, minReadySeconds: 5)),
        PodDisruptionBudget(metadata: meta, spec: PodDisruptionBudgetSpec(maxUnavailable: 1, selector: selector)),
        PersistentVolumeClaim(metadata: meta, spec: PersistentVolumeClaimSpec(accessModes: [.readWriteOnce], storage: "1Gi")),
        Node(metadata: ObjectMeta(name: "node-1"), status: NodeStatus(allocatable: ["cpu": "4", "memory": "16Gi"])),
        Namespace(metadata: ObjectMeta(name: "grid")),
        Pod(metadata: meta, spec: PodSpec(containers: [container], restartPolicy: "Always")),
        Endpoints(metadata: meta, subsets: [EndpointSubset(
            addresses: [EndpointAddress(ip: "10.0.0.7")], ports: [EndpointPort(name: "http", port: 80)])]),
        EndpointSlice(
            metadata: meta, addressType: "IPv4", endpoints: [Endpoint(addresses: ["10.0.0.7"])],
            ports: [DiscoveryEndpointPort(name: "http", port: 80, protocol: .tcp)]),
        ConfigMap(metadata: meta, data: ["gs.properties": "space=demo"]),
        Secret(metadata: meta, stringData: ["license": "tryme"], type: "Opaque"),
        ServiceAccount(metadata: meta, automountServiceAccountToken: false),
        Role(metadata: meta, rules: [PolicyRule(apiGroups: [""], resources: ["pods"], verbs: ["get", "list"])]),
        RoleBinding(
            metadata: meta, roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "web"),
            subjects: [Subject(kind: "ServiceAccount", name: "web", namespace: "grid")]),
        ClusterRole(metadata: ObjectMeta(name: "nodes"), rules: [PolicyRule(resources: ["nodes"], verbs: ["get"])]),
        ClusterRoleBinding(
            metadata: ObjectMeta(name: "nodes"),
            roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "nodes")),
        Event(
            metadata: meta, involvedObject: ObjectReference(name: "web-0", kind: "Pod", namespace: "grid"),
            reason: "Scheduled", type: "Normal"),
        ResourceQuota(metadata: meta, spec: ResourceQuotaSpec(hard: ["pods": "10"])),
        LimitRange(metadata: meta, spec: LimitRangeSpec(limits: [LimitRangeItem(default: ["memory": "512Mi"], type: "Container")])),
        NetworkPolicy(metadata: meta, spec: NetworkPolicySpec(podSelector: selector, policyTypes: ["Ingress"])),
        Job(metadata: meta, spec: JobSpec(backoffLimit: 2, template: PodTemplateSpec(
            spec: PodSpec(containers: [container], restartPolicy: "Never")))),
        Deployment(metadata: meta, spec: DeploymentSpec(replicas: 2, selector: selector, template: template)),
        Status(status: "Failure", message: "pods \"web-9\" not found", reason: "NotFound", code: 404),
    ]

    @Test(arguments: samples.indices)
    func roundTrips(index: Int) throws {
        let sample = Self.samples[index]
        #expect(try Self.decodeAgain(sample) == true)
        if let directory = ProcessInfo.processInfo.environment["KUBEGRID_KIND_SAMPLES"] {
            let yaml = try YAMLWriter().document(sample.encoded())
            let name = "\(index)-\(type(of: sample).kind).yaml"
            try yaml.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        }
    }

    /// True when the sample's encoding decodes back to the sample.
    static func decodeAgain<T: KubernetesKind>(_ sample: T) throws -> Bool {
        try T(decoding: sample.encoded()) == sample
    }

    @Test func everyGeneratedKindHasASample() {
        let kinds = Set(Self.samples.map { type(of: $0).kind })
        #expect(kinds.count == 23)
    }

    struct DecodingCase: Sendable, CustomTestStringConvertible {
        let decode: @Sendable () throws -> Void
        let message: String
        var testDescription: String { message }
    }

    /// The sample of `T` with one value replaced (or removed, for nil).
    static func sample<T: KubernetesKind>(_ type: T.Type, setting path: [String], to value: Values?) -> Values {
        let sample = samples.first { $0 is T }!
        return ManifestDecodingTests.set(sample.encoded(), path[...], value)
    }

    static let decodingCases: [DecodingCase] = [
        DecodingCase(
            decode: { _ = try Deployment(decoding: sample(Deployment.self, setting: ["spec", "template"], to: nil)) },
            message: "spec.template: is required but missing; add it"),
        DecodingCase(
            decode: { _ = try Deployment(decoding: sample(Deployment.self, setting: ["spec"], to: nil)) },
            message: "spec: is required but missing; add it"),
        DecodingCase(
            decode: {
                _ = try EndpointSlice(decoding: sample(EndpointSlice.self, setting: ["ports", "0", "protocol"], to: "tcp"))
            },
            message: "ports[0].protocol: \"tcp\" is not one of TCP, UDP, SCTP (did you mean TCP?)"),
        DecodingCase(
            decode: { _ = try Job(decoding: sample(Job.self, setting: ["spec", "backoffLimit"], to: "2")) },
            message: "spec.backoffLimit: expected an integer, got the string \"2\""),
        DecodingCase(
            decode: {
                _ = try ResourceQuota(decoding: sample(ResourceQuota.self, setting: ["spec", "hard", "pods"], to: "ten"))
            },
            message: "spec.hard.pods: \"ten\" is not a quantity: it must start with a number; write e.g. 300Mi, 0.5 or 100m"),
        DecodingCase(
            decode: {
                _ = try RoleBinding(decoding: sample(RoleBinding.self, setting: ["subjects", "0", "name"], to: nil))
            },
            message: "subjects[0].name: is required but missing; add it"),
        DecodingCase(
            decode: { _ = try ConfigMap(decoding: sample(ConfigMap.self, setting: ["apiVersion"], to: "apps/v1")) },
            message: "kind: expected v1 ConfigMap, got apps/v1 ConfigMap; decode it as a KubernetesObject instead"),
    ]

    @Test(arguments: decodingCases)
    func newKindsNameTheFieldOfAnError(testCase: DecodingCase) {
        do {
            try testCase.decode()
            Issue.record("decoded without an error")
        } catch {
            #expect("\(error)" == testCase.message)
        }
    }

    /// Keys kubegrid has no order for come after the ordered ones, alphabetically, as in
    /// Kubernetes' definitions; the manifest here is written that way.
    @Test func fieldsKubegridDoesNotUseSurviveAReadAndAWrite() throws {
        let yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              replicas: 2
              serviceName: web
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    lifecycle:
                      preStop:
                        exec:
                          command:
                          - sleep
                          - "5"
                  securityContext:
                    runAsNonRoot: true
                  tolerations:
                  - effect: NoSchedule
                    key: dedicated
                    operator: Equal
                    value: grid
              minReadySeconds: 10
              persistentVolumeClaimRetentionPolicy:
                whenDeleted: Delete

            """
        let document = try YAMLReader(source: "web.yaml").valuesDocument(from: Array(yaml.utf8))
        let statefulSet = try StatefulSet(decoding: document.root)
        #expect(statefulSet.spec.minReadySeconds == 10)
        #expect(statefulSet.spec.template.spec.containers[0].lifecycle?.preStop?.exec?.command == ["sleep", "5"])
        #expect(statefulSet.spec.template.spec.tolerations.first?.effect == "NoSchedule")
        #expect(try YAMLWriter().document(statefulSet.encoded()) == yaml)
    }
}
