import Testing

@testable import KubeGridSim

/// The checker's per-key state lives in slots the workload plan fixes: what it holds is
/// set when the run starts, however long the history.
@Suite struct KeySlotsTests {
    @Test func onlyTheDecimalSpellingIsANumber() {
        #expect(KeySlots.number("key-7", prefix: "key-") == 7)
        #expect(KeySlots.number("key-0", prefix: "key-") == 0)
        #expect(KeySlots.number("key-120", prefix: "key-") == 120)
        for text in ["key-07", "key-", "kex-1", "key-1a", "key--1", "key-1234567890123456789", "key"] {
            #expect(KeySlots.number(text, prefix: "key-") == nil, "\(text)")
        }
        #expect(KeySlots.number("v0", prefix: "v") == 0)
        #expect(KeySlots.number("v00", prefix: "v") == nil)
    }

    @Test func planKeysHaveFixedSlotsAndOthersGetTheirOwn() {
        let plan = WorkloadPlan(
            spaces: [(key: "ns/a", partitions: 2), (key: "ns/b", partitions: 3)], operations: 100, random: SeededRandom(seed: 1))
        var slots = KeySlots(plan: plan)
        let planned = slots.planned
        #expect(planned == plan.spaces.reduce(0) { $0 + $1.firstRandomKey + $1.keys })
        let first = slots.slot(space: "ns/b", key: "key-3")
        #expect(!first.new && slots.id(of: first.slot) == KeyID(space: "ns/b", key: "key-3"))
        // Spelled differently, or of another Space, or past the plan's keys: a key of its own.
        for (space, key) in [("ns/b", "key-03"), ("ns/c", "key-3"), ("ns/a", "key-\(planned * 10)")] {
            let other = slots.slot(space: space, key: key)
            #expect(other.new && other.slot >= planned && slots.id(of: other.slot) == KeyID(space: space, key: key))
            #expect(slots.slot(space: space, key: key) == (other.slot, false))
        }
        #expect(slots.count == planned + 3)
    }

    @Test func valuesOutsideTheWorkloadKeepTheirText() {
        var values = ValueNumbers()
        #expect(values.number("v42") == 42 && values.text(42) == "v42")
        let odd = values.number("v042")
        #expect(odd < 0 && values.text(odd) == "v042" && values.number("v042") == odd)
        #expect(values.existingNumber("never") == nil)
    }

    /// A long run over the plan's keys holds no more than a short one.
    @Test func theCheckerHoldsWhatThePlanSetUpHoweverLongTheHistory() {
        let plan = WorkloadPlan(spaces: [(key: "ns/a", partitions: 4)], operations: 2_000, random: SeededRandom(seed: 3))
        var checker = StreamingChecker(plan: plan)
        let before = checker.statesHeld
        let orders = checker.orderCapacity
        #expect(orders.seen >= before.keys && orders.written >= before.keys)
        var position = 0
        // Every operation of the plan five times over, two clients overlapping.
        for _ in 0..<5 {
            var cursor = plan.cursor()
            while let operation = cursor.next() {
                position += 1
                let entry = Operation(
                    process: position % 2, type: .invoke, function: operation.function, key: operation.key,
                    value: operation.value, partition: 1,
                    space: operation.spaceKey, time: .milliseconds(position))
                checker.observe(entry)
                var done = entry
                done.type = .ok
                checker.observe(done)
            }
        }
        #expect(before.keys > 2_000 && checker.statesHeld == before)
        // The final read's and the verdict's orders were made for every key up front.
        #expect(checker.orderCapacity == orders)
        #expect(Array(checker.writtenKeys.map(\.id)).count == Set(checker.writtenKeys.map(\.id)).count)
        #expect(checker.writesKept <= before.keys)
    }
}
