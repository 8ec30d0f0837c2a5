/// What happens when: the virtual clock, the events still to come, and the Kubernetes and
/// grid events that happened (`kubectl get events`). Controllers that are types of their
/// own are handed it to schedule work and record what they did.
struct Timeline: Sendable {
    private(set) var now = SimTime.zero
    private var queue = EventQueue<SimEvent>()
    private(set) var events: [ClusterEvent] = []

    mutating func schedule(_ event: SimEvent, after delay: SimTime = .zero) {
        queue.schedule(event, at: now + delay)
    }

    /// Records a Kubernetes or grid event.
    mutating func record(_ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType = .normal) {
        events.append(ClusterEvent(time: now, object: object, type: type, reason: reason, message: message))
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
