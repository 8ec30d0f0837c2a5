import Testing
@testable import KubeGridCore

@Suite struct ManagerAndUmbrellaRuleTests {
    @Test func managerNodePortsOnAClusterIPServiceAreAnError() {
        let plan = BuiltInChart.manager.plan([("service.type", "ClusterIP"), ("service.api.nodePort", 30890)])
        #expect(plan.errorMessages == ["service.api.nodePort: a ClusterIP Service has no node ports; remove the nodePort or set service.type=NodePort"])
    }

    @Test func managerNodePortsMustDiffer() {
        let plan = BuiltInChart.manager.plan([("service.type", "NodePort"), ("service.api.nodePort", 30890), ("service.lus.nodePort", 30890)])
        #expect(plan.errorMessages == ["service.lus.nodePort: node port 30890 is also asked for by service.api.nodePort on Service testspace-insightedge-manager-service; give each port its own node port"])
    }

    @Test func haManagersWithoutAntiAffinityAreWarned() {
        let plan = BuiltInChart.manager.plan([("ha", true)])
        #expect(plan.diagnostics.errors.isEmpty)
        #expect(plan.diagnostics.map(\.rule) == ["KG105"])
        let statefulSet = plan.objects(ofKind: "StatefulSet").first
        guard case .statefulSet(let managers)? = statefulSet else {
            Issue.record("no StatefulSet")
            return
        }
        #expect(managers.spec.replicas == 3)
        #expect(managers.spec.template.spec.containers[0].env.first?.value == [0, 1, 2]
            .map { "testspace-insightedge-manager-\($0).testspace-insightedge-manager-hs.default.svc.cluster.local" }
            .joined(separator: ","))
    }

    @Test func umbrellaNodePortsCollideAcrossManagerAndSpace() {
        let plan = BuiltInChart.umbrella.plan([
            ("manager.service.type", "NodePort"), ("manager.service.api.nodePort", 31001),
            ("pu.partitions", 2), ("pu.service.type", "NodePort"), ("pu.service.lrmi.enabled", true),
            ("pu.service.lrmi.initialNodePort", 31000),
        ])
        #expect(plan.errorMessages == ["manager.service.api.nodePort: node port 31001 is also given to instance Service testspace-insightedge-pu-2-0-service (pu.service.lrmi.initialNodePort 31000 + 1); pick a port outside 31000-31001"])
    }

    @Test func umbrellaWiresTheSpaceToItsManager() {
        let plan = BuiltInChart.umbrella.plan([("pu.partitions", 1)], release: "demo")
        let spaces = plan.objects(ofKind: "StatefulSet").compactMap { object -> StatefulSet? in
            guard case .statefulSet(let set) = object, set.metadata.name.hasPrefix("demo-insightedge-pu") else { return nil }
            return set
        }
        #expect(spaces.first?.spec.template.spec.initContainers.first?.args.contains("manager.name=demo-insightedge-manager") == true)
        #expect(plan.objects.contains { $0.kind == "Service" && $0.name == "demo-insightedge-manager-hs" })
    }

    @Test func umbrellaPathsArePrefixedInMessages() {
        let plan = BuiltInChart.umbrella.plan([("pu.ha", true)])
        #expect(plan.errorMessages == ["pu.ha: needs partitions: a backup belongs to a partition; set partitions=N or ha=false"])
    }

    @Test func fullnameFollowsHelmsRules() {
        #expect(ReleaseNaming(release: "a", namespace: "d", chartName: "insightedge-pu", nameOverride: nil, fullnameOverride: nil).fullname == "a-insightedge-pu")
        #expect(ReleaseNaming(release: "my-insightedge-pu", namespace: "d", chartName: "insightedge-pu", nameOverride: nil, fullnameOverride: nil).fullname == "my-insightedge-pu")
        #expect(ReleaseNaming(release: "a", namespace: "d", chartName: "insightedge-pu", nameOverride: "space", fullnameOverride: nil).fullname == "a-space")
        #expect(ReleaseNaming(release: "a", namespace: "d", chartName: "insightedge-pu", nameOverride: nil, fullnameOverride: "grid").fullname == "grid")
        let long = ReleaseNaming(release: String(repeating: "x", count: 62), namespace: "d", chartName: "insightedge-pu", nameOverride: nil, fullnameOverride: nil)
        #expect(long.fullname.count == 62)
        #expect(!long.fullname.hasSuffix("-"))
    }
}
