/// Management Pods: each runs a lookup service, the REST Manager and a ZooKeeper member.
/// When a majority of the ensemble is up, ZooKeeper has a quorum and Space leader
/// elections can run; without one, no primary can be elected or promoted.
extension World {
    /// Makes the grid aware of a StatefulSet's role when it is applied.
    mutating func registerGridRole(of record: StatefulSetRecord) {
        switch record.role {
        case .manager(let role):
            let key = "\(record.namespace)/\(role.fullName)"
            if grid.ensembles[key] == nil {
                grid.ensembles[key] = ManagerEnsemble(
                    key: key, fullName: role.fullName, namespace: record.namespace, size: role.ensembleSize)
            }
        case .spaceInstance(let role):
            let key = "\(record.namespace)/\(role.spaceName)"
            if grid.spaces[key] == nil {
                grid.spaces[key] = SpaceState(
                    key: key, name: role.spaceName, namespace: record.namespace,
                    managerKey: role.managerName.map { "\(record.namespace)/\($0)" },
                    partitionCount: role.partitions ?? 1, ha: role.ha)
            }
        case .other:
            break
        }
    }

    /// A pod's application finished starting.
    mutating func applicationUp(_ pod: Pod) {
        switch pod.role {
        case .manager(let role): managerUp(pod, role)
        case .spaceInstance(let role): spaceInstanceStarted(pod, role)
        case .other: break
        }
    }

    /// A pod's application stopped (its container died or the pod went away).
    mutating func applicationStopped(_ pod: Pod) {
        switch pod.role {
        case .manager(let role): managerDown(pod, role)
        case .spaceInstance: spaceInstanceStopped(pod)
        case .other: break
        }
    }

    /// What the pod's application would answer its probes.
    func applicationStatus(_ pod: Pod) -> ApplicationStatus {
        let alive = pod.stage == .running
        switch pod.role {
        case .manager, .other:
            return ApplicationStatus(alive: alive, ready: alive)
        case .spaceInstance:
            let instance = grid.instances[pod.key]
            return ApplicationStatus(alive: alive, ready: alive && instance?.uid == pod.uid && instance?.isReady == true)
        }
    }

    private mutating func managerUp(_ pod: Pod, _ role: ManagerRole) {
        let key = "\(pod.namespace)/\(role.fullName)"
        guard var ensemble = grid.ensembles[key] else { return }
        let hadQuorum = ensemble.hasQuorum
        ensemble.upMembers[pod.ordinal] = pod.key
        if !hadQuorum && ensemble.hasQuorum { ensemble.quorumSince = now }
        grid.ensembles[key] = ensemble
        let object = "manager/\(role.fullName)"
        record(object, "LookupServiceStarted", "lookup service, REST manager and ZooKeeper member started in \(pod.name)")
        if !hadQuorum && ensemble.hasQuorum {
            record(
                object, "QuorumFormed",
                "ZooKeeper has a quorum: \(ensemble.upMembers.count) of \(ensemble.size) members up; "
                    + "leader is \(role.fullName)-\(ensemble.leaderOrdinal ?? 0)")
            runPendingElections(ensembleKey: key)
        }
    }

    private mutating func managerDown(_ pod: Pod, _ role: ManagerRole) {
        let key = "\(pod.namespace)/\(role.fullName)"
        guard var ensemble = grid.ensembles[key], ensemble.upMembers[pod.ordinal] == pod.key else { return }
        let hadQuorum = ensemble.hasQuorum
        ensemble.upMembers[pod.ordinal] = nil
        if hadQuorum && !ensemble.hasQuorum { ensemble.quorumSince = nil }
        if !ensemble.lookupServiceUp { ensemble.registrations = [:] }
        grid.ensembles[key] = ensemble
        if hadQuorum && !ensemble.hasQuorum {
            record(
                "manager/\(role.fullName)", "QuorumLost",
                "ZooKeeper lost its quorum: \(ensemble.upMembers.count) of \(ensemble.size) members up, "
                    + "\(ensemble.quorumSize) needed; no primary can be elected or promoted", type: .warning)
        }
    }

    /// True when the REST API of manager `check.managerName` answers at `<name>-hs` (the
    /// headless Service, which publishes Management Pods before they are Ready), or at a
    /// Service named after the manager.
    func managerAPIAnswers(_ check: ManagerCheck, namespace: String) -> Bool {
        let candidates = ["\(check.managerName)-hs", "\(check.managerName)-service", check.managerName]
        for name in candidates {
            guard let record = service(named: name, namespace: namespace) else { continue }
            for index in record.service.spec.ports.indices {
                for endpoint in endpoints(of: record, portIndex: index) {
                    guard let pod = pods[endpoint.podKey], case .manager = pod.role else { continue }
                    if pod.stage == .running { return true }
                }
            }
        }
        return false
    }
}
