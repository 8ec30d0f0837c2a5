/// kube-scheduler: it watches pods and nodes, keeps the pods to place in arrival order,
/// and each cycle binds what fits (a binding through the API server) and leaves the rest
/// Pending with a `FailedScheduling` event, to be retried when a pod goes away or a node
/// changes (and every five minutes regardless, as kube-scheduler does).
struct KubeScheduler: Sendable {
    /// Its watch of pods and nodes.
    let changes: ChangeFeed.Consumer
    /// The placement cache: nodes, what runs on them, and the filters and scores.
    var cache: Scheduler
    /// How long a pod no node fits waits before it is tried again regardless.
    let unschedulableRetry: SimTime
    private(set) var active: [String] = []
    private(set) var unschedulable: [String] = []
    /// True while a scheduling cycle is on the clock.
    private var cycleQueued = false

    init(cache: Scheduler, unschedulableRetry: SimTime, changes: ChangeFeed.Consumer) {
        self.cache = cache
        self.unschedulableRetry = unschedulableRetry
        self.changes = changes
    }

    /// Pods to place or forget, nodes to place them on.
    mutating func observe(_ event: WatchEvent, nodes: NodeTable, timeline: inout Timeline) {
        let metadata = event.object.metadata
        switch (event.object.body, event.type) {
        case (.pod, .added):
            enqueue("\(metadata.namespace ?? "default")/\(metadata.name)", timeline: &timeline)
        case (.pod(let pod), .deleted):
            forget("\(metadata.namespace ?? "default")/\(metadata.name)", wasBound: pod.nodeName != nil)
            clusterChanged(timeline: &timeline)
        case (.node, .added):
            if cache.hasNode(metadata.name) {
                cache.restoreNode(metadata.name)
            } else if let node = nodes[metadata.name] {
                cache.addNode(node)
            }
            clusterChanged(timeline: &timeline)
        case (.node(let node), .modified):
            cache.updateNode(metadata.name, unschedulable: node.unschedulable, taints: node.taints)
        case (.node, .deleted):
            cache.removeNode(metadata.name)
        default:
            break
        }
    }

    /// One scheduling cycle over the queue. A pod that fits is bound; one that does not
    /// keeps why on its status (`schedulingFailure`) and waits.
    mutating func runCycle(pods: inout PodTable, api: inout APIServer, timeline: inout Timeline) {
        cycleQueued = false
        let queue = active
        active = []
        for key in queue {
            guard var pod = pods[key], !cache.isPlaced(key) else { continue }
            let view = pod.schedulingView
            switch cache.schedule(view) {
            case .node(let nodeName):
                cache.assume(view, on: nodeName)
                pod.schedulingFailure = nil
                pods[key] = pod
                api.bind(ObjectKey(.pod, namespace: pod.namespace, pod.name), to: nodeName, at: timeline.now)
                timeline.record("pod/\(pod.name)", "Scheduled", "Successfully assigned \(key) to \(nodeName)")
            case .unschedulable(let failure):
                let message = failure.message
                if pod.schedulingMessage != message {
                    timeline.record("pod/\(pod.name)", "FailedScheduling", message, type: .warning)
                }
                pod.schedulingFailure = failure
                pods[key] = pod
                unschedulable.append(key)
                if unschedulable.count == 1 { timeline.schedule(.retryUnschedulable, after: unschedulableRetry) }
            }
        }
    }

    /// The periodic retry of the pods no node fit.
    mutating func retryUnschedulable(timeline: inout Timeline) {
        clusterChanged(timeline: &timeline)
    }

    private mutating func enqueue(_ key: String, timeline: inout Timeline) {
        active.append(key)
        if !cycleQueued {
            cycleQueued = true
            timeline.schedule(.schedulingCycle)
        }
    }

    /// Something changed that may let a Pending pod fit: a pod went away, a node came or changed.
    private mutating func clusterChanged(timeline: inout Timeline) {
        let waiting = unschedulable
        unschedulable = []
        for key in waiting { enqueue(key, timeline: &timeline) }
    }

    /// A pod's containers exited for good (Succeeded or Failed): as kube-scheduler's cache
    /// does with a terminated pod, it no longer counts against its node, and what waits may fit.
    mutating func podFinished(_ key: String, timeline: inout Timeline) {
        forget(key, wasBound: true)
        clusterChanged(timeline: &timeline)
    }

    /// Forgets a deleted pod, wherever it waits or is placed.
    private mutating func forget(_ key: String, wasBound: Bool) {
        active.removeAll { $0 == key }
        unschedulable.removeAll { $0 == key }
        if wasBound { cache.forget(key) }
    }
}
