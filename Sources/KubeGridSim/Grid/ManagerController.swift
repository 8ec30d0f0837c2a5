/// Management Pods: each runs a lookup service, the REST Manager and a ZooKeeper member.
/// When a majority of the ensemble is up, ZooKeeper has a quorum and Space leader
/// elections can run; without one, no primary can be elected or promoted.
extension World {
    /// Makes the grid aware of a StatefulSet's role when it is created.
    mutating func gridObserved(_ event: WatchEvent) {
        guard event.type == .added, case .statefulSet(let statefulSet) = event.object.body else { return }
        let namespace = event.object.metadata.namespace ?? "default"
        switch GridRole.of(statefulSet) {
        case .manager(let role):
            let key = "\(namespace)/\(role.fullName)"
            if grid.ensembles[key] == nil {
                grid.ensembles[key] = ManagerEnsemble(
                    key: key, fullName: role.fullName, namespace: namespace, size: role.ensembleSize)
            }
        case .spaceInstance(let role):
            let key = "\(namespace)/\(role.spaceName)"
            if grid.spaces[key] == nil {
                grid.spaces[key] = SpaceState(
                    key: key, name: role.spaceName, namespace: namespace,
                    managerKey: role.managerName.map { "\(namespace)/\($0)" },
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
        let hadLookupService = ensemble.lookupServiceUp
        ensemble.upMembers[pod.ordinal] = pod.key
        if !hadQuorum && ensemble.hasQuorum { ensemble.quorumSince = now }
        grid.ensembles[key] = ensemble
        progress += 1
        let object = "manager/\(role.fullName)"
        record(object, "LookupServiceStarted", "lookup service, REST manager and ZooKeeper member started in \(pod.name)", pod: pod.key)
        if !hadLookupService {
            endManagerOutage(key, .lookupService)
            registerAgain(ensembleKey: key)
        }
        if !hadQuorum && ensemble.hasQuorum {
            endManagerOutage(key, .quorum)
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
        progress += 1
        let object = "manager/\(role.fullName)"
        if !ensemble.lookupServiceUp {
            faultLog.managerOutages.append(ManagerOutage(ensembleKey: key, service: .lookupService, start: now))
            record(
                object, "LookupServiceDown",
                "no lookup service or REST manager of \(role.fullName) is running: clients cannot find the Spaces "
                    + "and new Space pods wait in check-manager-ready", type: .warning)
        }
        if hadQuorum && !ensemble.hasQuorum {
            faultLog.managerOutages.append(ManagerOutage(ensembleKey: key, service: .quorum, start: now))
            record(
                object, "QuorumLost",
                "ZooKeeper lost its quorum: \(ensemble.upMembers.count) of \(ensemble.size) members up, "
                    + "\(ensemble.quorumSize) needed; no primary can be elected or promoted", type: .warning)
        }
    }

    private mutating func endManagerOutage(_ ensembleKey: String, _ service: ManagerOutage.Service) {
        guard let index = faultLog.managerOutages.lastIndex(where: { $0.ensembleKey == ensembleKey && $0.service == service }),
            faultLog.managerOutages[index].end == nil
        else { return }
        faultLog.managerOutages[index].end = now
    }

    /// A lookup service came back after none was running: every running Space instance
    /// that had registered finds it and registers again, keeping its role.
    private mutating func registerAgain(ensembleKey: String) {
        let keys = grid.instances.keys.sorted()
        let now = now
        var count = 0
        for podKey in keys {
            guard let instance = grid.instances[podKey], let address = instance.address,
                instance.state != .starting, grid.spaces[instance.spaceKey]?.managerKey == ensembleKey
            else { continue }
            grid.ensembles[ensembleKey]?.registrations[podKey] = Registration(
                podKey: podKey, podName: instance.podName, spaceKey: instance.spaceKey, partition: instance.partition,
                address: address, registeredAt: now)
            count += 1
        }
        if count > 0, let name = grid.ensembles[ensembleKey]?.fullName {
            record("manager/\(name)", "InstancesRegistered", "\(count) running Space instance(s) registered again in the lookup service")
        }
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
