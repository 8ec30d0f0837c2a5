import Testing

@testable import KubeGridSim

@Suite struct WorkloadTests {
    static let spaces = [(key: "default/a", partitions: 4), (key: "default/b", partitions: 2)]

    func all(_ plan: WorkloadPlan) -> [PlannedOperation] {
        var cursor = plan.cursor()
        var operations: [PlannedOperation] = []
        while let next = cursor.next() { operations.append(next) }
        return operations
    }

    @Test func everyPartitionIsWrittenAndReadFirstThenTheRandomOperations() {
        let plan = WorkloadPlan(spaces: Self.spaces, operations: 30, random: SeededRandom(seed: 5))
        let operations = all(plan)
        #expect(operations.count == 2 * (4 + 2) + 30 && plan.count == operations.count)
        #expect(operations.prefix(12).map(\.function) == Array(repeating: [Operation.Function.write, .read], count: 6).flatMap { $0 })
        let values = operations.compactMap(\.value)
        #expect(values == (1...values.count).map { "v\($0)" }, "values are numbered in plan order")
        #expect(Set(operations.dropFirst(12).map(\.key)).isDisjoint(with: operations.prefix(12).map(\.key)))
    }

    @Test func theClientsShareThePlanRoundRobinWithoutHoldingIt() {
        let plan = WorkloadPlan(spaces: Self.spaces, operations: 101, random: SeededRandom(seed: 9))
        let expected = all(plan)
        var clients = (0..<4).map { id in
            ClientState(id: id, cursor: plan.cursor(), stride: 4, planned: (plan.count - id + 3) / 4, interval: .zero)
        }
        var merged: [PlannedOperation] = []
        for index in 0..<plan.count {
            let operation = clients[index % 4].nextPlanned()
            if let operation { merged.append(operation) }
        }
        #expect(merged.map(\.key) == expected.map(\.key) && merged.map(\.value) == expected.map(\.value))
        for index in clients.indices { #expect(clients[index].nextPlanned() == nil) }
    }

    @Test func aLongRunDrawsFromAtMostTheKeyLimit() {
        let plan = WorkloadPlan(spaces: [(key: "default/a", partitions: 4)], operations: 100_000_000, random: SeededRandom(seed: 1))
        #expect(plan.spaces[0].keys == WorkloadPlan.keyLimit)
        #expect(WorkloadPlan(spaces: [(key: "default/a", partitions: 4)], operations: 5_000, random: SeededRandom(seed: 1)).spaces[0].keys == 5_000)
        #expect(WorkloadPlan(spaces: [(key: "default/a", partitions: 4096)], operations: 100, random: SeededRandom(seed: 1)).spaces[0].keys == 16_384)
    }

    @Test func replayingTheWritesFindsWhatTheCursorWrote() {
        let plan = WorkloadPlan(spaces: Self.spaces, operations: 200, random: SeededRandom(seed: 3))
        let writes = all(plan).enumerated().filter { $0.element.function == .write }
        var replayed: [(Int, String, String)] = []
        PlanCursor.forEachWrite(of: plan) { index, _, key, value in replayed.append((index, key, value)) }
        #expect(replayed.map(\.0) == writes.map(\.offset))
        #expect(replayed.map(\.1) == writes.map(\.element.key) && replayed.map(\.2) == writes.map { $0.element.value ?? "" })
    }
}
