import Testing

@testable import KubeGridSim

/// The report timeline's completion counts: exact while spans are a millisecond, merged
/// past ``CompletionHistogram/maxSpans``, holding only the spans something completed in.
@Suite struct CompletionHistogramTests {
    /// Completions at times from a fixed generator, and the same counts done by hand.
    private func completions(until end: Int, every step: Int) -> (CompletionHistogram, [(time: Int, ok: Bool)]) {
        var histogram = CompletionHistogram()
        var random = SeededRandom(seed: 5)
        var added: [(time: Int, ok: Bool)] = []
        var time = 0
        while time < end {
            let ok = Int.random(in: 0..<10, using: &random) > 0
            histogram.add(at: .milliseconds(time), ok: ok)
            added.append((time, ok))
            time += Int.random(in: 1...step, using: &random)
        }
        return (histogram, added)
    }

    @Test func shortRunsCountEachCompletionInTheBucketItsTimeFallsIn() {
        let end = 400_000
        let (histogram, added) = completions(until: end, every: 900)
        #expect(histogram.spanMilliseconds == 1)
        let buckets = histogram.buckets(160, end: end)
        var expected = CompletionBuckets(ok: Array(repeating: 0, count: 160), failed: Array(repeating: 0, count: 160))
        for (time, ok) in added {
            let bucket = min(time * 160 / end, 159)
            if ok { expected.ok[bucket] += 1 } else { expected.failed[bucket] += 1 }
        }
        #expect(buckets == expected)
    }

    /// Past the last span neighbours merge: the counts stay whole, and what it holds
    /// follows the completions, not the length of the run.
    @Test func longRunsMergeAndHoldOnlyTheSpansWithCompletions() {
        let (long, added) = completions(until: 9 * CompletionHistogram.maxSpans, every: 20_000)
        #expect(long.spanMilliseconds == 16)
        #expect(long.heldSpans <= added.count && long.heldSpans > added.count / 2)
        let buckets = long.buckets(160, end: 9 * CompletionHistogram.maxSpans)
        #expect(buckets.ok.reduce(0, +) == added.filter(\.ok).count)
        #expect(buckets.failed.reduce(0, +) == added.filter { !$0.ok }.count)
        // A span of 16 ms goes to the bucket its start falls in.
        var expected = CompletionBuckets(ok: Array(repeating: 0, count: 160), failed: Array(repeating: 0, count: 160))
        for (time, ok) in added {
            let bucket = min(time / 16 * 16 * 160 / (9 * CompletionHistogram.maxSpans), 159)
            if ok { expected.ok[bucket] += 1 } else { expected.failed[bucket] += 1 }
        }
        #expect(buckets == expected)
    }

    /// A completion earlier than the last one counted (none comes so today) still lands
    /// in its own span.
    @Test func aCompletionOutOfOrderCountsAsInOrder() {
        let (inOrder, added) = completions(until: 300_000, every: 500)
        var shuffled = CompletionHistogram()
        var random = SeededRandom(seed: 11)
        for (time, ok) in added.shuffled(using: &random) { shuffled.add(at: .milliseconds(time), ok: ok) }
        shuffled.add(at: .milliseconds(added[3].time), ok: false)
        var expected = inOrder
        expected.add(at: .milliseconds(added[3].time), ok: false)
        #expect(shuffled.heldSpans == expected.heldSpans)
        #expect(shuffled.buckets(160, end: 300_000) == expected.buckets(160, end: 300_000))
        #expect(shuffled.buckets(7_000, end: 300_000) == expected.buckets(7_000, end: 300_000))
    }
}
