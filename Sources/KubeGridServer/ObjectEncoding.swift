import Foundation
import KubeGridCore
import KubeGridSim

/// Writes stored objects as the API server returns them: the manifest's fields, the
/// server's metadata (uid, resourceVersion, generation, timestamps, owners) and a status
/// from the controllers and kubelets.
struct ObjectEncoding {
    let cluster: LiveCluster
    /// The wall-clock moment virtual time zero stands for, and how fast virtual time runs.
    let clock: ServeClock

    func encode(_ object: StoredObject) -> Values {
        let metadata = self.metadata(object)
        let resource = APIResource.of(object.kind)
        var map: Values.Map
        switch object.body {
        case .namespace:
            // The namespace controller's finalizer is the spec's; the store keeps it with
            // the others while the namespace is emptied.
            let finalizing = !object.metadata.isTerminating || object.metadata.finalizers.contains(Finalizer.namespaceContent)
            map = ["spec": .map(["finalizers": finalizing ? ["kubernetes"] : []]),
                   "status": .map(["phase": object.metadata.isTerminating ? "Terminating" : "Active"])]
        case .node(let node):
            map = node.unschedulable ? ["spec": .map(["unschedulable": true])] : ["spec": .emptyMap]
            map["status"] = nodeStatus(object.metadata.name)
        case .service(let service):
            map = Self.fields(service.encoded())
            if let record = cluster.serviceAllocation(namespace: object.metadata.namespace!, name: object.metadata.name) {
                map["spec"] = Self.allocated(map["spec"] ?? .emptyMap, record)
                if let address = record.loadBalancerIP {
                    map["status"] = .map(["loadBalancer": .map(["ingress": [.map(["ip": .string(address.description)])]])])
                } else {
                    map["status"] = .map(["loadBalancer": .emptyMap])
                }
            }
        case .podDisruptionBudget(let budget):
            map = Self.fields(budget.encoded())
        case .statefulSet(let statefulSet):
            map = Self.fields(statefulSet.encoded())
            let ready = cluster.readyReplicas(namespace: object.metadata.namespace!, name: object.metadata.name)
            let replicas = statefulSet.spec.replicas ?? 1
            map["status"] = .map([
                "observedGeneration": .int(object.metadata.generation), "replicas": .int(replicas),
                "readyReplicas": .int(ready), "currentReplicas": .int(replicas), "updatedReplicas": .int(replicas),
                "availableReplicas": .int(ready),
            ])
        case .passive(let passive):
            map = passive.fields
            if let hard = ResourceQuotaAdmission.quotaHard(object) {
                map["status"] = ResourceQuotaAdmission.status(hard: hard, namespace: object.metadata.namespace!, store: cluster.store)
            }
        case .event(let event):
            map = eventFields(event)
        case .endpoints(let endpoints):
            map = Self.endpointsFields(endpoints, namespace: object.metadata.namespace!)
        case .endpointSlice(let endpoints):
            map = Self.sliceFields(endpoints, namespace: object.metadata.namespace!)
        case .pod(let pod):
            var spec = Self.fields(pod.spec.encoded())
            if let node = pod.nodeName { spec["nodeName"] = .string(node) }
            map = ["spec": .map(spec), "status": podStatus(object)]
        }
        map["metadata"] = metadata
        var result: Values.Map = ["apiVersion": .string(resource.groupVersion), "kind": .string(object.kind.rawValue)]
        result["metadata"] = metadata
        for (key, value) in map where key != "apiVersion" && key != "kind" && key != "metadata" { result[key] = value }
        return .map(result)
    }

    /// A list of objects, as `kubectl get` reads it.
    func list(_ objects: [StoredObject], resource: APIResource, resourceVersion: Int) -> Values {
        list(items: objects.map(encode), resource: resource, resourceVersion: resourceVersion)
    }

