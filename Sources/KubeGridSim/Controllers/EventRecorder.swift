/// A `v1 Event` as the API server stores it: the object it is about, what happened, who
/// reported it, and how often (identical events are counted on one object, as client-go's
/// event correlator does).
public struct EventRecord: Sendable, Hashable {
    /// The object the event is about: kind, namespace (nil for a Node), name, uid.
    public var involvedKind: ObjectKind
    public var involvedNamespace: String?
    public var involvedName: String
    public var involvedUID: UID
    public var reason: String
    public var message: String
    /// `Normal` or `Warning`.
    public var type: String
    /// The component that reported it (`kubelet`, `default-scheduler`, …) and, for the
    /// kubelet, the node.
    public var component: String
    public var host: String?
    public var count: Int
    public var firstTimestamp: SimTime
    public var lastTimestamp: SimTime
}

/// Records the Kubernetes events the controllers write on the timeline as `Event` objects
/// in the store, so `kubectl describe` and `kubectl get events` find them: one object per
/// distinct event (same object, reason, message, type and source), counted when it
/// repeats, and deleted an hour after it last happened, as kube-apiserver's `--event-ttl`
/// (default 1h) expires them — or, past ``capacity`` events, the one that last happened
/// longest ago, so a long run's events stay bounded whatever its virtual time. Grid events (`space/…`, `manager/…`, faults) stay on the
/// timeline only: they are about no Kubernetes object.
///
/// It watches pods, nodes, StatefulSets and Services to know each one's namespace and uid.
struct EventRecorder: Sendable {
    /// kube-apiserver's default `--event-ttl`.
    static let timeToLive = SimTime.seconds(3600)
    /// The most events kept at once.
    static let capacity = 4096

    let changes: ChangeFeed.Consumer
    /// How many of the timeline's events have been looked at.
    private var recorded = 0
    /// The namespace and uid of each object events may be about, by `kind/name`.
    private var references: [String: (kind: ObjectKind, namespace: String?, uid: UID, node: String?)] = [:]
    /// The stored event of each correlation key.
    private var stored: [EventCorrelation: ObjectKey] = [:]
    /// Stored events in the order they last happened, for the TTL: (last time, key,
    /// correlation), from `expiryStart` on (the entries before it are done).
    private var expiry: [(time: SimTime, key: ObjectKey, correlation: EventCorrelation)] = []
    private var expiryStart = 0
    private var sequence = 0
    /// Events in the store now.
    private var live = 0

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// Learns the namespace and uid of the objects events are about.
    mutating func observe(_ event: WatchEvent) {
        let object = event.object
        let prefix: String
        var node: String?
        switch object.body {
        case .pod(let pod):
            prefix = "pod"
            node = pod.nodeName
        case .node: prefix = "node"
        case .statefulSet: prefix = "statefulset"
        case .service: prefix = "service"
        default: return
        }
        guard event.type != .deleted else { return }
        references["\(prefix)/\(object.metadata.name)"] = (object.kind, object.metadata.namespace, object.metadata.uid, node)
    }

    /// True when `record` has something to do: events recorded since it last looked, or
    /// stored ones to expire. The world asks after every event, and most moments have none.
    func hasWork(in timeline: Timeline) -> Bool {
        recorded < timeline.events.count || hasExpired(at: timeline.now)
    }

    /// Stores the timeline's events recorded since the last call, and deletes the ones whose
    /// time to live has passed.
    mutating func record(_ timeline: Timeline, api: inout APIServer) {
        let events = timeline.events
        while recorded < events.count {
            store(events[recorded], api: &api)
            recorded += 1
        }
        expire(now: timeline.now, api: &api)
    }

    /// True when the event that last happened longest ago is past its time to live, or more
    /// than ``capacity`` are kept.
    private func hasExpired(at now: SimTime) -> Bool {
        expiryStart < expiry.count && (now - expiry[expiryStart].time >= Self.timeToLive || live > Self.capacity)
    }

    private mutating func store(_ event: ClusterEvent, api: inout APIServer) {
        guard let reference = references[event.object], let component = Self.component(of: event, kind: reference.kind)
        else { return }
        let object = event.object
        let name = object.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(object[object.index(after: $0)...]) } ?? ""
        let type = event.type.rawValue
        let correlation = EventCorrelation(event, uid: reference.uid, component: component)
        if let key = stored[correlation], api.store.get(key) != nil {
            _ = try? api.update(key, at: event.time) { body in
                guard case .event(var record) = body else { return }
                record.count += 1
                record.lastTimestamp = event.time
                body = .event(record)
            }
            expiry.append((event.time, key, correlation))
            return
        }
        let record = EventRecord(
            involvedKind: reference.kind, involvedNamespace: reference.namespace, involvedName: name,
            involvedUID: reference.uid, reason: event.reason, message: event.message, type: type, component: component,
            host: component == "kubelet" ? reference.node : nil, count: 1, firstTimestamp: event.time,
            lastTimestamp: event.time)
        // client-go names an event after its object and the moment, in hexadecimal nanoseconds.
        sequence += 1
        let objectName = name + "." + String(event.time.milliseconds * 1_000_000 + sequence % 1_000_000, radix: 16)
        let namespace = reference.namespace ?? "default"
        guard (try? api.create(.event(record), name: objectName, namespace: namespace, at: event.time)) != nil else { return }
        let key = ObjectKey(.event, namespace: namespace, objectName)
        stored[correlation] = key
        live += 1
        expiry.append((event.time, key, correlation))
    }

    /// Deletes events that last happened more than an hour ago, and the oldest beyond
    /// ``capacity`` (an event counted again since has a later entry, which keeps it).
    private mutating func expire(now: SimTime, api: inout APIServer) {
        while hasExpired(at: now) {
            let oldest = expiry[expiryStart]
            expiryStart += 1
            if expiryStart > 1024, expiryStart * 2 > expiry.count {
                expiry.removeFirst(expiryStart)
                expiryStart = 0
            }
            guard stored[oldest.correlation] == oldest.key, let object = api.store.get(oldest.key),
                case .event(let record) = object.body, record.lastTimestamp == oldest.time
            else { continue }
            stored[oldest.correlation] = nil
            live -= 1
            _ = try? api.delete(oldest.key, at: now)
        }
    }

    /// The component that reports `event` in Kubernetes, or nil when none does (a refused
    /// apply is the client's error, not an event).
    static func component(of event: ClusterEvent, kind: ObjectKind) -> String? {
        switch (kind, event.reason) {
        case (.pod, "Scheduled"), (.pod, "FailedScheduling"): return "default-scheduler"
        case (.pod, "NodeNotReady"): return "node-controller"
        case (.pod, "PodGC"): return "pod-garbage-collector"
        case (.pod, "Evicted"), (_, "FailedCreate"), (_, "EvictionRefused"), (_, "Drained"): return nil
        case (.pod, _): return "kubelet"
        case (.statefulSet, _): return "statefulset-controller"
        case (.node, "NodeNotSchedulable"), (.node, "NodeSchedulable"): return "kubelet"
        case (.node, _): return "node-controller"
        case (.service, _): return "service-controller"
        default: return nil
        }
    }
}
