import KubeGridCore

extension ScenarioReport {
    /// The report of a scenario that ended in `world`; clients started at `clientStart`.
    static func build(
        name: String, world: World, reasons: [String], check: CheckResult, clientStart: SimTime
    ) -> ScenarioReport {
        let pods = world.podCounts
        let instances = world.instanceCounts
        var tally = world.clients.tally
        tally.noteOutages(world.faultLog.outages)
        let spaces = Array(world.grid.spaces.values)
        let partitionsTotal = spaces.reduce(0) { $0 + $1.partitionCount }
        let unavailability = Unavailability(world: world, tally: tally, clientStart: clientStart)
        return ScenarioReport(
            name: name, passed: reasons.isEmpty, reasons: reasons, duration: world.now,
            podsReady: pods.ready, podsExpected: pods.expected,
            instancesRegistered: instances.registered, instancesExpected: instances.expected,
            partitionsReached: tally.reached.count, partitionsTotal: partitionsTotal, check: check,
            operationsOK: tally.ok, operationsFailed: tally.failed, operationsUnknown: tally.unknown,
            unavailableSeconds: unavailability.seconds, windows: unavailability.windows, faults: world.faultLog.records,
            partitionsServing: tally.finalReadPartitions.subtracting(tally.finalReadUnserved).count, clientStart: clientStart,
            instances: instanceReports(world), events: world.events, history: world.clients.history,
            completions: tally.completions.buckets(CompletionBuckets.timelineCount, end: world.now.milliseconds))
    }

    private static func instanceReports(_ world: World) -> [InstanceReport] {
        world.grid.instances.values.sorted { $0.podName < $1.podName }.map { instance in
            let space = world.grid.spaces[instance.spaceKey]?.name ?? instance.spaceKey
            let reachable = instance.address.map { world.clients.unreachableReason($0, pod: instance.podKey, pods: world.pods, cluster: world.clusterView) == nil } ?? false
            return InstanceReport(
                name: instance.podName, space: space, partition: instance.partition, role: roleWord(instance.state),
                address: instance.address?.description, addressKind: instance.address?.kind.rawValue, reachable: reachable)
        }
    }

    static func roleWord(_ state: SpaceInstance.State) -> String {
        switch state {
        case .starting: return "starting"
        case .awaitingElection: return "awaiting election"
        case .primary: return "primary"
        case .recovering: return "recovering"
        case .backup: return "backup"
        }
    }
}

extension SimulationReport {
    /// The cluster part of a report: nodes and their pods, Pending pods, Services.
    static func build(
        world: World, options: SimulationOptions, bundle: ManifestBundle, scenarios: [ScenarioReport]
    ) -> SimulationReport {
        let sortedPods = world.pods.values.sorted { $0.name < $1.name }
        let nodes = world.nodes.map { node in
            NodeReport(
                name: node.name, zone: node.zone, address: node.internalIP.description,
                pods: sortedPods.filter { $0.nodeName == node.name }.map { podReport($0, world) })
        }
        let pending = sortedPods.filter { $0.nodeName == nil }.map { podReport($0, world) }
        let services = world.services.values.map { record in
            ServiceReport(
                name: record.name, type: record.type.rawValue, clusterIP: record.clusterIP?.description ?? "None",
                externalIP: record.type == .loadBalancer ? (record.loadBalancerIP?.description ?? "<pending>") : nil,
                nodePorts: zip(record.service.spec.ports, record.nodePorts).compactMap { port, nodePort in
                    nodePort.map { "\(port.port)/\($0)" }
                })
        }
        return SimulationReport(
            seed: options.seed, client: options.client, nodes: nodes, pendingPods: pending, services: services,
            ignored: bundle.ignored, scenarios: scenarios)
    }

    private static func podReport(_ pod: Pod, _ world: World) -> PodReport {
        var role = "other"
        var partition: Int?
        switch pod.role {
        case .manager: role = "manager"
        case .spaceInstance(let spaceRole):
            partition = spaceRole.partitionId ?? 1
            if let instance = world.grid.instances[pod.key], instance.uid == pod.uid {
                role = instance.state == .primary ? "primary" : (instance.state == .backup || instance.state == .recovering ? "backup" : "instance")
            } else {
                role = "instance"
            }
        case .zeppelin: role = "zeppelin"
        case .other: break
        }
        return PodReport(
            name: pod.name, status: pod.statusText, ready: pod.ready, restarts: pod.restartCount, role: role,
            partition: partition)
    }
}
