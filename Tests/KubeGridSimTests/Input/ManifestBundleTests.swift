import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct ManifestBundleTests {
    @Test func readsAMultiDocumentStreamIntoTypedObjects() throws {
        let text = try GridFixture(partitions: 2).yaml()
        let bundle = try ManifestBundle.read([ManifestSource(name: "stream.yaml", text: text)])
        #expect(bundle.statefulSets.map(\.metadata.name) == [
            "test-insightedge-manager", "test-insightedge-pu-1", "test-insightedge-pu-2",
        ])
        #expect(bundle.services.count == 2 + 1 + 4)
        #expect(bundle.ignored.isEmpty)
        // What is read back runs the same as the objects it came from.
        var options = SimulationOptions()
        options.operations = 10
        let fromText = try JSONReport.text(Simulation.run(bundle, options: options))
        let fromObjects = try JSONReport.text(Simulation.run(GridFixture(partitions: 2).bundle, options: options))
        #expect(fromText == fromObjects)
    }

    @Test func unknownKindsAreKeptAndReportedNotFatal() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            ---
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            """
        let bundle = try ManifestBundle.read([ManifestSource(name: "extra.yaml", text: text)])
        #expect(bundle.ignored.map(\.name) == ["settings", "web"])
        #expect(bundle.ignored.map(\.kind) == ["v1 ConfigMap", "networking.k8s.io/v1 Ingress"])
        #expect(bundle.ignored.allSatisfy { $0.source == "extra.yaml" })
    }

    @Test func aTenantsObjectsAreKeptToApplyWithTheirLabels() throws {
        let text = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: team-a, labels: {pod-security.kubernetes.io/enforce: restricted}}
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q, namespace: team-a}
            spec: {hard: {pods: "3"}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: team-a}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: viewer, namespace: team-a}
            rules: []
            """
        let bundle = try ManifestBundle.read([ManifestSource(name: "tenant.yaml", text: text)])
        #expect(bundle.ignored.isEmpty)
        #expect(bundle.namespaces.map(\.key.name) == ["team-a"])
        #expect(bundle.namespaces.first?.labels["pod-security.kubernetes.io/enforce"] == "restricted")
        #expect(bundle.governing.map(\.key.kind) == [.resourceQuota, .networkPolicy, .role])
        #expect(bundle.governingCount == 4)
    }

    @Test func aJSONListIsOpenedUp() throws {
        let text = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 80}]}},
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}
            ]}
            """
        let bundle = try ManifestBundle.read([ManifestSource(name: "list.json", text: text)])
        #expect(bundle.services.map(\.metadata.name) == ["a"])
        #expect(bundle.nodes.map(\.metadata.name) == ["n1"])
    }

    @Test func aWrongFieldNamesTheFileLineAndField() {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: b}
            spec:
              replicas: two
            """
        #expect {
            try ManifestBundle.read([ManifestSource(name: "bad.yaml", text: text)])
        } throws: { error in
            "\(error)" == "bad.yaml:9: spec.replicas: expected an integer, got the string \"two\""
        }
    }

    @Test func aBadObjectStopsTheReadBeforeALaterFileIsParsed() {
        let sources = [
            ManifestSource(name: "first.yaml", text: "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: x}]}\n"),
            ManifestSource(name: "second.yaml", text: "a: [unclosed\n"),
        ]
        #expect {
            try ManifestBundle.read(sources)
        } throws: { error in
            "\(error)" == "first.yaml:4: spec.ports[0].port: expected an integer, got the string \"x\""
        }
    }

    @Test func aScalarDocumentIsNotAnObject() {
        #expect {
            try ManifestBundle.read([ManifestSource(name: "s.yaml", text: "just text\n")])
        } throws: { error in
            "\(error)" == "s.yaml:1: expected a Kubernetes object (a map with apiVersion and kind), got the string \"just text\""
        }
    }

    @Test func manifestsWithoutStatefulSetsHaveNothingToRun() {
        #expect {
            try Simulation.run(ManifestBundle(), options: SimulationOptions())
        } throws: { error in
            "\(error)".contains("holds no StatefulSet, so there is nothing to simulate")
        }
    }
}

@Suite struct ClusterShapeTests {
    @Test func generatedNodesAreLabelledAndSpreadOverZones() throws {
        let nodes = try ClusterShape.generated(count: 4, zones: 2).build()
        #expect(nodes.map(\.name) == ["node-1", "node-2", "node-3", "node-4"])
        #expect(nodes.map(\.zone) == ["zone-a", "zone-b", "zone-a", "zone-b"])
        #expect(nodes.allSatisfy { $0.labels[ClusterNode.hostnameLabel] == $0.name })
        #expect(nodes.map(\.internalIP.description) == ["172.18.0.2", "172.18.0.3", "172.18.0.4", "172.18.0.5"])
        #expect(nodes[0].allocatable == ResourceAmounts(milliCPU: 8000, memory: 32 * 1024 * 1024 * 1024, pods: 110))
    }

    @Test func nodesAreReadFromNodeObjects() throws {
        let text = """
            apiVersion: v1
            kind: Node
            metadata:
              name: big
              labels: {topology.kubernetes.io/zone: eu-1a}
            status:
              allocatable: {cpu: "16", memory: 64Gi, pods: "50"}
              addresses:
              - {type: InternalIP, address: 10.0.0.7}
              - {type: ExternalIP, address: 198.51.100.7}
            """
        let bundle = try ManifestBundle.read([ManifestSource(name: "cluster.yaml", text: text)])
        let nodes = try ClusterShape.nodes(bundle.nodes).build()
        let node = try #require(nodes.first)
        #expect(node.labels[ClusterNode.hostnameLabel] == "big")
        #expect(node.zone == "eu-1a")
        #expect(node.allocatable == ResourceAmounts(milliCPU: 16000, memory: 64 * 1024 * 1024 * 1024, pods: 50))
        #expect(node.clientAddress.description == "198.51.100.7")
        #expect(node.internalIP.description == "10.0.0.7")
    }
}
