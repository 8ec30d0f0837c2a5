import Testing
@testable import KubeGridCore

/// Render writes typed objects as YAML events without a `Values` tree between
/// (`emitDocument`); everything else writes `encoded()`. Both must give the same bytes.
@Suite struct ManifestEmissionTests {
    static let examples = [
        ("insightedge", "examples/umbrella-production-ha.yaml"), ("insightedge", "examples/umbrella-dev.yaml"),
        ("insightedge-pu", "examples/pu-production-ha.yaml"), ("insightedge-manager", "examples/manager-dev-nodeport.yaml"),
    ]

    static func treeText(_ object: KubernetesObject) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try YAMLWriter().append(object.encoded(), to: &bytes)
        return bytes
    }

    static func emittedText(_ object: KubernetesObject) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try YAMLEventEmitter.document(appendingTo: &bytes) { object.emitDocument(to: $0) }
        return bytes
    }

    @Test(arguments: examples)
    func renderedObjectsEmitAsTheirTrees(chart: String, file: String) throws {
        let job = RenderJob(chart: chart, release: ReleaseOptions(name: "emit"), options: ValuesOptions(valueFiles: [file]))
        var checked = 0
        for template in try job.plan(files: LocalFiles()).templates {
            for object in template.objects {
                #expect(try Self.emittedText(object) == Self.treeText(object), "\(object.kind) \(object.name)")
                checked += 1
            }
        }
        #expect(checked > 5)
    }

    @Test func fixturesEmitAsTheirTrees() throws {
        let objects: [KubernetesObject] = [
            .statefulSet(KubernetesFixtures.statefulSet), .service(KubernetesFixtures.service),
            .service(KubernetesFixtures.headlessService), .podDisruptionBudget(KubernetesFixtures.podDisruptionBudget),
            .node(KubernetesFixtures.node),
        ]
        for object in objects {
            #expect(try Self.emittedText(object) == Self.treeText(object), "\(object.kind)")
        }
    }

    /// Fields that must be quoted or kept empty come out alike both ways: an ambiguous
    /// string, a multi-line one, a required empty field, a set but empty optional object.
    @Test func quotingAndEmptinessAgree() throws {
        var set = KubernetesFixtures.statefulSet
        set.metadata.labels["version"] = "1.10"
        set.metadata.annotations["note"] = "yes"
        set.metadata.annotations["script"] = "line one\nline two\n"
        set.spec.template.spec.volumes = [Volume(name: "scratch", emptyDir: EmptyDirVolumeSource())]
        set.spec.template.spec.containers[0].env.append(EnvVar(name: "EMPTY", value: ""))
        let object = KubernetesObject.statefulSet(set)
        let emitted = try Self.emittedText(object)
        #expect(emitted == (try Self.treeText(object)))
        let text = String(decoding: emitted, as: UTF8.self)
        #expect(text.contains("version: \"1.10\""))
        #expect(text.contains("emptyDir: {}"))
    }
}

/// Large generated types sit in a shared box where another type holds them
/// (kubernetes_type_tables.py, BOXED), so a copy of a stored object stays small.
@Suite struct KubernetesTypeLayoutTests {
    static func size<T>(_ type: T.Type) -> Int { MemoryLayout<T>.size }

    @Test func largeFieldsAreBoxed() {
        var sizes: [String] = []
        sizes.append("PodSpec=\(Self.size(PodSpec.self))")
        sizes.append("Container=\(Self.size(Container.self))")
        sizes.append("StatefulSet=\(Self.size(StatefulSet.self))")
        sizes.append("Service=\(Self.size(Service.self))")
        sizes.append("ObjectMeta=\(Self.size(ObjectMeta.self))")
        sizes.append("SecurityContext=\(Self.size(SecurityContext.self))")
        sizes.append("PodSecurityContext=\(Self.size(PodSecurityContext.self))")
        sizes.append("Probe=\(Self.size(Probe.self))")
        sizes.append("Lifecycle=\(Self.size(Lifecycle.self))")
        sizes.append("Affinity=\(Self.size(Affinity.self))")
        sizes.append("ServiceSpec=\(Self.size(ServiceSpec.self))")
        sizes.append("ServiceStatus=\(Self.size(ServiceStatus.self))")
        sizes.append("StatefulSetSpec=\(Self.size(StatefulSetSpec.self))")
        sizes.append("StatefulSetStatus=\(Self.size(StatefulSetStatus.self))")
        sizes.append("PodTemplateSpec=\(Self.size(PodTemplateSpec.self))")
        sizes.append("ResourceRequirements=\(Self.size(ResourceRequirements.self))")
        sizes.append("PodStatus=\(Self.size(PodStatus.self))")
        sizes.append("NodeSpec=\(Self.size(NodeSpec.self))")
        sizes.append("NodeStatus=\(Self.size(NodeStatus.self))")
        sizes.append("PodDNSConfig=\(Self.size(PodDNSConfig.self))")
        sizes.append("EphemeralContainer=\(Self.size(EphemeralContainer.self))")
        print("layout: " + sizes.joined(separator: " "))
        #expect(Self.size(StatefulSet.self) <= 64)
    }
}
