import KubeGridCore

/// The kubelets, as one controller: they run a bound pod's init containers one after
/// another, then its containers; restart what fails with the kubelet's back-off (10 s
/// doubling to 5 min); probe (`Probes.swift`); and stop a deleted pod's containers
/// (`KubeletWatch.swift`). Pods live in the `PodTable` of the runtime context each step is
/// handed; what runs in a container is the grid's, told through `GridController`'s
/// `applicationUp` / `applicationStopped` / `applicationTerminating`.
///
/// The `check-manager-ready` init container really waits: it asks the manager's REST API
/// every couple of seconds until it answers, and exits with an error after
/// `discoveryTimeoutSeconds`, to be restarted after the back-off.
struct Kubelet: Sendable {
    /// The kubelets' watch of pods: bindings, graceful deletions, deletions.
    let changes: ChangeFeed.Consumer
    let timings: Timings

    func sandboxReady(uid: Int, generation: Int, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid, generation: generation), pod.stage == .creating else { return }
        pod.podIP = context.pods.assignAddress(to: pod.key)
        context.pods[pod.key] = pod
        if pod.spec.initContainers.isEmpty {
            startMainContainers(uid: uid, &context)
        } else {
            startInitContainer(uid: uid, index: 0, &context)
        }
    }

    func startInitContainer(uid: Int, index: Int, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid) else { return }
        let container = pod.spec.initContainers[index]
        pod.stage = .initializing(index)
        context.pods[pod.key] = pod
        recordContainerStart(pod, container, &context)
        if let check = ManagerCheck.of(container) {
            let deadline = context.now + .seconds(check.timeoutSeconds)
            context.schedule(.managerCheck(uid: uid, generation: pod.generation, index: index, check: check, deadline: deadline))
        } else {
            context.schedule(.initContainerDone(uid: uid, generation: pod.generation, index: index), after: timings.plainStartup)
        }
    }

    /// `check` is init container `index`'s, parsed when it started (a pod's generation
    /// keeps its containers).
    func managerCheck(uid: Int, generation: Int, index: Int, check: ManagerCheck, deadline: SimTime, _ context: inout RuntimeContext) {
        guard let pod = context.pods.pod(uid: uid, generation: generation), pod.stage == .initializing(index) else { return }
        if Self.managerAPIAnswers(check, namespace: pod.namespace, context) {
            initContainerDone(uid: uid, generation: generation, index: index, &context)
        } else if context.now >= deadline {
            initContainerFailed(uid: uid, index: index, &context)
        } else {
            context.schedule(
                .managerCheck(uid: uid, generation: generation, index: index, check: check, deadline: deadline),
                after: timings.managerCheckInterval)
        }
    }

    func initContainerDone(uid: Int, generation: Int, index: Int, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid, generation: generation), pod.stage == .initializing(index) else { return }
        pod.initFailures = 0
        context.pods[pod.key] = pod
        if index + 1 < pod.spec.initContainers.count {
            startInitContainer(uid: uid, index: index + 1, &context)
        } else {
            startMainContainers(uid: uid, &context)
        }
    }

    private func initContainerFailed(uid: Int, index: Int, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid) else { return }
        let container = pod.spec.initContainers[index]
        pod.initFailures += 1
        pod.restartCount += 1
        pod.stage = .initBackOff(index)
        context.pods[pod.key] = pod
        context.record(
            "pod/\(pod.name)", "BackOff",
            "Back-off restarting failed container \(container.name) in pod \(pod.name)_\(pod.namespace)", type: .warning)
        context.schedule(
            .restartInitContainer(uid: uid, generation: pod.generation, index: index),
            after: timings.backOff(failures: pod.initFailures))
    }

    /// Starts (or restarts) the pod's containers: the application starts up, probes begin.
    /// Without a readiness probe the pod is Ready as soon as its containers run.
    func startMainContainers(uid: Int, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid) else { return }
        pod.generation += 1
        pod.stage = .starting
        pod.phase = .running
        pod.startedAt = context.now
        pod.readinessSuccesses = 0
        pod.readinessFailures = 0
        pod.livenessFailures = 0
        pod.dormantProbes = []
        let hasReadinessProbe = pod.spec.containers.contains { $0.readinessProbe != nil }
        let wasReady = pod.ready
        pod.ready = !hasReadinessProbe
        context.pods[pod.key] = pod
        for container in pod.spec.containers { recordContainerStart(pod, container, &context) }
        context.schedule(.applicationStarted(uid: uid, generation: pod.generation), after: startupTime(of: pod.role, &context))
        if let probe = pod.spec.containers.compactMap(\.readinessProbe).first {
            context.schedule(
                .probe(uid: uid, generation: pod.generation, kind: .readiness),
                after: .seconds(probe.effectiveInitialDelaySeconds))
        }
        if let probe = pod.spec.containers.compactMap(\.livenessProbe).first {
            context.schedule(
                .probe(uid: uid, generation: pod.generation, kind: .liveness),
                after: .seconds(probe.effectiveInitialDelaySeconds))
        }
        if pod.ready != wasReady { context.readinessChanged(pod) }
    }

    func applicationStarted(uid: Int, generation: Int, grid: inout GridController, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid, generation: generation), pod.stage == .starting else { return }
        pod.stage = .running
        context.pods[pod.key] = pod
        grid.applicationUp(pod, &context)
        context.pods.wakeDormantProbes(of: pod.key, timeline: &context.timeline)
    }

    /// A failed container is started again once its back-off is over, unless the pod has
    /// since gone or restarted.
    func restart(uid: Int, generation: Int, initContainer index: Int?, _ context: inout RuntimeContext) {
        guard context.pods.pod(uid: uid, generation: generation) != nil else { return }
        if let index {
            startInitContainer(uid: uid, index: index, &context)
        } else {
            startMainContainers(uid: uid, &context)
        }
    }

    /// The main container died (liveness, or a fault): the grid loses what ran in it, and
    /// the kubelet starts it again after the back-off.
    func containerDied(_ key: String, reason: ContainerTermination, grid: inout GridController, _ context: inout RuntimeContext) {
        guard var pod = context.pods[key] else { return }
        let wasReady = pod.ready
        pod.restartCount += 1
        pod.lastTermination = reason
        pod.stage = .crashBackOff
        pod.ready = false
        pod.generation += 1
        context.pods[key] = pod
        grid.applicationStopped(pod, &context)
        let name = pod.spec.containers.first?.name ?? "container"
        context.record("pod/\(pod.name)", "Killing", reason.description)
        context.record(
            "pod/\(pod.name)", "BackOff",
            "Back-off restarting failed container \(name) in pod \(pod.name)_\(pod.namespace)", type: .warning)
        context.schedule(
            .restartContainer(uid: pod.uid, generation: pod.generation), after: timings.backOff(failures: pod.restartCount))
        if wasReady { context.readinessChanged(pod) }
    }

    private func startupTime(of role: GridRole, _ context: inout RuntimeContext) -> SimTime {
        let base: SimTime
        switch role {
        case .manager: base = timings.managerStartup
        case .spaceInstance: base = timings.spaceStartup
        case .zeppelin, .other: return timings.plainStartup
        }
        return base + context.jitter(timings.startupJitter)
    }

    private func recordContainerStart(_ pod: Pod, _ container: Container, _ context: inout RuntimeContext) {
        let object = "pod/\(pod.name)"
        if let image = container.image {
            context.record(object, "Pulled", "Container image \"\(image)\" already present on machine")
        }
        context.record(object, "Created", "Created container: \(container.name)")
        context.record(object, "Started", "Started container \(container.name)")
    }

    /// True when the REST API of manager `check.managerName` answers at `<name>-hs` (the
    /// headless Service, which publishes Management Pods before they are Ready), or at a
    /// Service named after the manager.
    static func managerAPIAnswers(_ check: ManagerCheck, namespace: String, _ context: RuntimeContext) -> Bool {
        assert(context.pods.endpointChanges.isEmpty, "the endpoints controller has not seen every pod change")
        let candidates = ["\(check.managerName)-hs", "\(check.managerName)-service", check.managerName]
        for name in candidates {
            guard let record = context.cluster.services["\(namespace)/\(name)"], !record.service.spec.ports.isEmpty
            else { continue }
            for podKey in context.cluster.endpoints.readyPods(of: record.key) {
                guard let pod = context.pods[podKey], case .manager = pod.role else { continue }
                if pod.stage == .running { return true }
            }
        }
        return false
    }
}
