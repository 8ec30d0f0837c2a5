/// Injecting a fault into the running world with a user's operations (`Kubectl/`): it is
/// logged, the grid and cluster react on the virtual clock, and the scope of what it
/// touched tells the scenario what must heal.
extension World {
    /// Injects `fault` now; nil when it has no target (no such pod, no primary, no manager).
    mutating func inject(_ fault: Fault) -> HealScope? {
        switch fault {
        case .killPrimary(let spaceKey, let partition):
            guard let space = spaceKey.flatMap({ grid.spaces[$0] }) ?? grid.spaces.values.first,
                space.partitions.indices.contains(partition - 1),
                let primary = space.partitions[partition - 1].primary, let pod = pods[primary]
            else { return nil }
            return kill([pod], kind: .killPod, message: "killed \(pod.name), primary of partition \(partition)")
        case .killPod(let name):
            guard let pod = pods.values.first(where: { $0.name == name }) else { return nil }
            return kill([pod], kind: .killPod, message: "killed \(pod.name)")
        case .loseNode(let name):
            guard let node = node(named: name), node.condition == .ready, !node.removed else { return nil }
            var scope = scope(of: pods.pods(on: name))
            scope.nodes = [name]
            let names = pods.pods(on: name).map(\.name)
            begin(.loseNode, target: name, message: "lost \(name) with \(names.isEmpty ? "no pods" : names.joined(separator: ", "))")
            faultLog.current?.node = name
            try? makeNodeUnreachable(name)
            return scope
        case .rollingUpdate:
            begin(.rollingUpdate, target: "every StatefulSet", message: "changed the image tag of every StatefulSet")
            for entry in statefulSets.values {
                try? patchImage(statefulSet: entry.name, namespace: entry.namespace, tag: Self.upgradedTag(of: entry))
            }
            return .everything(in: self)
        case .drainNodes(let names):
            guard let first = names.first else { return nil }
            begin(.drainNodes, target: names.joined(separator: ", "), message: "drained \(names.joined(separator: ", ")) one after another")
            var scope = HealScope.everything(in: self)
            scope.nodes = names
            startDrain(of: names, first: first)
            return scope
        case .pausePrimary(let spaceKey, let partition):
            guard let space = spaceKey.flatMap({ grid.spaces[$0] }) ?? grid.spaces.values.first,
                space.partitions.indices.contains(partition - 1),
                let primary = space.partitions[partition - 1].primary, let pod = pods[primary]
            else { return nil }
            begin(.pause, target: pod.name, message: "paused \(pod.name), primary of partition \(partition), for \(timings.pause)")
            let duration = timings.pause
            withGrid { $0.pauseInstance(primary, for: duration, &$1) }
            var scope = scope(of: [pod])
            scope.pausedInstances = [primary]
            return scope
        case .isolate(let names, let label):
            let isolated = Set(names.filter { node(named: $0) != nil })
            guard !isolated.isEmpty else { return nil }
            begin(
                .networkPartition, target: label,
                message: "cut \(label) off from the rest of the cluster for \(timings.isolation): its pods and the other nodes' "
                    + "no longer reach each other")
            let until = now + timings.isolation
            withGrid { $0.networkPartitioned(isolated: isolated, until: until, &$1) }
            schedule(.networkHealed, after: timings.isolation)
            var scope = HealScope.everything(in: self)
            scope.isolation = true
            return scope
        case .killLeadingManager:
            guard let ensemble = grid.ensembles.values.first(where: { !$0.upMembers.isEmpty }) else { return nil }
            let ordinal = ensemble.leaderOrdinal ?? ensemble.upMembers.keys.max()!
            guard let pod = ensemble.upMembers[ordinal].flatMap({ pods[$0] }) else { return nil }
            let role =
                ensemble.size == 1
                ? "the only manager" : "the ZooKeeper leader of \(ensemble.size) managers"
            return kill([pod], kind: .killLeadingManager, message: "killed \(pod.name), \(role)")
        case .loseQuorum:
            guard let ensemble = grid.ensembles.values.first(where: { !$0.upMembers.isEmpty }) else { return nil }
            let count = ensemble.size - ensemble.quorumSize + 1
            let victims = ensemble.upMembers.keys.sorted(by: >).prefix(count).compactMap { ensemble.upMembers[$0].flatMap { pods[$0] } }
            guard !victims.isEmpty else { return nil }
            let names = victims.map(\.name).joined(separator: " and ")
            return kill(
                victims, kind: .loseQuorum,
                message: "killed \(names): \(ensemble.size - victims.count) of \(ensemble.size) ZooKeeper members left, \(ensemble.quorumSize) needed")
        }
    }

    /// The first container's tag with `-upgrade` appended (`latest-upgrade` without a tag).
    static func upgradedTag(of entry: StatefulSetRecord) -> String {
        let image = entry.statefulSet.spec.template.spec.containers.first?.image ?? ""
        let lastSlash = image.lastIndex(of: "/")
        if let colon = image.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            return String(image[image.index(after: colon)...]) + "-upgrade"
        }
        return "latest-upgrade"
    }

    private mutating func kill(_ victims: [Pod], kind: FaultKind, message: String) -> HealScope {
        let scope = scope(of: victims)
        begin(kind, target: victims.map(\.name).joined(separator: ", "), message: message)
        faultLog.current?.dyingPods = Set(victims.map(\.key))
        for pod in victims {
            try? deletePod(named: pod.name, namespace: pod.namespace, gracePeriodSeconds: 0, reason: "Killing pod \(pod.name) (fault injected)")
        }
        faultLog.current?.dyingPods = []
        return scope
    }

    private mutating func begin(_ kind: FaultKind, target: String, message: String) {
        faultLog.current = CurrentFault(kind: kind)
        faultLog.records.append(FaultRecord(time: now, kind: kind, target: target, message: message))
        record("fault/\(kind.rawValue)", "FaultInjected", message, type: .warning)
    }

    /// The StatefulSets, partitions and manager ensembles of `victims`.
    private func scope(of victims: [Pod]) -> HealScope {
        var scope = HealScope()
        for pod in victims {
            if !scope.statefulSets.contains(pod.owner) { scope.statefulSets.append(pod.owner) }
            switch pod.role {
            case .spaceInstance(let role):
                let ref = PartitionRef(space: "\(pod.namespace)/\(role.spaceName)", partition: role.partitionId ?? 1)
                if !scope.partitions.contains(ref) { scope.partitions.append(ref) }
            case .manager(let role):
                let key = "\(pod.namespace)/\(role.fullName)"
                if !scope.ensembles.contains(key) { scope.ensembles.append(key) }
            case .zeppelin, .other:
                break
            }
        }
        return scope
    }
}
