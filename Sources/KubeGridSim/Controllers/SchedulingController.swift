/// The scheduler's queue: pods wait in arrival order, each cycle binds what fits and
/// leaves the rest Pending with a `FailedScheduling` event, to be retried when a pod
/// goes away or a node changes (and every five minutes regardless, as kube-scheduler does).
extension World {
    /// Pods to place or forget, nodes to place them on.
    mutating func schedulerObserved(_ event: WatchEvent) {
        let metadata = event.object.metadata
        switch (event.object.body, event.type) {
        case (.pod, .added):
            enqueueForScheduling("\(metadata.namespace ?? "default")/\(metadata.name)")
        case (.pod(let pod), .deleted):
            scheduling.forget("\(metadata.namespace ?? "default")/\(metadata.name)", wasBound: pod.nodeName != nil)
            clusterChanged()
        case (.node, .added):
            if scheduling.scheduler.hasNode(metadata.name) {
                scheduling.scheduler.restoreNode(metadata.name)
            } else if let node = nodes[metadata.name] {
                scheduling.scheduler.addNode(node)
            }
            clusterChanged()
        case (.node(let node), .modified):
            scheduling.scheduler.updateNode(metadata.name, unschedulable: node.unschedulable, taints: node.taints)
        case (.node, .deleted):
            scheduling.scheduler.removeNode(metadata.name)
        default:
            break
        }
    }

    mutating func enqueueForScheduling(_ key: String) {
        if scheduling.add(key) { schedule(.schedulingCycle) }
    }

    mutating func runSchedulingCycle() {
        for key in scheduling.takeActive() {
            guard var pod = pods[key], pod.nodeName == nil else { continue }
            let view = pod.schedulingView
            switch scheduling.scheduler.schedule(view) {
            case .node(let nodeName):
                scheduling.scheduler.assume(view, on: nodeName)
                pod.nodeName = nodeName
                pod.schedulingFailure = nil
                pod.stage = .creating
                pods[key] = pod
                write { (api: inout APIServer, now: SimTime) in api.bind(ObjectKey(.pod, namespace: pod.namespace, pod.name), to: nodeName, at: now) }
                record("pod/\(pod.name)", "Scheduled", "Successfully assigned \(key) to \(nodeName)")
                schedule(.sandboxReady(uid: pod.uid, generation: pod.generation), after: timings.containerCreation)
            case .unschedulable(let failure):
                let message = failure.message
                if pod.schedulingMessage != message {
                    record("pod/\(pod.name)", "FailedScheduling", message, type: .warning)
                }
                pod.schedulingFailure = failure
                pods[key] = pod
                if scheduling.park(key) { schedule(.retryUnschedulable, after: timings.unschedulableRetry) }
            }
        }
    }

    /// Something changed that may let a Pending pod fit: a pod went away, a node came or changed.
    mutating func clusterChanged() {
        for key in scheduling.takeUnschedulable() { enqueueForScheduling(key) }
    }

    mutating func retryUnschedulablePods() {
        clusterChanged()
    }
}
