/// kube-scheduler's own state: the placement cache (``Scheduler``), the active queue of
/// pods to place in arrival order, and the pods no node fits, kept for a retry.
struct SchedulingQueue: Sendable {
    /// The scheduler's watch of pods and nodes.
    let changes: ChangeFeed.Consumer
    var scheduler: Scheduler
    private(set) var active: [String] = []
    private(set) var unschedulable: [String] = []
    /// True while a scheduling cycle is on the clock.
    private(set) var cycleQueued = false

    init(scheduler: Scheduler, changes: ChangeFeed.Consumer) {
        self.scheduler = scheduler
        self.changes = changes
    }

    /// Queues a pod; true when no cycle is on the clock yet and one must be.
    mutating func add(_ key: String) -> Bool {
        active.append(key)
        defer { cycleQueued = true }
        return !cycleQueued
    }

    /// The pods to try in this cycle; the queue is empty afterwards.
    mutating func takeActive() -> [String] {
        cycleQueued = false
        defer { active = [] }
        return active
    }

    /// Parks a pod no node fits; true when it is the first, so a periodic retry must be set.
    mutating func park(_ key: String) -> Bool {
        unschedulable.append(key)
        return unschedulable.count == 1
    }

    /// The parked pods, to queue again; none are parked afterwards.
    mutating func takeUnschedulable() -> [String] {
        defer { unschedulable = [] }
        return unschedulable
    }

    /// Forgets a deleted pod, wherever it waits or is placed.
    mutating func forget(_ key: String, wasBound: Bool) {
        active.removeAll { $0 == key }
        unschedulable.removeAll { $0 == key }
        if wasBound { scheduler.forget(key) }
    }
}
