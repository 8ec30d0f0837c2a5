import Testing

@testable import KubeGridCore

/// Lint recognises a Space partition the way the simulator does (``GridMember``): by the
/// container arguments when the pod labels do not name a component.
@Suite struct GridRoleLintTests {
    /// The partition fixture without its budget and component label; `args` is the
    /// container's argument list, if any.
    func unprotectedPartition(args: String?) -> String {
        var text = LintFixtures.partition(replacing: "kind: PodDisruptionBudget", with: "kind: ConfigMap")
        text = text.replacingFirst("labels: {app: s, component: space, selectorId: s-1, partitionId: \"1\"}", with: "labels: {app: s, selectorId: s-1}")
        #expect(!text.contains("component: space"))
        if let args {
            text = text.replacingFirst("      - name: pu\n", with: "      - name: pu\n        args: \(args)\n")
            #expect(text.contains("args: "))
        }
        return text
    }

    @Test func thePartitionsArgumentsMakeItAPartition() {
        let report = lint(["m.yaml"], files: ["m.yaml": unprotectedPartition(args: "[component=pu, partitions=1, partitionId=1, ha=true]")])
        #expect(report.rules.contains("KG210"))
    }

    @Test func withoutArgumentsOrLabelsItIsNoGridWorkload() {
        let report = lint(["m.yaml"], files: ["m.yaml": unprotectedPartition(args: nil)])
        #expect(!report.rules.contains("KG210"))
    }
}
