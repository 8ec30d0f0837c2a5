/// What happens when: the virtual clock, the events still to come, and the Kubernetes and
/// grid events that happened (`kubectl get events`). Controllers that are types of their
/// own are handed it to schedule work and record what they did.
struct Timeline: Sendable {
    private(set) var now = SimTime.zero
    private var queue = EventQueue<SimEvent>()
    private(set) var events: [ClusterEvent] = []
    /// What the pods' applications logged (`kubectl logs`).
    private(set) var podLogs = PodLogs()

    mutating func schedule(_ event: SimEvent, after delay: SimTime = .zero) {
        queue.schedule(event, at: now + delay)
    }

    /// Records a Kubernetes or grid event.
    mutating func record(_ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType = .normal) {
        events.append(ClusterEvent(time: now, object: object, type: type, reason: reason, message: message))
    }

    /// Records a grid event that the application in the pod with `podKey` and `uid` also
    /// writes to its log.
    mutating func record(
        _ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType, loggedBy podKey: String, uid: Int
    ) {
        record(object, reason, message, type: type)
        podLogs.append(podKey, uid: uid, at: now, "\(type == .warning ? "WARNING" : "INFO") [\(object)] \(reason): \(message)")
    }

    /// Forgets the log of a pod that is gone.
    mutating func dropLog(of podKey: String) {
        podLogs.remove(podKey)
    }

    /// When the next event is due.
    var nextTime: SimTime? { queue.nextTime }

    /// The next event due at `time`, moving the clock there.
    mutating func popEvent(at time: SimTime) -> SimEvent? {
        guard queue.nextTime == time, let (_, event) = queue.pop() else { return nil }
        now = time
        return event
    }

    /// Moves the clock forward without running events.
    mutating func advance(to time: SimTime) {
        if time > now { now = time }
    }
}
