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

    @Test mutating func anOldValueThatComesBackIsALostWriteNotAPhantom() {
        // The checker has long dropped v1 (outrun by later writes); it must still know v1 was written.
        for n in 1...50 { write("k", "v\(n)") }
        finalRead("k", "v1")
        let result = Checker.check(history)
        #expect(result.lostWrites == 1 && result.phantomValues == 0)
        #expect(result.lost.first?.value == "v50")
    }

    @Test mutating func aFailedWriteThatComesBackIsNoPhantom() {
        write("k", "v1")
        write("k", "v2", .fail)
        write("k", "v3")
        finalRead("k", "v2")
        let result = Checker.check(history)
        #expect(result.lostWrites == 1 && result.phantomValues == 0)
    }

    @Test mutating func theCheckerKeepsOnlyTheWritesThatCanStillWin() {
        var checker = StreamingChecker()
        var kept: [Int] = []
        for n in 1...10_000 {
            for entry in [Operation.EntryType.invoke, .ok] {
                time += 1
                checker.observe(
                    Operation(
                        process: n % 3, type: entry, function: .write, key: "k", value: "v\(n)", partition: 1, space: "s",
                        time: .milliseconds(time)))
            }
            kept.append(checker.writesKept)
        }
        // Sequential writes: each acknowledged write outruns the one before.
        #expect(kept.max() == 1)
    }

    @Test mutating func writesThatMayStillLandAreKept() {
        var checker = StreamingChecker()
        func observe(_ process: Int, _ type: Operation.EntryType, _ value: String) {
            time += 1
            checker.observe(
                Operation(
                    process: process, type: type, function: .write, key: "k", value: value, partition: 1, space: "s",
                    time: .milliseconds(time)))
        }
        observe(0, .invoke, "a")
        observe(1, .invoke, "b")
        observe(1, .ok, "b")
        observe(0, .info, "a")
        observe(1, .invoke, "c")
        observe(1, .ok, "c")
        // "a" may still land at any time; "b" was acknowledged before "c" was invoked.
        #expect(checker.writesKept == 2)
    }
}
