import NIOConcurrencyHelpers

/// How long the server took over the GETs it answered from the read cache, from reading
/// the request's head to flushing the response, as a Prometheus histogram. A client's
/// latency above these times was spent waiting to be run (the event loop descheduled,
/// the socket queued), not in the server.
final class AnswerTimes: Sendable {
    /// The buckets' upper bounds in seconds (10 µs to 10 ms), +Inf after them.
    static let bounds: [Double] = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01]

    struct Counts: Sendable {
        /// Answers in each bucket (not cumulative), the last one +Inf.
        var buckets = [Int](repeating: 0, count: AnswerTimes.bounds.count + 1)
        var totalNanoseconds: UInt64 = 0
        var count = 0
    }

    private let counts = NIOLockedValueBox(Counts())

    func record(nanoseconds: UInt64) {
        let seconds = Double(nanoseconds) / 1e9
        let bucket = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts.withLockedValue { counts in
            counts.buckets[bucket] += 1
            counts.totalNanoseconds += nanoseconds
            counts.count += 1
        }
    }

    var snapshot: Counts { counts.withLockedValue { $0 } }

    /// The histogram in Prometheus' text format.
    static func text(_ counts: Counts) -> String {
        var output = PrometheusText()
        var cumulative = 0
        var samples: [(String, [(String, String)], Double)] = []
        for (index, count) in counts.buckets.enumerated() {
            cumulative += count
            let bound = index < bounds.count ? PrometheusText.number(bounds[index]) : "+Inf"
            samples.append(("_bucket", [("le", bound)], Double(cumulative)))
        }
        samples.append(("_sum", [], Double(counts.totalNanoseconds) / 1e9))
        samples.append(("_count", [], Double(counts.count)))
        output.histogram(
            "kubegrid_serve_cached_get_seconds",
            help: "Time from reading the head of a GET the read cache answers on the event loop to flushing its response.",
            samples)
        return output.text
    }
}
