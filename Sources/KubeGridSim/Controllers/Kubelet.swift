import KubeGridCore

/// The kubelet: runs a bound pod's init containers one after another, then its
/// containers; restarts what fails with the kubelet's back-off (10 s doubling to 5 min).
///
/// The `check-manager-ready` init container really waits: it asks the manager's REST API
/// every couple of seconds until it answers, and exits with an error after
/// `discoveryTimeoutSeconds`, to be restarted after the back-off.
extension World {
    mutating func sandboxReady(uid: Int, generation: Int) {
        guard var pod = pod(uid: uid, generation: generation), pod.stage == .creating else { return }
        pod.podIP = pods.assignAddress(to: pod.key)
        pods[pod.key] = pod
        if pod.spec.initContainers.isEmpty {
            startMainContainers(uid: uid)
        } else {
            startInitContainer(uid: uid, index: 0)
        }
    }

    mutating func startInitContainer(uid: Int, index: Int) {
        guard var pod = pod(uid: uid) else { return }
        let container = pod.spec.initContainers[index]
        pod.stage = .initializing(index)
        pods[pod.key] = pod
        recordContainerStart(pod, container)
        if let check = ManagerCheck.of(container) {
            let deadline = now + .seconds(check.timeoutSeconds)
            schedule(.managerCheck(uid: uid, generation: pod.generation, index: index, deadline: deadline))
        } else {
            schedule(.initContainerDone(uid: uid, generation: pod.generation, index: index), after: timings.plainStartup)
        }
    }

    mutating func managerCheck(uid: Int, generation: Int, index: Int, deadline: SimTime) {
        guard let pod = pod(uid: uid, generation: generation), pod.stage == .initializing(index),
            let check = ManagerCheck.of(pod.spec.initContainers[index])
        else { return }
        if managerAPIAnswers(check, namespace: pod.namespace) {
            initContainerDone(uid: uid, generation: generation, index: index)
        } else if now >= deadline {
            initContainerFailed(uid: uid, index: index)
        } else {
            schedule(
                .managerCheck(uid: uid, generation: generation, index: index, deadline: deadline),
                after: timings.managerCheckInterval)
        }
    }

    mutating func initContainerDone(uid: Int, generation: Int, index: Int) {
        guard var pod = pod(uid: uid, generation: generation), pod.stage == .initializing(index) else { return }
        pod.initFailures = 0
        pods[pod.key] = pod
        if index + 1 < pod.spec.initContainers.count {
            startInitContainer(uid: uid, index: index + 1)
        } else {
            startMainContainers(uid: uid)
        }
    }

    private mutating func initContainerFailed(uid: Int, index: Int) {
        guard var pod = pod(uid: uid) else { return }
        let container = pod.spec.initContainers[index]
        pod.initFailures += 1
        pod.restartCount += 1
        pod.stage = .initBackOff(index)
        pods[pod.key] = pod
        record(
            "pod/\(pod.name)", "BackOff",
            "Back-off restarting failed container \(container.name) in pod \(pod.name)_\(pod.namespace)", type: .warning)
        schedule(
            .restartInitContainer(uid: uid, generation: pod.generation, index: index),
            after: timings.backOff(failures: pod.initFailures))
    }

    /// Starts (or restarts) the pod's containers: the application starts up, probes begin.
    /// Without a readiness probe the pod is Ready as soon as its containers run.
    mutating func startMainContainers(uid: Int) {
        guard var pod = pod(uid: uid) else { return }
        pod.generation += 1
        pod.stage = .starting
        pod.phase = .running
        pod.startedAt = now
        pod.readinessSuccesses = 0
        pod.readinessFailures = 0
        pod.livenessFailures = 0
        pod.dormantProbes = []
        let hasReadinessProbe = pod.spec.containers.contains { $0.readinessProbe != nil }
        let wasReady = pod.ready
        pod.ready = !hasReadinessProbe
        pods[pod.key] = pod
        for container in pod.spec.containers { recordContainerStart(pod, container) }
        schedule(.applicationStarted(uid: uid, generation: pod.generation), after: startupTime(of: pod.role))
        if let probe = pod.spec.containers.compactMap(\.readinessProbe).first {
            schedule(
                .probe(uid: uid, generation: pod.generation, kind: .readiness),
                after: .seconds(probe.effectiveInitialDelaySeconds))
        }
        if let probe = pod.spec.containers.compactMap(\.livenessProbe).first {
            schedule(
                .probe(uid: uid, generation: pod.generation, kind: .liveness),
                after: .seconds(probe.effectiveInitialDelaySeconds))
        }
        if pod.ready != wasReady { podChanged(pod) }
    }

    mutating func applicationStarted(uid: Int, generation: Int) {
        guard var pod = pod(uid: uid, generation: generation), pod.stage == .starting else { return }
        pod.stage = .running
        pods[pod.key] = pod
        withGrid { $0.applicationUp(pod, &$1) }
        pods.wakeDormantProbes(of: pod.key, timeline: &timeline)
    }

    /// The main container died (liveness, or a fault): the grid loses what ran in it, and
    /// the kubelet starts it again after the back-off.
    mutating func containerDied(_ key: String, reason: ContainerTermination) {
        guard var pod = pods[key] else { return }
        let wasReady = pod.ready
        pod.restartCount += 1
        pod.lastTermination = reason
        pod.stage = .crashBackOff
        pod.ready = false
        pod.generation += 1
        pods[key] = pod
        withGrid { $0.applicationStopped(pod, &$1) }
        let name = pod.spec.containers.first?.name ?? "container"
        record("pod/\(pod.name)", "Killing", reason.description)
        record(
            "pod/\(pod.name)", "BackOff",
            "Back-off restarting failed container \(name) in pod \(pod.name)_\(pod.namespace)", type: .warning)
        schedule(.restartContainer(uid: pod.uid, generation: pod.generation), after: timings.backOff(failures: pod.restartCount))
        if wasReady { podChanged(pod) }
    }

    private mutating func startupTime(of role: GridRole) -> SimTime {
        let base: SimTime
        switch role {
        case .manager: base = timings.managerStartup
        case .spaceInstance: base = timings.spaceStartup
        case .other: return timings.plainStartup
        }
        return base + jitter(timings.startupJitter)
    }

    private mutating func recordContainerStart(_ pod: Pod, _ container: Container) {
        let object = "pod/\(pod.name)"
        if let image = container.image {
            record(object, "Pulled", "Container image \"\(image)\" already present on machine")
        }
        record(object, "Created", "Created container: \(container.name)")
        record(object, "Started", "Started container \(container.name)")
    }

    /// True when the REST API of manager `check.managerName` answers at `<name>-hs` (the
    /// headless Service, which publishes Management Pods before they are Ready), or at a
    /// Service named after the manager.
    func managerAPIAnswers(_ check: ManagerCheck, namespace: String) -> Bool {
        let candidates = ["\(check.managerName)-hs", "\(check.managerName)-service", check.managerName]
        for name in candidates {
            guard let record = service(named: name, namespace: namespace), !record.service.spec.ports.isEmpty else { continue }
            for endpoint in endpoints(of: record, portIndex: 0) {
                guard let pod = pods[endpoint.podKey], case .manager = pod.role else { continue }
                if pod.stage == .running { return true }
            }
        }
        return false
    }
}
