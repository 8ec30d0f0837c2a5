import OrderedCollections
import Testing

@testable import KubeGridCore

/// One role recognition for lint and the simulator: arguments, then
/// `app.kubernetes.io/component`, then the legacy `component` label.
@Suite struct GridMemberTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var args: [[String]]
        var labels: OrderedDictionary<String, String>
        var expected: String
        var container: Int?
    }

    static let cases: [Case] = [
        Case(description: "manager by arguments", args: [["component=manager", "full.name=m"]], labels: [:],
             expected: "manager", container: 0),
        Case(description: "space by arguments in the second container", args: [["sidecar"], ["component=pu"]],
             labels: [:], expected: "space", container: 1),
        Case(description: "arguments win over labels", args: [["component=manager"]],
             labels: ["app.kubernetes.io/component": "space", "component": "space"], expected: "manager", container: 0),
        Case(description: "app.kubernetes.io/component", args: [["partitions=2"]],
             labels: ["app.kubernetes.io/component": "space"], expected: "space", container: 0),
        Case(description: "legacy component label", args: [], labels: ["component": "manager"],
             expected: "manager", container: nil),
        Case(description: "app.kubernetes.io/component wins over the legacy label", args: [[]],
             labels: ["app.kubernetes.io/component": "web", "component": "space"], expected: "other", container: nil),
        Case(description: "an init component is not a role", args: [["component=init", "manager.name=m"]],
             labels: [:], expected: "other", container: nil),
        Case(description: "unknown component", args: [["component=zookeeper"]], labels: ["component": "db"],
             expected: "other", container: nil),
        Case(description: "the notebook by arguments", args: [["component=zeppelin"]], labels: [:],
             expected: "zeppelin", container: 0),
        Case(description: "the notebook by its label", args: [[]], labels: ["app.kubernetes.io/component": "zeppelin"],
             expected: "zeppelin", container: 0),
        Case(description: "the notebook by the legacy label", args: [], labels: ["component": "zeppelin"],
             expected: "zeppelin", container: nil),
        Case(description: "arguments win over the notebook's label", args: [["component=pu"]],
             labels: ["app.kubernetes.io/component": "zeppelin"], expected: "space", container: 0),
    ]

    @Test(arguments: cases) func recognition(_ testCase: Case) {
        let recognised = GridMember.recognise(containerArgs: testCase.args, labels: testCase.labels)
        let name: String
        switch recognised.member {
        case .manager: name = "manager"
        case .spaceInstance: name = "space"
        case .zeppelin: name = "zeppelin"
        case .sparkDriver: name = "spark driver"
        case .sparkExecutor: name = "spark executor"
        case .other: name = "other"
        }
        #expect(name == testCase.expected)
        #expect(recognised.container == testCase.container)
    }

    @Test func labelRecognitionReadsTheFirstContainersArguments() {
        let recognised = GridMember.recognise(
            containerArgs: [["partitions=2", "partitionId=2", "ha=true"]], labels: ["component": "space"])
        guard case .spaceInstance(let space) = recognised.member else {
            Issue.record("expected a Space instance")
            return
        }
        #expect(space.partitionId == 2)
        #expect(space.hasBackups)
    }
}
