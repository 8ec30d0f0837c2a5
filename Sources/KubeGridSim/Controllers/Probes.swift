import KubeGridCore

/// Readiness and liveness probes on the virtual clock: the first after
/// `initialDelaySeconds`, then every `periodSeconds`; `successThreshold` passes in a row
/// make a pod Ready, `failureThreshold` failures make it not Ready (readiness) or get
/// its container killed and restarted (liveness).
///
/// What a probe finds is what the application would answer: a Management Pod's REST API
/// once it has started; a Space instance's `/probes/alive` once started and
/// `/probes/ready` once it is a primary or a recovered backup.
///
/// A probe that passes with nothing left to change (liveness passing, readiness passing on
/// a Ready pod) goes dormant instead of ticking on: it would keep passing until the
/// application's status changes, and whatever changes it calls
/// ``PodTable/wakeDormantProbes(of:timeline:)``, which puts the probe back on its period. Long runs
/// then cost nothing for pods that are simply up.
extension Kubelet {
    func runProbe(uid: Int, generation: Int, kind: ProbeKind, grid: inout GridController, _ context: inout RuntimeContext) {
        guard var pod = context.pods.pod(uid: uid, generation: generation), pod.phase == .running else { return }
        let container = pod.spec.containers.first { (kind == .readiness ? $0.readinessProbe : $0.livenessProbe) != nil }
        guard let container, let probe = kind == .readiness ? container.readinessProbe : container.livenessProbe else {
            return
        }
        let status = grid.applicationStatus(pod)
        let passed = kind == .readiness ? status.ready : status.alive
        let object = "pod/\(pod.name)"
        switch kind {
        case .readiness:
            if passed {
                pod.readinessFailures = 0
                pod.readinessSuccesses += 1
            } else {
                pod.readinessSuccesses = 0
                pod.readinessFailures += 1
                context.record(object, "Unhealthy", "Readiness probe failed: \(failureText(probe, pod, status))", type: .warning)
            }
            let wasReady = pod.ready
            if passed, pod.readinessSuccesses >= probe.effectiveSuccessThreshold { pod.ready = true }
            if !passed, pod.readinessFailures >= probe.effectiveFailureThreshold { pod.ready = false }
            if passed && pod.ready { pod.dormantProbes.insert(.readiness) }
            context.pods[pod.key] = pod
            if pod.ready != wasReady { context.readinessChanged(pod) }
            if pod.dormantProbes.contains(.readiness) { return }
        case .liveness:
            if passed {
                pod.livenessFailures = 0
                pod.dormantProbes.insert(.liveness)
                context.pods[pod.key] = pod
                return
            } else {
                pod.livenessFailures += 1
                context.pods[pod.key] = pod
                context.record(object, "Unhealthy", "Liveness probe failed: \(failureText(probe, pod, status))", type: .warning)
                if pod.livenessFailures >= probe.effectiveFailureThreshold {
                    containerDied(pod.key, reason: .failedLiveness(container: container.name), grid: &grid, &context)
                    return
                }
            }
        }
        context.schedule(.probe(uid: uid, generation: generation, kind: kind), after: .seconds(probe.effectivePeriodSeconds))
    }

    /// What the kubelet writes for a failed probe: a refused connection while the
    /// application starts, a 503 once it answers but is not ready.
    private func failureText(_ probe: Probe, _ pod: Pod, _ status: ApplicationStatus) -> String {
        let address = pod.podIP.map { "\($0)" } ?? ""
        let port = probe.httpGet.map { pod.containerPort($0.port) } ?? 0
        if !status.alive {
            if let get = probe.httpGet {
                return "Get \"http://\(address):\(port)\(get.path ?? "/")\": dial tcp \(address):\(port): connect: connection refused"
            }
            return "dial tcp \(address):\(port): connect: connection refused"
        }
        return "HTTP probe failed with statuscode: 503"
    }
}

/// What a pod's application would answer its probes.
struct ApplicationStatus: Sendable {
    /// Its process is up (liveness).
    var alive: Bool
    /// It can serve (readiness).
    var ready: Bool
}

extension PodTable {
    /// The application in `podKey` may answer its probes differently now: dormant probes
    /// resume at their next tick (`initialDelaySeconds + k × periodSeconds` after the start).
    mutating func wakeDormantProbes(of podKey: String, timeline: inout Timeline) {
        guard var pod = self[podKey], !pod.dormantProbes.isEmpty, pod.phase == .running, let started = pod.startedAt
        else { return }
        let now = timeline.now
        for kind in [ProbeKind.readiness, .liveness] where pod.dormantProbes.contains(kind) {
            let probe = pod.spec.containers.lazy.compactMap { kind == .readiness ? $0.readinessProbe : $0.livenessProbe }.first
            guard let probe else { continue }
            let first = started + .seconds(probe.effectiveInitialDelaySeconds)
            let period = max(probe.effectivePeriodSeconds, 1) * 1000
            var next = first
            if now >= first { next = first + .milliseconds(((now - first).milliseconds / period + 1) * period) }
            timeline.schedule(.probe(uid: pod.uid, generation: pod.generation, kind: kind), after: next - now)
        }
        pod.dormantProbes = []
        self[podKey] = pod
    }
}

extension Pod {
    /// A container port by number or by name (0 when no container has that name).
    func containerPort(_ port: IntOrString) -> Int {
        switch port {
        case .int(let number): return number
        case .string(let name):
            for container in spec.containers {
                if let match = container.ports.first(where: { $0.name == name }) { return match.containerPort }
            }
            return 0
        }
    }
}
