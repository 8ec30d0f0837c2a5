import Testing
@testable import KubeGridCore

/// Every rule of charts.md for the insightedge-pu chart, as an error or a warning.
@Suite struct ProcessingUnitRuleTests {
    static let errors: [(String, [(String, Values)], String)] = [
        ("KG101", [("partitions", 2), ("instances", 2)], "instances: cannot be set together with partitions"),
        ("KG102", [("ha", true)], "ha: needs partitions"),
        ("KG103", [("instances", 2), ("antiAffinity.enabled", true)], "antiAffinity.enabled: applies to partitions, not to instances"),
        ("KG104", [("partitions", 1), ("memoryXtendVolume.enabled", true)], "memoryXtendVolume.volumeClaimTemplate.storage: is required"),
        ("KG104", [("partitions", 1), ("memoryXtendVolume.enabled", true), ("memoryXtendVolume.volumeClaimTemplate.storage", "1Gi"), ("memoryXtendVolume.volumeMount.name", "")], "memoryXtendVolume.volumeMount.name: is required"),
        ("KG106", [("partitions", 1), ("service.type", "ClusterIP"), ("service.lrmi.initialNodePort", 30000)], "service.lrmi.initialNodePort: a ClusterIP Service has no node ports"),
        ("KG104", [("partitions", 1), ("memoryXtendVolume.enabled", true), ("memoryXtendVolume.volumeClaimTemplate.storage", "ten gigs")],
         "memoryXtendVolume.volumeClaimTemplate.storage: \"ten gigs\" is not a quantity"),
        ("KG001", [("resources.limits.memory", "lots")], "resources.limits.memory: \"lots\" is not a quantity"),
        ("KG001", [("resources.requests.memory", "1GB")], "resources.requests.memory: \"1GB\" is not a quantity: unknown unit \"GB\""),
        ("KG001", [("partitions", "two")], "partitions: must be an integer, got the string \"two\"; write it without quotes"),
        ("KG001", [("service.type", "Nodeport")], "service.type: \"Nodeport\" is not one of LoadBalancer, NodePort, ClusterIP (did you mean NodePort?)"),
        ("KG001", [("service.lrmi.initialNodePort", 8080)], "service.lrmi.initialNodePort: must be between 30000 and 32767, got 8080"),
        ("KG001", [("image.tag", 16)], "image.tag: must be a string, got the integer 16; quote it in YAML or use --set-string"),
        ("KG001", [("ha", "yes")], "ha: must be true or false, got the string \"yes\"; write it without quotes"),
        ("KG001", [("nodeSelector", ["disk": 1])], "nodeSelector.disk: must be a string, got the integer 1"),
        ("KG107", [("partitions", 2), ("ha", true), ("antiAffinity.enabled", true), ("service.type", "NodePort"), ("service.lrmi.enabled", true), ("service.lrmi.initialNodePort", 32766)],
         "service.lrmi.initialNodePort: 32766 + 4 instance services runs past 32767 (instance service testspace-insightedge-pu-2-1-service would get 32769); use at most 32764"),
        ("KG107", [("partitions", 4096), ("ha", true), ("antiAffinity.enabled", true), ("service.type", "NodePort"), ("service.lrmi.enabled", true), ("service.lrmi.initialNodePort", 30000)],
         "service.lrmi.initialNodePort: 8192 instance services need 8192 node ports but the range 30000-32767 holds 2768"),
        ("KG110", [("partitions", 1)], "release name"),
    ]

    @Test(arguments: errors)
    func ruleIsAnError(rule: String, settings: [(String, Values)], message: String) {
        let release = rule == "KG110" ? "Bad_Name" : "testspace"
        let plan = BuiltInChart.processingUnit.plan(settings, release: release)
        #expect(plan.diagnostics.errors.contains { $0.rule == rule }, "\(plan.diagnostics)")
        #expect(plan.errorMessages.contains { $0.hasPrefix(message) || (rule == "KG110" && $0.contains(message)) }, "\(plan.errorMessages)")
        #expect(plan.templates.isEmpty)
    }

    @Test func haWithoutAntiAffinityIsAWarningNotAnError() {
        let plan = BuiltInChart.processingUnit.plan([("partitions", 2), ("ha", true)])
        #expect(plan.diagnostics.errors.isEmpty)
        #expect(plan.diagnostics.contains { $0.rule == "KG105" && $0.severity == .warning })
        #expect(!plan.templates.isEmpty)
    }

    @Test func unknownKeysAreWarnedWithASuggestion() {
        let plan = BuiltInChart.processingUnit.plan([("partitions", 1), ("service.lrmi.initialNodeport", 30000)])
        let warning = plan.diagnostics.first { $0.rule == "KG002" }
        #expect(warning?.description == "service.lrmi.initialNodeport: is not a known key of this chart and is ignored; did you mean initialNodePort?")
    }

    @Test func theDocumentedSpellingIsADeprecatedAlias() throws {
        let plan = BuiltInChart.processingUnit.plan([
            ("partitions", 1), ("service.type", "NodePort"), ("service.lrmi.enabled", true), ("service.lrmi.InitialNodePort", 31000),
        ])
        #expect(plan.diagnostics.contains { $0.rule == "KG003" && $0.description.contains("write service.lrmi.initialNodePort instead") })
        let ports = plan.objects(ofKind: "Service").compactMap { object -> Int? in
            guard case .service(let service) = object else { return nil }
            return service.spec.ports.first?.nodePort
        }
        #expect(ports == [31000])
    }

    @Test func bothSpellingsConflictUnlessTheOldOneIsNull() {
        let base: [(String, Values)] = [("partitions", 1), ("service.type", "NodePort"), ("service.lrmi.initialNodePort", 31000)]
        let conflicting = BuiltInChart.processingUnit.plan(base + [("service.lrmi.InitialNodePort", 31001)])
        #expect(conflicting.errorMessages.contains { $0.hasPrefix("service.lrmi.InitialNodePort: conflicts with service.lrmi.initialNodePort") })
        let nulled = BuiltInChart.processingUnit.plan(base + [("service.lrmi.InitialNodePort", nil)])
        #expect(nulled.diagnostics.errors.isEmpty, "\(nulled.errorMessages)")
    }

    @Test func loadBalancerCountIsAnInfoFinding() {
        let plan = BuiltInChart.processingUnit.plan([("partitions", 3), ("ha", true), ("antiAffinity.enabled", true), ("service.lrmi.enabled", true)])
        #expect(plan.diagnostics.contains { $0.rule == "KG109" && $0.severity == .info && $0.message.hasPrefix("this Space needs 6 load balancers") })
    }

    @Test func longNamesAreRefused() {
        let release = String(repeating: "a", count: 40)
        let plan = BuiltInChart.processingUnit.plan([("partitions", 10)], release: release)
        #expect(plan.diagnostics.contains { $0.rule == "KG111" })
    }
}
