/// How many client operations completed (ok, or failed and unknown) in each span of
/// virtual time, for the report's timeline, without keeping the operations. Spans are one
/// millisecond until the run passes ``maxSpans`` of them; then neighbours merge (two
/// milliseconds, four, …), so it never counts more than ``maxSpans`` spans.
///
/// Only the spans some operation completed in are held, in time order: a run completes an
/// operation every few milliseconds at most, and filling every empty millisecond with
/// zeros cost each completion about 1,400 instructions and the run 8 MB of counts. So
/// memory follows the completions and never passes ``maxSpans`` entries.
struct CompletionHistogram: Sendable {
    /// About seventeen minutes at millisecond resolution.
    static let maxSpans = 1 << 20

    /// The width of a span, a power of two.
    private(set) var spanMilliseconds = 1
    /// The spans with completions, by span number, ascending.
    private var spans: [SpanCounts] = []

    private struct SpanCounts: Sendable {
        var span: Int
        var ok: UInt32 = 0
        var failed: UInt32 = 0

        mutating func add(ok succeeded: Bool) {
            if succeeded { ok &+= 1 } else { failed &+= 1 }
        }
    }

    mutating func add(at time: SimTime, ok succeeded: Bool) {
        var span = max(time.milliseconds, 0) / spanMilliseconds
        while span >= Self.maxSpans {
            coarsen()
            span = max(time.milliseconds, 0) / spanMilliseconds
        }
        // Completions come in time order: the span is the last one or a new last one.
        if let last = spans.last?.span, span <= last {
            let index = span == last ? spans.count - 1 : insertionIndex(of: span)
            if index == spans.count || spans[index].span != span { spans.insert(SpanCounts(span: span), at: index) }
            spans[index].add(ok: succeeded)
        } else {
            spans.append(SpanCounts(span: span))
            spans[spans.count - 1].add(ok: succeeded)
        }
    }

    /// Where `span` is, or would go, among the spans held.
    private func insertionIndex(of span: Int) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].span < span { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Spans twice as wide, merged in place.
    private mutating func coarsen() {
        var merged = 0
        for index in spans.indices {
            let wide = spans[index].span / 2
            if merged > 0, spans[merged - 1].span == wide {
                spans[merged - 1].ok &+= spans[index].ok
                spans[merged - 1].failed &+= spans[index].failed
            } else {
                spans[merged] = SpanCounts(span: wide, ok: spans[index].ok, failed: spans[index].failed)
                merged += 1
            }
        }
        spans.removeLast(spans.count - merged)
        spanMilliseconds *= 2
    }

    /// How many spans with completions it holds (for tests).
    var heldSpans: Int { spans.count }

    /// The counts in `count` equal buckets of `0..<end` milliseconds (a span goes to the
    /// bucket its start falls in, exact while spans are one millisecond).
    func buckets(_ count: Int, end: Int) -> CompletionBuckets {
        let end = max(end, 1)
        var buckets = CompletionBuckets(ok: [Int](repeating: 0, count: count), failed: [Int](repeating: 0, count: count))
        for counts in spans where counts.ok > 0 || counts.failed > 0 {
            let bucket = min(counts.span * spanMilliseconds * count / end, count - 1)
            buckets.ok[bucket] += Int(counts.ok)
            buckets.failed[bucket] += Int(counts.failed)
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
