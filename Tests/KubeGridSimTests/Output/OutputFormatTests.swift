import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct OutputFormatTests {
    func report(_ fixture: GridFixture, nodes: Int = 3) throws -> SimulationReport {
        try simulate(fixture, nodes: nodes, operations: 10)
    }

    @Test func jsonHasTheFieldsOfTheSpec() throws {
        let values = JSONReport.values(try report(GridFixture(partitions: 2)))
        guard case .map(let root) = values else {
            Issue.record("not a map")
            return
        }
        #expect(Array(root.keys.prefix(2)) == ["passed", "seed"])
        #expect(root["passed"] == .bool(true))
        #expect(root["seed"] == .int(1))
        let node = try #require(root["nodes"]?.listValue?.first?.mapValue)
        #expect(node["name"] != nil && node["zone"] != nil && node["pods"]?.listValue != nil)
        let scenario = try #require(root["scenarios"]?.listValue?.first?.mapValue)
        for key in ["name", "passed", "acknowledgedWrites", "lostWrites", "phantomValues", "unavailableSeconds", "reasons", "events"] {
            #expect(scenario[key] != nil, "missing \(key)")
        }
        #expect(scenario["unavailableSeconds"] == .map(["1": .float(0), "2": .float(0)]))
        let event = try #require(scenario["events"]?.listValue?.first?.mapValue)
        #expect(Array(event.keys) == ["time", "object", "type", "reason", "message"])
    }

    @Test func jsonShowsTheNetworkPartitionScenario() throws {
        let values = JSONReport.values(try simulate(.haExample, operations: 20, scenarios: [.partition]))
        let scenario = try #require(values.mapValue?["scenarios"]?.listValue?.first?.mapValue)
        #expect(scenario["name"] == .string("partition") && scenario["passed"] == .bool(true))
        let faults = try #require(scenario["faults"]?.listValue)
        #expect(faults.count == 3)
        #expect(faults.allSatisfy { $0.mapValue?["kind"] == .string("network-partition") })
    }

    @Test func textHasALinePerScenarioAndTheReasonsBelow() throws {
        let failing = TextReport.text(try report(GridFixture(partitions: 1), nodes: 1))
        let lines = failing.split(separator: "\n").map(String.init)
        #expect(lines[0] == "kubegrid simulate: 1 node in 1 zone, seed 1, external client")
        #expect(lines[1].hasPrefix("FAIL deploy: 2/3 pods ready"))
        #expect(lines[2].hasPrefix("  - pod test-insightedge-pu-1-1 is Pending: 0/1 nodes are available"))
        let passing = TextReport.text(try report(GridFixture(partitions: 1)))
        #expect(passing.split(separator: "\n")[1].hasPrefix("PASS deploy: 3/3 pods ready, 2/2 instances registered, 1/1 partitions reached"))
    }

    @Test func junitHasATestcasePerScenarioWithItsFailure() throws {
        let xml = JUnitReport.text(try report(GridFixture(partitions: 1), nodes: 1))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kubegrid simulate\" tests=\"1\" failures=\"1\""))
        #expect(xml.contains("<testcase classname=\"kubegrid.simulate\" name=\"deploy\""))
        #expect(xml.contains("<failure type=\"ScenarioFailed\" message=\"pod test-insightedge-pu-1-1 is Pending: 0/1 nodes are available: 1 node(s) didn&apos;t match pod anti-affinity rules."))
    }

    @Test(arguments: [(0, "0s"), (1500, "1.5s"), (86_278, "86.278s"), (120_000, "120s"), (5, "0.005s")])
    func virtualTimesPrintShort(milliseconds: Int, expected: String) {
        #expect(SimTime(milliseconds: milliseconds).description == expected)
    }
}
