/// The scheduler's queue: pods wait in arrival order, each cycle binds what fits and
/// leaves the rest Pending with a `FailedScheduling` event, to be retried when a pod
/// goes away or a node changes (and every five minutes regardless, as kube-scheduler does).
extension World {
    mutating func enqueueForScheduling(_ key: String) {
        schedulingQueue.append(key)
        if !schedulingCycleQueued {
            schedulingCycleQueued = true
            schedule(.schedulingCycle)
        }
    }

    mutating func runSchedulingCycle() {
        schedulingCycleQueued = false
        let queue = schedulingQueue
        schedulingQueue = []
        for key in queue {
            guard var pod = pods[key], pod.nodeName == nil else { continue }
            let view = pod.schedulingView
            switch scheduler.schedule(view) {
            case .node(let nodeName):
                scheduler.assume(view, on: nodeName)
                pod.nodeName = nodeName
                pod.schedulingFailure = nil
                pod.stage = .creating
                pods[key] = pod
                api.bind(ObjectKey(.pod, namespace: pod.namespace, pod.name), to: nodeName, at: now)
                record("pod/\(pod.name)", "Scheduled", "Successfully assigned \(key) to \(nodeName)")
                schedule(.sandboxReady(uid: pod.uid, generation: pod.generation), after: timings.containerCreation)
            case .unschedulable(let failure):
                let message = failure.message
                if pod.schedulingMessage != message {
                    record("pod/\(pod.name)", "FailedScheduling", message, type: .warning)
                }
                pod.schedulingFailure = failure
                pods[key] = pod
                if unschedulable.isEmpty { schedule(.retryUnschedulable, after: timings.unschedulableRetry) }
                unschedulable.append(key)
            }
        }
    }

    /// Something changed that may let a Pending pod fit: a pod went away, a node came or changed.
    mutating func clusterChanged() {
        guard !unschedulable.isEmpty else { return }
        let waiting = unschedulable
        unschedulable = []
        for key in waiting { enqueueForScheduling(key) }
    }

    mutating func retryUnschedulablePods() {
        clusterChanged()
    }
}
