import Testing
@testable import KubeGridSim

@Suite struct SimModuleTests {
    @Test func printsHAExample() throws {
        let report = try simulate(GridFixture())
        print(TextReport.text(report))
        for node in report.nodes { print(node.name, node.pods.map { "\($0.name):\($0.role):\($0.status)" }) }
        for event in report.scenarios[0].events.prefix(400) { print(event.time, event.object, event.reason, event.message) }
        #expect(report.passed)
    }
}
