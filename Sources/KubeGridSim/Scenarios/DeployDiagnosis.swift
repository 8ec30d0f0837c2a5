import KubeGridCore

/// Why a deployment is not fully up and reachable, in plain words that name the pod,
/// Service or instance and the value to change.
struct DeployDiagnosis {
    let world: World

    var reasons: [String] {
        let explained = rejections + podProblems + reachability
        // Partitions no client reached are only worth a line when nothing above says why.
        return explained.isEmpty ? partitionsNotReached : explained
    }

    // MARK: The API server

    /// Each refusal in the API server's words; a node port held by another Service names it.
    private var rejections: [String] {
        world.rejections.map { rejection in
            var reason = rejection.description
            let holders = rejection.causes.compactMap { cause -> String? in
                guard let port = ServiceAllocationCheck.heldNodePort(cause), let holder = world.network.holder(ofNodePort: port)
                else { return nil }
                return "node port \(port) is held by Service \(world.services[holder]?.name ?? holder)"
            }
            if !holders.isEmpty {
                reason += " (\(holders.joined(separator: "; ")); node ports are cluster-wide, so give each release its "
                    + "own: service.lrmi.initialNodePort for a Space, service.api/lus/lrmi.nodePort for a manager)"
            }
            return reason
        }
    }

    // MARK: Pods

    /// What is wrong with one pod: how to say it of one pod or of several, and why.
    private struct PodProblem {
        var pods: [String]
        var singular: String
        var plural: String
        var detail: String

        var text: String {
            let names = pods.count <= 5 ? Self.join(pods) : pods.prefix(4).joined(separator: ", ") + " and \(pods.count - 4) more"
            return pods.count == 1 ? "pod \(names) \(singular): \(detail)" : "pods \(names) \(plural): \(detail)"
        }

        static func join(_ names: [String]) -> String {
            names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    /// Pods that are not Running and Ready, grouped where the same thing holds them back.
    private var podProblems: [String] {
        var problems: [PodProblem] = []
        for entry in world.statefulSets.values {
            for ordinal in 0..<entry.replicas {
                let name = "\(entry.name)-\(ordinal)"
                guard let pod = world.pods["\(entry.namespace)/\(name)"] else {
                    problems.append(neverCreated(name, entry, ordinal: ordinal))
                    break
                }
                if !pod.isRunningAndReady {
                    problems.append(problem(of: pod, in: entry))
                } else if let unregistered = unregistered(pod) {
                    problems.append(unregistered)
                }
            }
        }
        var grouped: [PodProblem] = []
        for problem in problems {
            if let index = grouped.firstIndex(where: { $0.singular == problem.singular && $0.detail == problem.detail }) {
                grouped[index].pods += problem.pods
            } else {
                grouped.append(problem)
            }
        }
        return grouped.map(\.text)
    }

    /// A Ready pod whose Space instance is still trying to register (its Service or node
    /// unreadable, say): no client finds it, and the reason it keeps retrying says why.
    private func unregistered(_ pod: Pod) -> PodProblem? {
        guard case .spaceInstance = pod.role, let instance = world.grid.instances[pod.key], instance.uid == pod.uid,
            instance.state == .starting, let why = instance.waitingFor
        else { return nil }
        return PodProblem(
            pods: [pod.name], singular: "is Ready but its Space instance did not register",
            plural: "are Ready but their Space instances did not register", detail: why)
    }

    private func neverCreated(_ name: String, _ entry: StatefulSetRecord, ordinal: Int) -> PodProblem {
        var detail =
            entry.policy == .orderedReady && ordinal > 0
            ? "its StatefulSet starts pods one at a time (OrderedReady) and the pod before it is not Running and Ready"
            : entry.createRefusal.map { "the API server refused its StatefulSet's create: \($0)" } ?? "its StatefulSet did not create it"
        if let shortfall = SchedulingHint(world: world).antiAffinityShortfall(entry) {
            detail += "; even then it would not fit: \(shortfall)"
        }
        return PodProblem(pods: [name], singular: "was never created", plural: "were never created", detail: detail)
    }

    private func problem(of pod: Pod, in entry: StatefulSetRecord) -> PodProblem {
        switch pod.stage {
        case .unscheduled:
            var detail = pod.schedulingMessage ?? "not scheduled yet"
            if let hint = SchedulingHint(world: world).hint(for: pod, in: entry) { detail += " — \(hint)" }
            return PodProblem(pods: [pod.name], singular: "is Pending", plural: "are Pending", detail: detail)
        case .creating:
            return PodProblem(
                pods: [pod.name], singular: "is still being created", plural: "are still being created",
                detail: "the image pull and sandbox take longer than the deploy timeout")
        case .initializing(let index), .initBackOff(let index):
            let container = pod.spec.initContainers[index]
            let detail = ManagerCheck.of(container).map { managerCheckProblem($0, namespace: pod.namespace) }
                ?? "the init container does not finish"
            return PodProblem(
                pods: [pod.name], singular: "is stuck in init container \(container.name)",
                plural: "are stuck in init container \(container.name)", detail: detail)
        case .starting, .running, .crashBackOff, .lost, .terminating, .exited:
            return PodProblem(
                pods: [pod.name], singular: "is \(pod.statusText) but not Ready", plural: "are \(pod.statusText) but not Ready",
                detail: notReadyReason(pod))
        }
    }

    private func managerCheckProblem(_ check: ManagerCheck, namespace: String) -> String {
        let names = ["\(check.managerName)-hs", "\(check.managerName)-service", check.managerName]
        guard names.contains(where: { world.service(named: $0, namespace: namespace) != nil }) else {
            return "it waits for the REST API of manager \(check.managerName), but there is no Service "
                + "\(check.managerName)-hs: is manager.name right, and are the manager's manifests among the input?"
        }
        return "the REST API of manager \(check.managerName) did not answer within "
            + "\(check.timeoutSeconds) s (manager.discoveryTimeoutSeconds): no Management Pod is running"
    }

    private func notReadyReason(_ pod: Pod) -> String {
        if let termination = pod.lastTermination, pod.restartCount > 0 {
            var reason = "its container was restarted \(pod.restartCount) times (last: \(termination))"
            if case .failedLiveness = termination {
                reason += "; the application needs longer to start than the liveness probe allows: raise "
                    + "livenessProbe.initialDelaySeconds or failureThreshold"
            }
            return reason
        }
        guard case .spaceInstance = pod.role else {
            return pod.stage == .running ? "its readiness probe fails" : "its application has not started"
        }
        guard let instance = world.grid.instances[pod.key], instance.uid == pod.uid else {
            return "its Space instance has not started"
        }
        let space = world.grid.spaces[instance.spaceKey]
        let ensemble = space?.managerKey.flatMap { world.grid.ensembles[$0] }
        switch instance.state {
        case .starting:
            return "its Space instance cannot register: \(instance.waitingFor ?? "the lookup service does not answer")"
        case .awaitingElection:
            guard let ensemble else { return "no primary can be elected" }
            return "no primary can be elected: ZooKeeper of manager \(ensemble.fullName) has "
                + "\(ensemble.upMembers.count) of \(ensemble.size) members up and needs \(ensemble.quorumSize)"
        case .recovering:
            return "the backup is still copying its partition from the primary"
        case .primary, .backup:
            return "its readiness probe has not passed yet"
        }
    }
}
