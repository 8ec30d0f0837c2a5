import Testing

@testable import KubeGridSim

/// The read-set check alone: what a job must have read of the writes acknowledged before it
/// started, and what it may read instead (a value written after the start).
@Suite struct SparkReadCheckTests {
    func history(_ entries: [(Operation.EntryType, String, String, Int)]) -> History {
        var history = History()
        for (type, key, value, second) in entries {
            history.record(
                Operation(
                    process: 0, type: type, function: .write, key: key, value: value, partition: 1, space: "default/s",
                    time: .seconds(second)))
        }
        return history
    }

    func id(_ key: String) -> KeyID { KeyID(space: "default/s", key: key) }

    @Test func everyAcknowledgedWriteMustBeRead() {
        let check = SparkReadCheck(
            history: history([
                (.invoke, "a", "1", 1), (.ok, "a", "1", 1), (.invoke, "a", "2", 2), (.ok, "a", "2", 2),
                (.invoke, "b", "3", 3), (.fail, "b", "3", 3), (.invoke, "c", "4", 4), (.ok, "c", "4", 12),
            ]), start: .seconds(10))
        // c was acknowledged after the start; b never was.
        #expect(check.acknowledged == [id("a"): "2"])
        #expect(check.misses(in: [id("a"): "2"]).isEmpty)
        #expect(check.misses(in: [:]) == [SparkReadCheck.Miss(key: id("a"), expected: "2", read: nil)])
        // An older value than the last acknowledged is a miss too.
        #expect(check.misses(in: [id("a"): "1"]) == [SparkReadCheck.Miss(key: id("a"), expected: "2", read: "1")])
    }

    @Test func aValueWrittenAfterTheStartMayReplaceIt() {
        let check = SparkReadCheck(
            history: history([(.invoke, "a", "1", 1), (.ok, "a", "1", 1), (.invoke, "a", "9", 11)]), start: .seconds(10))
        #expect(check.misses(in: [id("a"): "9"]).isEmpty)
        #expect(check.misses(in: [id("a"): "7"]).count == 1)
    }
}
