/// How many client operations completed (ok, or failed and unknown) in each span of
/// virtual time, for the report's timeline, without keeping the operations. Spans are one
/// millisecond until the run passes ``maxSpans`` of them; then neighbours merge (two
/// milliseconds, four, …), so it never holds more than ``maxSpans`` counts.
///
/// Its room for ``maxSpans`` counts is taken at the first completion and kept: memory is
/// touched only as the run reaches later spans, and merging happens in place, so a long
/// run never holds more than a short one that reached the last span (growing an array by
/// doubling held the old and the new buffer at once, 21 MB at the peak for 8 MB of counts).
struct CompletionHistogram: Sendable {
    /// About seventeen minutes at millisecond resolution.
    static let maxSpans = 1 << 20

    /// The width of a span, a power of two.
    private(set) var spanMilliseconds = 1
    private var ok: [UInt32] = []
    private var failed: [UInt32] = []

    mutating func add(at time: SimTime, ok succeeded: Bool) {
        var span = max(time.milliseconds, 0) / spanMilliseconds
        while span >= Self.maxSpans {
            coarsen()
            span = max(time.milliseconds, 0) / spanMilliseconds
        }
        if span >= ok.count {
            if ok.capacity < Self.maxSpans {
                ok.reserveCapacity(Self.maxSpans)
                failed.reserveCapacity(Self.maxSpans)
            }
            ok.append(contentsOf: repeatElement(0, count: span + 1 - ok.count))
            failed.append(contentsOf: repeatElement(0, count: span + 1 - failed.count))
        }
        if succeeded { ok[span] &+= 1 } else { failed[span] &+= 1 }
    }

    /// Spans twice as wide, merged in place.
    private mutating func coarsen() {
        func halve(_ counts: inout [UInt32]) {
            let merged = (counts.count + 1) / 2
            for index in 0..<merged {
                let second = 2 * index + 1 < counts.count ? counts[2 * index + 1] : 0
                counts[index] = counts[2 * index] &+ second
            }
            counts.removeLast(counts.count - merged)
        }
        halve(&ok)
        halve(&failed)
        spanMilliseconds *= 2
    }

    /// Room held for counts (for tests: taken once, whatever the run's length).
    var capacity: Int { ok.capacity + failed.capacity }

    /// The counts in `count` equal buckets of `0..<end` milliseconds (a span goes to the
    /// bucket its start falls in, exact while spans are one millisecond).
    func buckets(_ count: Int, end: Int) -> CompletionBuckets {
        let end = max(end, 1)
        var buckets = CompletionBuckets(ok: [Int](repeating: 0, count: count), failed: [Int](repeating: 0, count: count))
        for span in ok.indices where ok[span] > 0 || failed[span] > 0 {
            let bucket = min(span * spanMilliseconds * count / end, count - 1)
            buckets.ok[bucket] += Int(ok[span])
            buckets.failed[bucket] += Int(failed[span])
        }
        return buckets
    }
}

/// Completed client operations per equal slice of a scenario, for its timeline.
public struct CompletionBuckets: Sendable, Hashable {
    /// How many slices a report's timeline has.
    public static let timelineCount = 160

    /// Operations that succeeded, per slice.
    public var ok: [Int]
    /// Operations that failed or ended with an unknown outcome, per slice.
    public var failed: [Int]
}
