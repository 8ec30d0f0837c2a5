import KubeGridCore

/// The `--format json` output: the full result as one JSON document, keys in a fixed
/// order, so the same seed gives the same bytes.
public enum JSONReport {
    /// The report as a `Values` tree (see simulation.md, "Output").
    public static func values(_ report: SimulationReport) -> Values {
        var root: Values.Map = [:]
        root["passed"] = .bool(report.passed)
        root["seed"] = .int(Int(truncatingIfNeeded: report.seed))
        root["client"] = .string(report.client.rawValue)
        root["nodes"] = .list(report.nodes.map(node))
        root["pending"] = .list(report.pendingPods.map(pod))
        root["services"] = .list(report.services.map(service))
        root["ignored"] = .list(
            report.ignored.map { .map(["kind": .string($0.kind), "name": .string($0.name), "source": .string($0.source)]) })
        root["scenarios"] = .list(report.scenarios.map(scenario))
        return .map(root)
    }

    /// The JSON text, pretty-printed, ending in a newline.
    public static func text(_ report: SimulationReport) throws -> String {
        try JSONWriter.write(values(report), style: .pretty)
    }

    private static func node(_ node: NodeReport) -> Values {
        .map(["name": .string(node.name), "zone": .string(node.zone), "address": .string(node.address), "pods": .list(node.pods.map(pod))])
    }

    private static func pod(_ pod: PodReport) -> Values {
        var map: Values.Map = [
            "name": .string(pod.name), "status": .string(pod.status), "ready": .bool(pod.ready),
            "restarts": .int(pod.restarts), "role": .string(pod.role),
        ]
        if let partition = pod.partition { map["partition"] = .int(partition) }
        return .map(map)
    }

    private static func service(_ service: ServiceReport) -> Values {
        var map: Values.Map = ["name": .string(service.name), "type": .string(service.type), "clusterIP": .string(service.clusterIP)]
        if let external = service.externalIP { map["externalIP"] = .string(external) }
        map["nodePorts"] = .list(service.nodePorts.map(Values.string))
        return .map(map)
    }

    private static func sparkApplication(_ figures: SparkFigures) -> Values {
        var map: Values.Map = [
            "application": .string(figures.application), "driver": .string(figures.driver), "state": .string(figures.state),
            "partitions": .int(figures.partitions), "partitionsRead": .int(figures.partitionsRead),
            "objectsRead": .int(figures.objectsRead), "acknowledgedBeforeStart": .int(figures.acknowledgedBeforeStart),
            "missedWrites": .int(figures.missedWrites), "executorsCreated": .int(figures.executorsCreated),
            "peakExecutors": .int(figures.peakExecutors), "executorsRemovedIdle": .int(figures.executorsRemovedIdle),
            "taskRetries": .int(figures.taskRetries), "taskFailures": .int(figures.taskFailures),
        ]
        if let reason = figures.reason { map["reason"] = .string(reason) }
        if let seconds = figures.seconds { map["seconds"] = .float(seconds) }
        return .map(map)
    }

    private static func scenario(_ scenario: ScenarioReport) -> Values {
        var map: Values.Map = [:]
        map["name"] = .string(scenario.name)
        map["passed"] = .bool(scenario.passed)
        map["acknowledgedWrites"] = .int(scenario.check.acknowledgedWrites)
        map["lostWrites"] = .int(scenario.check.lostWrites)
        map["phantomValues"] = .int(scenario.check.phantomValues)
        var unavailable: Values.Map = [:]
        for (partition, seconds) in scenario.unavailableSeconds { unavailable[partition] = .float(seconds) }
        map["unavailableSeconds"] = .map(unavailable)
        map["reasons"] = .list(scenario.reasons.map(Values.string))
        if let isolation = scenario.isolation {
            map["isolation"] = .map([
                "namespaces": .int(isolation.namespaces), "spaces": .int(isolation.spaces),
                "ownReached": .int(isolation.ownReached), "othersBlocked": .int(isolation.othersBlocked),
                "othersExpected": .int(isolation.othersExpected), "externalReach": .list(isolation.externalReach.map(Values.string)),
                "gridConnections": .int(isolation.gridConnections), "gridBlocked": .int(isolation.gridBlocked),
            ])
        }
        if let spark = scenario.spark { map["spark"] = .list(spark.map(sparkApplication)) }
        map["faults"] = .list(scenario.faults.map(fault))
        map["windows"] = .list(
            scenario.windows.map { window in
                .map([
                    "partition": .string(window.partition), "start": .float(window.start.seconds),
                    "end": .float(window.end.seconds), "ended": .bool(window.ended),
                ])
            })
        map["partitionsServing"] = .int(scenario.partitionsServing)
        map["seconds"] = .float(scenario.duration.seconds)
        map["podsReady"] = .int(scenario.podsReady)
        map["podsExpected"] = .int(scenario.podsExpected)
        map["instancesRegistered"] = .int(scenario.instancesRegistered)
        map["instancesExpected"] = .int(scenario.instancesExpected)
        map["partitionsReached"] = .int(scenario.partitionsReached)
        map["partitionsTotal"] = .int(scenario.partitionsTotal)
        map["operations"] = .map([
            "ok": .int(scenario.operationsOK), "fail": .int(scenario.operationsFailed), "info": .int(scenario.operationsUnknown),
        ])
        map["instances"] = .list(scenario.instances.map(instance))
        map["events"] = .list(scenario.events.map(event))
        return .map(map)
    }

    private static func fault(_ fault: FaultRecord) -> Values {
        .map([
            "time": .float(fault.time.seconds), "kind": .string(fault.kind.rawValue), "target": .string(fault.target),
            "message": .string(fault.message), "healedAt": fault.healedAt.map { .float($0.seconds) } ?? .null,
        ])
    }

    private static func instance(_ instance: InstanceReport) -> Values {
        var map: Values.Map = [
            "name": .string(instance.name), "space": .string(instance.space), "partition": .int(instance.partition),
            "role": .string(instance.role),
        ]
        map["address"] = instance.address.map(Values.string) ?? .null
        map["addressKind"] = instance.addressKind.map(Values.string) ?? .null
        map["reachable"] = .bool(instance.reachable)
        return .map(map)
    }

    private static func event(_ event: ClusterEvent) -> Values {
        .map([
            "time": .float(event.time.seconds), "object": .string(event.object), "type": .string(event.type.rawValue),
            "reason": .string(event.reason), "message": .string(event.message),
        ])
    }
}