    /// A list of objects already encoded.
    func list(items: [Values], resource: APIResource, resourceVersion: Int) -> Values {
        .map([
            "kind": .string(resource.kind.rawValue + "List"), "apiVersion": .string(resource.groupVersion),
            "metadata": .map(["resourceVersion": .string(String(resourceVersion))]),
            "items": .list(items),
        ])
    }

    /// An Event's fields, in the order kube-apiserver writes them.
    private func eventFields(_ event: EventRecord) -> Values.Map {
        var involved: Values.Map = ["kind": .string(event.involvedKind.rawValue)]
        if let namespace = event.involvedNamespace { involved["namespace"] = .string(namespace) }
        involved["name"] = .string(event.involvedName)
        involved["uid"] = .string(event.involvedUID.description)
        involved["apiVersion"] = .string(APIResource.of(event.involvedKind).groupVersion)
        var source: Values.Map = ["component": .string(event.component)]
        if let host = event.host { source["host"] = .string(host) }
        return [
            "involvedObject": .map(involved), "reason": .string(event.reason), "message": .string(event.message),
            "source": .map(source), "firstTimestamp": .string(clock.timestamp(event.firstTimestamp)),
            "lastTimestamp": .string(clock.timestamp(event.lastTimestamp)), "count": .int(event.count),
            "type": .string(event.type), "eventTime": .null, "reportingComponent": .string(event.component),
            "reportingInstance": .string(event.host ?? ""),
        ]
    }

    private static func fields(_ values: Values) -> Values.Map {
        values.mapValue ?? [:]
    }

    private func metadata(_ object: StoredObject) -> Values {
        let meta = object.metadata
        var map: Values.Map = ["name": .string(meta.name)]
        if let namespace = meta.namespace { map["namespace"] = .string(namespace) }
        map["uid"] = .string(meta.uid.description)
        map["resourceVersion"] = .string(String(meta.resourceVersion))
        if object.kind != .namespace, object.kind != .node, object.kind.passiveType == nil || hasSpec(object) {
            map["generation"] = .int(meta.generation)
        }
        map["creationTimestamp"] = .string(clock.timestamp(meta.creationTimestamp))
        if let deletion = meta.deletionTimestamp {
            map["deletionTimestamp"] = .string(clock.timestamp(deletion))
            if let grace = meta.deletionGracePeriodSeconds { map["deletionGracePeriodSeconds"] = .int(grace) }
        }
        if !meta.labels.isEmpty { map["labels"] = .map(meta.labels.mapValues { .string($0) }) }
        if !meta.annotations.isEmpty { map["annotations"] = .map(meta.annotations.mapValues { .string($0) }) }
        if !meta.ownerReferences.isEmpty {
            map["ownerReferences"] = .list(meta.ownerReferences.map { owner in
                .map([
                    "apiVersion": .string(APIResource.of(owner.kind).groupVersion), "kind": .string(owner.kind.rawValue),
                    "name": .string(owner.name), "uid": .string(owner.uid.description), "controller": .bool(owner.controller),
                    "blockOwnerDeletion": true,
                ])
            })
        }
        let finalizers = object.kind == .namespace ? meta.finalizers.filter { $0 != Finalizer.namespaceContent } : meta.finalizers
        if !finalizers.isEmpty { map["finalizers"] = .list(finalizers.map { .string($0) }) }
        if let managedFields = meta.managedFields { map["managedFields"] = managedFields }
        return .map(map)
    }

    /// Stored-only kinds have a generation when they have a spec (a ConfigMap has none).
    private func hasSpec(_ object: StoredObject) -> Bool {
        switch object.body {
        case .passive(let passive): return passive.fields["spec"] != nil
        case .endpoints: return false
        default: return true
        }
    }

