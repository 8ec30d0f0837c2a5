import Testing

@testable import KubeGridCore

/// The insightedge-zeppelin chart's model: the notebook finds the Space the pu chart
/// deploys through the manager the pu chart registers with (one derivation, ManagerReference).
@Suite struct ZeppelinChartTests {
    static func notebook(_ plan: RenderPlan) throws -> (statefulSet: StatefulSet, env: [String: String]) {
        let statefulSet = try #require(plan.objects(ofKind: "StatefulSet").compactMap { object -> StatefulSet? in
            if case .statefulSet(let set) = object, set.metadata.name.hasSuffix("zeppelin") { return set }
            return nil
        }.first)
        let container = try #require(statefulSet.spec.template.spec.containers.first)
        return (statefulSet, Dictionary(uniqueKeysWithValues: container.env.map { ($0.name, $0.value ?? "") }))
    }

    @Test(arguments: [
        (nil, "demo-insightedge-manager"),
        ("grid", "grid-insightedge-manager"),
        ("grid-insightedge-manager", "grid-insightedge-manager"),
    ] as [(String?, String)])
    func theManagerIsDerivedAsThePUChartDerivesIt(managerName: String?, fullname: String) throws {
        let settings: [(String, Values)] = managerName.map { [("manager.name", .string($0))] } ?? []
        let space = BuiltInChart.processingUnit.plan(settings + [("partitions", 1)], release: "demo")
        let notebook = try Self.notebook(BuiltInChart.zeppelin.plan(settings, release: "demo"))
        guard case .statefulSet(let instance)? = space.objects(ofKind: "StatefulSet").first else {
            Issue.record("no Space StatefulSet")
            return
        }
        #expect(instance.spec.template.spec.containers[0].args.contains("manager.name=\(fullname)"))
        #expect(notebook.env["GS_LOOKUP_LOCATORS"] == "\(fullname)-hs:4174")
        #expect(ManagerReference(managerName: managerName, release: "demo").fullname == fullname)
    }

    @Test func theUmbrellasNotebookReadsTheReleasesSpace() throws {
        let plan = BuiltInChart.umbrella.plan([("zeppelin.enabled", true), ("pu.partitions", 1)], release: "demo")
        #expect(plan.errorMessages.isEmpty)
        let notebook = try Self.notebook(plan)
        #expect(notebook.env["INSIGHTEDGE_SPACE_NAME"] == "demo")
        #expect(notebook.env["GS_LOOKUP_LOCATORS"] == "demo-insightedge-manager-hs:4174")
        #expect(notebook.env["ZEPPELIN_PORT"] == "9090")
        #expect(notebook.statefulSet.spec.replicas == 1)
        #expect(notebook.statefulSet.spec.serviceName == "demo-insightedge-zeppelin-hs")
        let probe = try #require(notebook.statefulSet.spec.template.spec.containers[0].readinessProbe)
        #expect(probe.httpGet?.path == "/api/version" && probe.httpGet?.port == "api")
    }

    @Test func theUmbrellaLeavesTheNotebookOutByDefault() {
        let plan = BuiltInChart.umbrella.plan([("pu.partitions", 1)])
        #expect(!plan.objects.contains { $0.name.contains("zeppelin") })
    }

    @Test func aClusterIPNotebookHasNoNodePort() {
        let plan = BuiltInChart.zeppelin.plan([("service.type", "ClusterIP"), ("service.api.nodePort", 30990)])
        #expect(plan.errorMessages == ["service.api.nodePort: a ClusterIP Service has no node ports; remove the nodePort or set service.type=NodePort"])
    }

    @Test func theNotebooksNodePortMayNotBeTheManagers() {
        let plan = BuiltInChart.umbrella.plan([
            ("manager.service.type", "NodePort"), ("manager.service.api.nodePort", 30990),
            ("zeppelin.enabled", true), ("zeppelin.service.type", "NodePort"), ("zeppelin.service.api.nodePort", 30990),
        ])
        #expect(plan.errorMessages == ["zeppelin.service.api.nodePort: node port 30990 is also asked for by manager.service.api.nodePort on Service testspace-insightedge-manager-service; give each port its own node port"])
    }

    @Test func aDisabledNotebooksNodePortIsNoClaim() {
        let plan = BuiltInChart.umbrella.plan([
            ("manager.service.type", "NodePort"), ("manager.service.api.nodePort", 30990),
            ("zeppelin.service.type", "NodePort"), ("zeppelin.service.api.nodePort", 30990),
        ])
        #expect(plan.errorMessages.isEmpty)
    }
}
