/// What the kubelets watch: a pod bound to their node, which they start creating; a pod
/// deleted with a grace period, which becomes Terminating (not Ready, so Services and the
/// StatefulSet controller stop counting it) while its containers get SIGTERM (a primary
/// hands over to its backup: `GracefulShutdown.swift`) and stop after the application's
/// shutdown or when the grace period ends, whichever comes first, after which the kubelet
/// deletes it for good and its StatefulSet creates it again.
extension Kubelet {
    func observe(_ event: WatchEvent, grid: inout GridController, _ context: inout RuntimeContext) {
        guard case .pod(let object) = event.object.body else { return }
        let key = "\(event.object.metadata.namespace ?? "default")/\(event.object.metadata.name)"
        if event.type == .modified, let nodeName = object.nodeName, var pod = context.pods[key], pod.nodeName == nil {
            pod.nodeName = nodeName
            pod.stage = .creating
            context.pods[key] = pod
            context.schedule(.sandboxReady(uid: pod.uid, generation: pod.generation), after: timings.containerCreation)
            return
        }
        if event.type == .deleted {
            // Deleted at once by someone else (a rolling update, the garbage collector, a
            // pod no node ran): whatever the kubelet still had of it stops.
            guard let pod = context.pods.remove(key) else { return }
            if pod.nodeName != nil {
                context.record("pod/\(pod.name)", "Killing", "Stopping container \(pod.spec.containers.first?.name ?? "container")")
            }
            grid.applicationStopped(pod, &context)
            return
        }
        guard event.type == .modified, let graceSeconds = event.object.metadata.deletionGracePeriodSeconds, graceSeconds > 0,
            var pod = context.pods[key], pod.stage != .terminating
        else { return }
        let wasReady = pod.ready
        pod.stage = .terminating
        pod.ready = false
        pod.generation += 1
        context.pods[key] = pod
        let container = pod.spec.containers.first?.name ?? "container"
        context.record("pod/\(pod.name)", "Killing", "Stopping container \(container)")
        grid.applicationTerminating(pod, &context)
        context.schedule(
            .terminationDone(uid: pod.uid, generation: pod.generation), after: min(timings.shutdown, .seconds(graceSeconds)))
        if wasReady { context.readinessChanged(pod) }
    }

    /// The containers of a Terminating pod stopped: the kubelet forgets it and returns it,
    /// for the pod object to be deleted with no grace period (`delete --grace-period=0`).
    func terminationDone(uid: Int, generation: Int, _ context: inout RuntimeContext) -> Pod? {
        guard let pod = context.pods.pod(uid: uid, generation: generation), pod.stage == .terminating else { return nil }
        return context.pods.remove(pod.key)
    }

    /// Kills a pod's containers at once (`kubectl delete pod --grace-period=0 --force`, a
    /// fault, or the pod garbage collector after its node went): `eventReason`/`reason` say
    /// who and why, and the grid loses what ran in it. Returns the pod, whose API object
    /// is then deleted (its StatefulSet creates it again).
    func kill(
        _ key: String, reason: String, eventReason: String, grid: inout GridController, _ context: inout RuntimeContext
    ) -> Pod? {
        guard let pod = context.pods.remove(key) else { return nil }
        context.record("pod/\(pod.name)", eventReason, reason)
        grid.applicationStopped(pod, &context)
        return pod
    }
}
