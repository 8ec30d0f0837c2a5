import Testing
@testable import KubeGridCore

/// decode(encode(x)) == x, and encoding again gives the same tree (so no text is lost either).
@Suite struct KubernetesRoundTripTests {
    func expectRoundTrip<T: ManifestCodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoded = value.encoded()
        let decoded = try T(decoding: encoded)
        #expect(decoded == value, sourceLocation: sourceLocation)
        #expect(decoded.encoded() == encoded, sourceLocation: sourceLocation)
    }

    @Test func metaTypes() throws {
        try expectRoundTrip(ObjectMeta())
        try expectRoundTrip(KubernetesFixtures.statefulSet.metadata)
        try expectRoundTrip(LabelSelector())
        try expectRoundTrip(LabelSelector(matchLabels: ["a": "b"]))
        try expectRoundTrip(KubernetesFixtures.affinity.podAntiAffinity!.required[0].labelSelector!)
        try expectRoundTrip(LabelSelectorRequirement(key: "k", operator: .notIn, values: ["x", "y"]))
        try expectRoundTrip(LabelSelectorRequirement(key: "k", operator: .doesNotExist))
        try expectRoundTrip(IntOrString.int(1))
        try expectRoundTrip(IntOrString.string("25%"))
        try expectRoundTrip(Quantity("300Mi"))
        try expectRoundTrip(Quantity(2))
        try expectRoundTrip(Quantity(0.25))
    }

    @Test func services() throws {
        try expectRoundTrip(KubernetesFixtures.service)
        try expectRoundTrip(KubernetesFixtures.headlessService)
        try expectRoundTrip(Service(metadata: ObjectMeta(name: "s"), spec: ServiceSpec()))
        try expectRoundTrip(
            ServiceSpec(type: .externalName, externalName: "db.example.com", ports: [ServicePort(port: 5432)]))
        try expectRoundTrip(
            ServiceSpec(type: .loadBalancer, ports: [ServicePort(name: "udp", protocol: .udp, port: 53, nodePort: 31053)]))
        for port in KubernetesFixtures.service.spec.ports { try expectRoundTrip(port) }
    }

    @Test func workloads() throws {
        let podSpec = KubernetesFixtures.statefulSet.spec.template.spec
        try expectRoundTrip(KubernetesFixtures.statefulSet)
        try expectRoundTrip(KubernetesFixtures.statefulSet.spec)
        try expectRoundTrip(KubernetesFixtures.statefulSet.spec.template)
        try expectRoundTrip(podSpec)
        try expectRoundTrip(PodSpec(containers: [Container(name: "c")]))
        try expectRoundTrip(KubernetesFixtures.container)
        try expectRoundTrip(KubernetesFixtures.initContainer)
        try expectRoundTrip(Container(name: "bare"))
        for env in KubernetesFixtures.container.env { try expectRoundTrip(env) }
        for port in KubernetesFixtures.container.ports { try expectRoundTrip(port) }
        try expectRoundTrip(KubernetesFixtures.container.resources)
        try expectRoundTrip(KubernetesFixtures.container.volumeMounts[0])
        try expectRoundTrip(VolumeMount(name: "v", mountPath: "/v", readOnly: true))
        try expectRoundTrip(podSpec.volumes[0])
        try expectRoundTrip(Volume(name: "cfg", configMap: ConfigMapVolumeSource(name: "cfg")))
        try expectRoundTrip(KubernetesFixtures.container.livenessProbe!)
        try expectRoundTrip(KubernetesFixtures.container.readinessProbe!)
        try expectRoundTrip(Probe(tcpSocket: TCPSocketAction(port: "lus"), periodSeconds: 10))
        try expectRoundTrip(Probe(exec: ExecAction(command: ["true"])))
        try expectRoundTrip(HTTPGetAction(port: 80))
        try expectRoundTrip(KubernetesFixtures.affinity)
        try expectRoundTrip(Affinity(nodeAffinity: NodeAffinity(requiredDuringSchedulingIgnoredDuringExecution: NodeSelector(nodeSelectorTerms: []))))
        try expectRoundTrip(KubernetesFixtures.affinity.podAntiAffinity!)
        try expectRoundTrip(KubernetesFixtures.affinity.podAntiAffinity!.preferred[0])
        try expectRoundTrip(PodAffinityTerm(topologyKey: "kubernetes.io/hostname"))
        try expectRoundTrip(StatefulSetUpdateStrategy(type: .onDelete))
        try expectRoundTrip(RollingUpdateStatefulSetStrategy(partition: 1))
    }

    @Test func storagePolicyAndNodes() throws {
        let claim = KubernetesFixtures.statefulSet.spec.volumeClaimTemplates[0]
        try expectRoundTrip(claim)
        try expectRoundTrip(claim.spec)
        #expect(try PersistentVolumeClaim(decoding: claim.encodedAsTemplate()) == claim)
        #expect(claim.spec.storage == "1Gi")
        try expectRoundTrip(KubernetesFixtures.podDisruptionBudget)
        try expectRoundTrip(PodDisruptionBudgetSpec(minAvailable: "50%"))
        try expectRoundTrip(KubernetesFixtures.node)
        try expectRoundTrip(Node(metadata: ObjectMeta(name: "n")))
        try expectRoundTrip(KubernetesFixtures.node.status)
        try expectRoundTrip(KubernetesFixtures.node.spec)
        try expectRoundTrip(KubernetesFixtures.node.status.addresses[0])
    }

    @Test func kubernetesObjects() throws {
        let objects: [KubernetesObject] = [
            .statefulSet(KubernetesFixtures.statefulSet),
            .service(KubernetesFixtures.service),
            .podDisruptionBudget(KubernetesFixtures.podDisruptionBudget),
            .node(KubernetesFixtures.node),
            .persistentVolumeClaim(KubernetesFixtures.statefulSet.spec.volumeClaimTemplates[0]),
            .other(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cm"], "data": ["a": "b"]]),
        ]
        for object in objects {
            #expect(try KubernetesObject(decoding: object.encoded()) == object)
        }
    }
}
