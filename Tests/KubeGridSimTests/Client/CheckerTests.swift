import Testing

@testable import KubeGridSim

@Suite struct CheckerTests {
    var history = History()
    var time = 0

    mutating func add(_ process: Int, _ type: Operation.EntryType, _ function: Operation.Function, _ key: String, _ value: String?) {
        time += 1
        history.record(
            Operation(
                process: process, type: type, function: function, key: key, value: value, partition: 1, space: "s",
                time: .milliseconds(time)))
    }

    mutating func write(_ key: String, _ value: String, _ outcome: Operation.EntryType = .ok, process: Int = 0) {
        add(process, .invoke, .write, key, value)
        add(process, outcome, .write, key, value)
    }

    mutating func finalRead(_ key: String, _ value: String?) {
        add(-1, .invoke, .read, key, nil)
        add(-1, .ok, .read, key, value)
    }

    @Test mutating func theLastAcknowledgedWriteMustSurvive() {
        write("k", "v1")
        write("k", "v2")
        finalRead("k", "v2")
        let clean = Checker.check(history)
        #expect(clean.acknowledgedWrites == 2 && clean.lostWrites == 0 && clean.phantomValues == 0)
    }

    @Test mutating func aMissingAcknowledgedWriteIsLost() {
        write("k", "v1")
        finalRead("k", nil)
        let result = Checker.check(history)
        #expect(result.lostWrites == 1)
        #expect(result.lost == [CheckResult.LostWrite(space: "s", partition: 1, key: "k", value: "v1")])
    }

    @Test mutating func anOlderValueMeansTheNewerWriteWasLost() {
        write("k", "v1")
        write("k", "v2")
        finalRead("k", "v1")
        #expect(Checker.check(history).lostWrites == 1)
    }

    @Test mutating func aValueNobodyWroteIsAPhantom() {
        write("k", "v1")
        finalRead("k", "zzz")
        let result = Checker.check(history)
        #expect(result.phantomValues == 1 && result.lostWrites == 1)
    }

    @Test mutating func aWriteOfUnknownOutcomeMayLegitimatelyWin() {
        write("k", "v1")
        write("k", "v2", .info)
        finalRead("k", "v2")
        #expect(Checker.check(history).lostWrites == 0)
    }

    @Test mutating func aFailedWriteMayNotWin() {
        write("k", "v1")
        write("k", "v2", .fail)
        finalRead("k", "v2")
        #expect(Checker.check(history).lostWrites == 1)
    }

    @Test mutating func concurrentWritesMayLandInEitherOrder() {
        add(0, .invoke, .write, "k", "a")
        add(1, .invoke, .write, "k", "b")
        add(1, .ok, .write, "k", "b")
        add(0, .ok, .write, "k", "a")
        finalRead("k", "a")
        #expect(Checker.check(history).lostWrites == 0)
    }
}
