/// What the kubelets watch: a pod bound to their node, which they start creating; a pod
/// deleted with a grace period, which becomes Terminating (not Ready, so Services and the
/// StatefulSet controller stop counting it) while its containers get SIGTERM (a primary
/// hands over to its backup: `GracefulShutdown.swift`) and stop after the application's shutdown or when the grace period ends, whichever comes first,
/// after which the kubelet deletes it for good and its StatefulSet creates it again.
extension World {
    mutating func kubeletObserved(_ event: WatchEvent) {
        guard case .pod(let object) = event.object.body else { return }
        let key = "\(event.object.metadata.namespace ?? "default")/\(event.object.metadata.name)"
        if event.type == .modified, let nodeName = object.nodeName, var pod = pods[key], pod.nodeName == nil {
            pod.nodeName = nodeName
            pod.stage = .creating
            pods[key] = pod
            schedule(.sandboxReady(uid: pod.uid, generation: pod.generation), after: timings.containerCreation)
            return
        }
        if event.type == .deleted {
            // Deleted at once by someone else (a rolling update, the garbage collector, a
            // pod no node ran): whatever the kubelet still had of it stops.
            guard let pod = pods.remove(key) else { return }
            if pod.nodeName != nil {
                record("pod/\(pod.name)", "Killing", "Stopping container \(pod.spec.containers.first?.name ?? "container")")
            }
            withGrid { $0.applicationStopped(pod, &$1) }
            return
        }
        guard event.type == .modified, let graceSeconds = event.object.metadata.deletionGracePeriodSeconds, graceSeconds > 0,
            var pod = pods[key], pod.stage != .terminating
        else { return }
        let wasReady = pod.ready
        pod.stage = .terminating
        pod.ready = false
        pod.generation += 1
        pods[key] = pod
        let container = pod.spec.containers.first?.name ?? "container"
        record("pod/\(pod.name)", "Killing", "Stopping container \(container)")
        withGrid { $0.applicationTerminating(pod, &$1) }
        schedule(.terminationDone(uid: pod.uid, generation: pod.generation), after: min(timings.shutdown, .seconds(graceSeconds)))
        if wasReady { podChanged(pod) }
    }

    /// The containers stopped: the pod object goes (`delete --grace-period=0`).
    mutating func terminationDone(uid: Int, generation: Int) {
        guard let pod = pod(uid: uid, generation: generation), pod.stage == .terminating else { return }
        _ = pods.remove(pod.key)
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), gracePeriodSeconds: 0, at: now)
        }
    }

    /// Kills a pod at once (`kubectl delete pod --grace-period=0 --force`, a fault, or the
    /// pod garbage collector after its node went): `eventReason`/`reason` say who and why,
    /// the grid loses what ran in it, and the API object goes (its StatefulSet then
    /// creates it again).
    mutating func deletePod(_ key: String, reason: String, eventReason: String = "Killing") {
        guard let pod = pods.remove(key) else { return }
        record("pod/\(pod.name)", eventReason, reason)
        withGrid { $0.applicationStopped(pod, &$1) }
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.delete(ObjectKey(.pod, namespace: pod.namespace, pod.name), gracePeriodSeconds: 0, at: now)
        }
    }
}
