import KubeGridCore
import OrderedCollections

/// GigaSpaces' REST Manager API (v2) of one manager ensemble, answered from the simulated
/// grid: `/v2/info`, `/v2/spaces`, `/v2/spaces/{name}`, `/v2/spaces/{name}/instances`,
/// `/v2/pus` and `/v2/hosts`, shaped after the REST Manager's Swagger models (Space,
/// SpaceInstance, ProcessingUnit, Host). A pure function of the grid's state: it reads,
/// never changes, the world.
struct RESTManager {
    let ensemble: ManagerEnsemble
    let grid: GridController
    /// Pod key to the name of the node it runs on.
    let podHosts: [String: String]
    /// Node name to its internal IP.
    let nodeAddresses: [String: String]
    /// The GigaSpaces version the managers run (their image tag).
    let version: String

    func answer(method: String = "GET", path: String) -> RESTManagerAnswer {
        let pieces = path.split(separator: "?", maxSplits: 1)[0].split(separator: "/").map(String.init)
        guard pieces.first == "v2", pieces.count >= 2 else {
            return .error(404, "No resource at \(path)")
        }
        guard method == "GET" else {
            return .error(405, "Request method '\(method)' not supported by the simulated REST Manager")
        }
        switch Array(pieces.dropFirst()) {
        case ["info"]: return RESTManagerAnswer(body: info)
        case ["spaces"]: return RESTManagerAnswer(body: .list(spaces.map(space)))
        case ["pus"]: return RESTManagerAnswer(body: .list(spaces.map(processingUnit)))
        case ["hosts"]: return RESTManagerAnswer(body: .list(hosts))
        case let route where route.count >= 2 && route[0] == "spaces":
            guard let found = spaces.first(where: { $0.name == route[1] }) else {
                return .error(404, "Space [\(route[1])] does not exist")
            }
            if route.count == 2 { return RESTManagerAnswer(body: space(found)) }
            if route.count == 3 && route[2] == "instances" { return RESTManagerAnswer(body: .list(instances(of: found).map(\.body))) }
            return .error(404, "No resource at \(path)")
        default:
            return .error(404, "No resource at \(path)")
        }
    }

    /// The Spaces that register with this ensemble, in the order they were applied.
    private var spaces: [SpaceState] {
        grid.spaces.values.filter { $0.managerKey == ensemble.key }
    }

    private var managerPods: [String] {
        ensemble.upMembers.keys.sorted().map { "\(ensemble.fullName)-\($0)" }
    }

    private var info: Values {
        let locators = (0..<ensemble.size).map { "\(ensemble.fullName)-\($0).\(ensemble.fullName)-hs:4174" }
        return [
            "revision": .string(version),
            "lookupGroups": .string("xap-\(version)"),
            "lookupLocators": .string(locators.joined(separator: ",")),
            "managers": .list(managerPods.map { pod in
                .string(podHosts["\(ensemble.namespace)/\(pod)"] ?? pod)
            }),
        ]
    }

    private func space(_ space: SpaceState) -> Values {
        [
            "name": .string(space.name),
            "processingUnitName": .string(space.name),
            "topology": [
                "schema": .string(space.partitionCount > 1 || space.ha ? "partitioned" : "singleSpace"),
                "partitions": .int(space.partitionCount),
                "backupsPerPartition": .int(space.ha ? 1 : 0),
            ],
            "instancesIds": .list(instances(of: space).map { .string($0.id) }),
        ]
    }

    /// A running instance with the id GigaSpaces gives it: `SPACE~PARTITION_N`, N counting
    /// the partition's pods in name order from 1.
    struct Instance {
        let id: String
        let podName: String
        let body: Values
    }

    private func instances(of space: SpaceState) -> [Instance] {
        let running = grid.instances.values.filter { $0.spaceKey == space.key }
        return (1...max(space.partitionCount, 1)).flatMap { partition in
            running.filter { $0.partition == partition }.sorted { $0.podName < $1.podName }.enumerated().map { offset, instance in
                let id = "\(space.name)~\(partition)_\(offset + 1)"
                let host = podHosts[instance.podKey]
                return Instance(id: id, podName: instance.podName, body: [
                    "id": .string(id),
                    "spaceName": .string(space.name),
                    "partitionId": .int(partition),
                    "mode": .string(Self.mode(of: instance.state)),
                    "hostId": host.map(Values.string) ?? .null,
                    "containerId": .string(instance.podName),
                    "processingUnitInstanceName": .string(instance.podName),
                ])
            }
        }
    }

    /// GigaSpaces' SpaceMode: a recovering backup is already a BACKUP; before the election, NONE.
    static func mode(of state: SpaceInstance.State) -> String {
        switch state {
        case .primary: return "PRIMARY"
        case .backup, .recovering: return "BACKUP"
        case .starting, .awaitingElection: return "NONE"
        }
    }

    private func processingUnit(_ space: SpaceState) -> Values {
        let running = instances(of: space)
        return [
            "name": .string(space.name),
            "processingUnitType": "STATEFUL",
            "status": .string(status(of: space)),
            "instances": .list(running.map { .string($0.id) }),
            "planned": .int(space.expectedInstances),
        ]
    }

    /// The REST Manager's deployment status: intact when every instance is ready, broken
    /// when a partition has no primary, compromised in between, scheduled before any runs.
    private func status(of space: SpaceState) -> String {
        let running = grid.instances.values.filter { $0.spaceKey == space.key }
        if running.isEmpty { return "scheduled" }
        if space.partitions.contains(where: { $0.primary == nil }) { return "broken" }
        return running.filter(\.isReady).count >= space.expectedInstances ? "intact" : "compromised"
    }

    /// Every node that runs one of this grid's pods, with those pods.
    private var hosts: [Values] {
        var podsByHost: OrderedDictionary<String, [String]> = [:]
        let managerKeys = managerPods.map { "\(ensemble.namespace)/\($0)" }
        let spaceKeys = Set(spaces.map(\.key))
        let instanceKeys = grid.instances.values.filter { spaceKeys.contains($0.spaceKey) }.map(\.podKey).sorted()
        for podKey in managerKeys + instanceKeys {
            guard let host = podHosts[podKey] else { continue }
            podsByHost[host, default: []].append(String(podKey.split(separator: "/").last ?? ""))
        }
        return podsByHost.keys.sorted().map { host in
            [
                "name": .string(host),
                "address": nodeAddresses[host].map(Values.string) ?? .null,
                "containers": .list(podsByHost[host]!.map(Values.string)),
            ]
        }
    }
}
