/// Management Pods: each runs a lookup service, the REST Manager and a ZooKeeper member.
/// When a majority of the ensemble is up, ZooKeeper has a quorum and Space leader
/// elections can run; without one, no primary can be elected or promoted.
extension GridController {
    mutating func managerUp(_ pod: Pod, _ role: ManagerRole, _ context: inout RuntimeContext) {
        let key = "\(pod.namespace)/\(role.fullName)"
        guard var ensemble = ensembles[key] else { return }
        let hadQuorum = ensemble.hasQuorum
        let hadLookupService = ensemble.lookupServiceUp
        ensemble.upMembers[pod.ordinal] = pod.key
        if !hadQuorum && ensemble.hasQuorum { ensemble.quorumSince = context.now }
        ensembles[key] = ensemble
        progress += 1
        let object = "manager/\(role.fullName)"
        context.record(object, "LookupServiceStarted", "lookup service, REST manager and ZooKeeper member started in \(pod.name)", pod: pod.key)
        if !hadLookupService {
            endManagerOutage(key, .lookupService, &context)
            registerAgain(ensembleKey: key, &context)
        }
        if !hadQuorum && ensemble.hasQuorum {
            endManagerOutage(key, .quorum, &context)
            context.record(
                object, "QuorumFormed",
                "ZooKeeper has a quorum: \(ensemble.upMembers.count) of \(ensemble.size) members up; "
                    + "leader is \(role.fullName)-\(ensemble.leaderOrdinal ?? 0)")
            runPendingElections(ensembleKey: key, &context)
        }
    }

    mutating func managerDown(_ pod: Pod, _ role: ManagerRole, _ context: inout RuntimeContext) {
        let key = "\(pod.namespace)/\(role.fullName)"
        guard var ensemble = ensembles[key], ensemble.upMembers[pod.ordinal] == pod.key else { return }
        let hadQuorum = ensemble.hasQuorum
        ensemble.upMembers[pod.ordinal] = nil
        if hadQuorum && !ensemble.hasQuorum { ensemble.quorumSince = nil }
        if !ensemble.lookupServiceUp { ensemble.registrations = [:] }
        ensembles[key] = ensemble
        progress += 1
        let object = "manager/\(role.fullName)"
        if !ensemble.lookupServiceUp {
            context.faultLog.managerOutages.append(ManagerOutage(ensembleKey: key, service: .lookupService, start: context.now))
            context.record(
                object, "LookupServiceDown",
                "no lookup service or REST manager of \(role.fullName) is running: clients cannot find the Spaces "
                    + "and new Space pods wait in check-manager-ready", type: .warning)
        }
        if hadQuorum && !ensemble.hasQuorum {
            context.faultLog.managerOutages.append(ManagerOutage(ensembleKey: key, service: .quorum, start: context.now))
            context.record(
                object, "QuorumLost",
                "ZooKeeper lost its quorum: \(ensemble.upMembers.count) of \(ensemble.size) members up, "
                    + "\(ensemble.quorumSize) needed; no primary can be elected or promoted", type: .warning)
        }
    }

    private func endManagerOutage(_ ensembleKey: String, _ service: ManagerOutage.Service, _ context: inout RuntimeContext) {
        let outages = context.faultLog.managerOutages
        guard let index = outages.lastIndex(where: { $0.ensembleKey == ensembleKey && $0.service == service }),
            outages[index].end == nil
        else { return }
        context.faultLog.managerOutages[index].end = context.now
    }

    /// A lookup service came back after none was running: every running Space instance
    /// that had registered finds it and registers again, keeping its role.
    private mutating func registerAgain(ensembleKey: String, _ context: inout RuntimeContext) {
        let keys = instances.keys.sorted()
        let now = context.now
        var count = 0
        for podKey in keys {
            guard let instance = instances[podKey], let address = instance.address,
                instance.state != .starting, spaces[instance.spaceKey]?.managerKey == ensembleKey
            else { continue }
            ensembles[ensembleKey]?.registrations[podKey] = Registration(
                podKey: podKey, podName: instance.podName, spaceKey: instance.spaceKey, partition: instance.partition,
                address: address, registeredAt: now)
            count += 1
        }
        if count > 0, let name = ensembles[ensembleKey]?.fullName {
            context.record(
                "manager/\(name)", "InstancesRegistered", "\(count) running Space instance(s) registered again in the lookup service")
        }
    }
}
