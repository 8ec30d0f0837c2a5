/// What the simulated containers print, as `kubectl logs` shows it: per pod, the lines its
/// application wrote (registration with the lookup service, elections, recovery), the last
/// `limit` of them (a kubelet rotates container logs too). A pod made again under its name
/// starts an empty log, and a deleted pod's log goes, so the logs are bounded by the pods.
struct PodLogs: Sendable {
    /// One line, numbered across all pods so a follower knows what it has read.
    struct Line: Sendable, Hashable {
        let number: Int
        let time: SimTime
        let text: String
    }

    static let limit = 1000

    private struct Log {
        var uid: Int
        var lines: [Line]
    }

    private var logs: [String: Log] = [:]
    private var nextNumber = 1

    mutating func append(_ podKey: String, uid: Int, at time: SimTime, _ text: String) {
        var log = logs[podKey].flatMap { $0.uid == uid ? $0 : nil } ?? Log(uid: uid, lines: [])
        log.lines.append(Line(number: nextNumber, time: time, text: text))
        nextNumber += 1
        // Drop in batches: each line is moved a constant number of times.
        if log.lines.count >= 2 * Self.limit { log.lines.removeFirst(log.lines.count - Self.limit) }
        logs[podKey] = log
    }

    mutating func remove(_ podKey: String) {
        logs[podKey] = nil
    }

    /// The pod's retained lines, oldest first, for the container with `uid`.
    func lines(_ podKey: String, uid: Int) -> ArraySlice<Line> {
        guard let log = logs[podKey], log.uid == uid else { return [] }
        return log.lines.suffix(Self.limit)
    }
}
