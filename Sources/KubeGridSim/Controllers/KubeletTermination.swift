/// The kubelet's side of a pod deletion with a grace period: the pod becomes Terminating
/// (not Ready, so Services and the StatefulSet controller stop counting it), its
/// containers get SIGTERM and stop after the application's shutdown or when the grace
/// period ends, whichever comes first; then the kubelet deletes the pod for good and its
/// StatefulSet creates it again.
extension World {
    mutating func kubeletObserved(_ event: WatchEvent) {
        guard case .pod = event.object.body else { return }
        let key = "\(event.object.metadata.namespace ?? "default")/\(event.object.metadata.name)"
        if event.type == .deleted {
            // Deleted at once by someone else (a pod no node ran, the garbage collector):
            // whatever the kubelet still had of it stops.
            if let pod = pods.remove(key) { applicationStopped(pod) }
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
        applicationStopped(pod)
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
}