    /// The Service's spec with what the API server allocated: cluster IP, node ports.
    private static func allocated(_ spec: Values, _ record: ServiceRecord) -> Values {
        guard var map = spec.mapValue else { return spec }
        if let address = record.clusterIP {
            map["clusterIP"] = .string(address.description)
            map["clusterIPs"] = [.string(address.description)]
        } else if map["clusterIP"] == nil {
            map["clusterIP"] = "None"
        }
        if var ports = map["ports"]?.listValue {
            for (index, nodePort) in record.nodePorts.enumerated() where index < ports.count {
                if let nodePort, var port = ports[index].mapValue {
                    port["nodePort"] = .int(nodePort)
                    ports[index] = .map(port)
                }
            }
            map["ports"] = .list(ports)
        }
        return .map(map)
    }

    private func podStatus(_ object: StoredObject) -> Values {
        guard let status = cluster.podStatus(namespace: object.metadata.namespace!, name: object.metadata.name) else {
            return .map(["phase": "Pending"])
        }
        let ready = status.ready ? "True" : "False"
        var map: Values.Map = ["phase": .string(status.phase)]
        map["conditions"] = .list([
            .map(["type": "PodScheduled", "status": status.hostIP == nil ? "False" : "True"]),
            .map(["type": "Ready", "status": .string(ready)]),
            .map(["type": "ContainersReady", "status": .string(ready)]),
        ])
        if let host = status.hostIP { map["hostIP"] = .string(host) }
        if let ip = status.podIP {
            map["podIP"] = .string(ip)
            map["podIPs"] = [.map(["ip": .string(ip)])]
        }
        map["startTime"] = .string(clock.timestamp(status.startedAt))
        if let exited = status.exited {
            // kubectl's STATUS column reads a finished pod's reason from its containers.
            map["containerStatuses"] = .list(exited.containers.map { name in
                .map([
                    "name": .string(name), "ready": false, "restartCount": 0, "started": false,
                    "image": .string(exited.image ?? ""), "imageID": "",
                    "state": .map(["terminated": .map(["exitCode": .int(exited.exitCode), "reason": .string(exited.reason)])]),
                ])
            })
        }
        return .map(map)
    }

    private func nodeStatus(_ name: String) -> Values {
        let node = cluster.node(named: name)
        var map: Values.Map = [
            "conditions": [.map([
                "type": "Ready", "status": .string(node.map { $0.condition == .ready } == false ? "Unknown" : "True"),
                "reason": .string(node.map { $0.condition == .ready } == false ? "NodeStatusUnknown" : "KubeletReady"),
            ])]
        ]
        if let node { map["addresses"] = [.map(["type": "InternalIP", "address": .string(node.internalIP.description)])] }
        map["nodeInfo"] = .map(["kubeletVersion": "v1.32.0", "architecture": "amd64", "operatingSystem": "linux"])
        return .map(map)
    }
}

/// Virtual time against the wall: virtual = elapsed wall time × speed.
public struct ServeClock: Sendable {
    public let start: Date
    public let speed: Double

    public init(start: Date = Date(), speed: Double) {
        self.start = start
        self.speed = speed
    }

    /// The virtual time at `date`.
    public func virtualTime(at date: Date = Date()) -> SimTime {
        .milliseconds(Int(date.timeIntervalSince(start) * speed * 1000))
    }

    /// RFC 3339 with nanoseconds, as the kubelet stamps log lines (`kubectl logs --timestamps`).
    func preciseTimestamp(_ time: SimTime) -> String {
        let instant = start.addingTimeInterval(time.seconds / speed).timeIntervalSince1970
        let nanoseconds = Int((instant - instant.rounded(.down)) * 1_000_000_000)
        let fraction = String(nanoseconds)
        return String(timestamp(time).dropLast()) + "." + String(repeating: "0", count: 9 - fraction.count) + fraction + "Z"
    }

    /// RFC 3339 at whole seconds, as metav1.Time is written.
    func timestamp(_ time: SimTime) -> String {
        var seconds = time_t(start.addingTimeInterval(time.seconds / speed).timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
