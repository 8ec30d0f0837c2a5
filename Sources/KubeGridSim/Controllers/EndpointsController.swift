import KubeGridCore
import OrderedCollections

/// kube-controller-manager's endpoints and endpoint slice controllers: for every Service
/// with a selector, the pods it selects that have an IP, which of them receive traffic
/// (Ready, or any with `publishNotReadyAddresses`), and on which ports; written to the
/// store as the Service's `Endpoints` and `EndpointSlice`.
///
/// It reconciles from two feeds: the store's (Services come, change and go; pods' uids)
/// and the pod table's (``PodTable/takeEndpointChanges()``: pods added, removed, given an
/// IP, Ready or not, terminating), taken after every step, so what it answers
/// (`routes(_:to:)`) is never behind the pods: routing is what it was when the simulator
/// scanned the pods per call. The objects in the store follow as kube-controller-manager
/// writes them, at most once a second per Service (``batchPeriod``), and whatever is
/// pending when a run stops (`World.run`), so a Service of a thousand pods is not
/// rewritten for each pod that becomes Ready.
///
/// A pod receives traffic once its phase is Running: kube puts a Pending pod with an IP
/// in `addresses` when the Service publishes not-ready ones, but nothing answers in it
/// yet, and the simulator's routing always went by that.
struct EndpointsController: Sendable {
    let changes: ChangeFeed.Consumer
    /// The selector Services, by `namespace/name`.
    private var services: [String: SelectedService] = [:]
    /// Each Service's pods with an IP, by pod key.
    private var members: [String: [String: PodEndpoint]] = [:]
    /// The same, ordered by IP (then pod name) as the objects list them, kept in order
    /// as pods change rather than sorted for each write.
    private var ordered: [String: [PodEndpoint]] = [:]
    /// The uid of each pod object, from the store's feed (`targetRef.uid`).
    private var podUIDs: [String: UID] = [:]
    /// How many of each Service's members receive traffic.
    private var readyCounts: [String: Int] = [:]
    /// Services by one pair of their selector: the candidates for a pod with that label.
    private var servicesByLabel: [LabelPair: [String]] = [:]
    /// The Services each pod is a member of, to drop it when it goes.
    private var servicesByPod: [String: [String]] = [:]
    /// Services whose objects the store does not have as they are now, in order.
    private var unwritten: OrderedSet<String> = []
    /// When each Service's objects were last written.
    private var writtenAt: [String: SimTime] = [:]
    /// The earliest time one of the `unwritten` is due.
    private var dueAt = SimTime.zero
    /// kube-controller-manager's endpoint updates are batched; the simulator writes a
    /// Service's objects at most this often.
    static let batchPeriod = SimTime.seconds(1)

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// What the controller keeps of a selector Service.
    struct SelectedService: Sendable {
        var namespace: String
        var name: String
        var uid: UID
        var labels: OrderedDictionary<String, String>
        var spec: ServiceSpec
        /// Its `EndpointSlice`'s name (``EndpointsController/sliceName(of:)``), made once.
        var sliceName: String

        var publishesNotReady: Bool { spec.publishNotReadyAddresses ?? false }
        var indexPair: LabelPair { LabelPair(key: spec.selector.keys[0], value: spec.selector.values[0]) }
    }

    // MARK: Reading

    /// True when the Service `serviceKey` sends traffic to the pod `podKey`.
    func routes(_ serviceKey: String, to podKey: String) -> Bool {
        members[serviceKey]?[podKey]?.ready ?? false
    }

    /// True when the Service `serviceKey` has a pod that receives traffic.
    func hasReadyAddress(_ serviceKey: String) -> Bool {
        (readyCounts[serviceKey] ?? 0) > 0
    }

    /// The pods the Service `serviceKey` sends traffic to, by key.
    func readyPods(of serviceKey: String) -> [String] {
        (members[serviceKey] ?? [:]).filter(\.value.ready).keys.sorted()
    }

    /// True when some Service's objects are yet to be written (``write(_:at:all:)``).
    var hasUnwritten: Bool { !unwritten.isEmpty }

    /// True when some Service's objects are due to be written at `now`.
    func hasDue(at now: SimTime) -> Bool { !unwritten.isEmpty && now >= dueAt }

    private mutating func markUnwritten(_ key: String) {
        guard unwritten.append(key).inserted else { return }
        dueAt = unwritten.count == 1 ? due(key) : min(dueAt, due(key))
    }

    private func due(_ key: String) -> SimTime {
        writtenAt[key].map { $0 + Self.batchPeriod } ?? .zero
    }

    // MARK: The feeds

    /// A Service came, changed or went.
    mutating func observe(_ event: WatchEvent, pods: PodTable) {
        if case .pod = event.object.body {
            let key = "\(event.object.metadata.namespace ?? "default")/\(event.object.metadata.name)"
            podUIDs[key] = event.type == .deleted ? nil : event.object.metadata.uid
            return
        }
        guard case .service(let service) = event.object.body else { return }
        let namespace = event.object.metadata.namespace ?? "default"
        let key = "\(namespace)/\(service.metadata.name)"
        forget(key)
        if event.type != .deleted, !service.spec.selector.isEmpty {
            let selected = SelectedService(
                namespace: namespace, name: service.metadata.name, uid: event.object.metadata.uid,
                labels: event.object.metadata.labels, spec: service.spec, sliceName: Self.sliceName(of: service.metadata.name))
            services[key] = selected
            servicesByLabel[selected.indexPair, default: []].append(key)
            for podKey in pods.keys(labelled: selected.indexPair.key, selected.indexPair.value).sorted() {
                if let pod = pods[podKey] { update(key, podKey: podKey, pod: pod) }
            }
        }
        markUnwritten(key)
    }

    /// Pods changed (``PodTable/takeEndpointChanges()``): each Service that selects them,
    /// or did, updates their address.
    mutating func podsChanged(_ keys: [String], pods: PodTable) {
        for podKey in keys {
            let pod = pods[podKey]
            var candidates = servicesByPod[podKey] ?? []
            if let pod {
                for (labelKey, value) in pod.labels {
                    for serviceKey in servicesByLabel[LabelPair(key: labelKey, value: value)] ?? [] where !candidates.contains(serviceKey) {
                        candidates.append(serviceKey)
                    }
                }
            }
            for serviceKey in candidates { update(serviceKey, podKey: podKey, pod: pod) }
        }
    }

    /// Sets the pod's address in the Service's endpoints, or removes it.
    private mutating func update(_ serviceKey: String, podKey: String, pod: Pod?) {
        guard let service = services[serviceKey] else { return }
        var new = pod.flatMap { Self.address(of: $0, for: service) }
        new?.podUID = podUIDs[podKey]
        let old = members[serviceKey]?[podKey]
        guard new != old else { return }
        members[serviceKey, default: [:]][podKey] = new
        if let old {
            let index = Self.position(of: old, in: ordered[serviceKey] ?? [])
            let found = ordered[serviceKey].map { $0.indices.contains(index) && $0[index].podName == old.podName } ?? false
            if found { ordered[serviceKey]?.remove(at: index) }
        }
        if let new {
            let index = Self.position(of: new, in: ordered[serviceKey] ?? [])
            ordered[serviceKey, default: []].insert(new, at: index)
        }
        readyCounts[serviceKey, default: 0] += (new?.ready == true ? 1 : 0) - (old?.ready == true ? 1 : 0)
        if old == nil { servicesByPod[podKey, default: []].append(serviceKey) }
        if new == nil {
            servicesByPod[podKey]?.removeAll { $0 == serviceKey }
            if servicesByPod[podKey]?.isEmpty == true { servicesByPod[podKey] = nil }
        }
        markUnwritten(serviceKey)
    }

    /// Where `address` is, or goes, in a list ordered by IP then pod name.
    private static func position(of address: PodEndpoint, in list: [PodEndpoint]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if (list[middle].ip, list[middle].podName) < (address.ip, address.podName) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Drops what the controller knew of a Service (it changed or went).
    private mutating func forget(_ key: String) {
        guard let service = services.removeValue(forKey: key) else { return }
        servicesByLabel[service.indexPair]?.removeAll { $0 == key }
        if servicesByLabel[service.indexPair]?.isEmpty == true { servicesByLabel[service.indexPair] = nil }
        for podKey in (members.removeValue(forKey: key) ?? [:]).keys {
            servicesByPod[podKey]?.removeAll { $0 == key }
            if servicesByPod[podKey]?.isEmpty == true { servicesByPod[podKey] = nil }
        }
        readyCounts[key] = nil
        ordered[key] = nil
    }

    /// The pod's address in the Service's endpoints: nil unless the Service selects it and
    /// it has an IP and has not finished (kube's `ShouldPodBeInEndpoints`).
    static func address(of pod: Pod, for service: SelectedService) -> PodEndpoint? {
        guard pod.namespace == service.namespace, let ip = pod.podIP, pod.phase != .succeeded, pod.phase != .failed,
            service.spec.selector.allSatisfy({ pod.labels[$0.key] == $0.value })
        else { return nil }
        let terminating = pod.stage == .terminating
        return PodEndpoint(
            ip: ip, nodeName: pod.nodeName, podName: pod.name, podUID: nil,
            ready: pod.phase == .running && (pod.ready || service.publishesNotReady), serving: pod.ready,
            terminating: terminating, ports: service.spec.ports.compactMap { port(port: $0, of: pod) })
    }

    /// The pod's port for a Service port: its `targetPort` number, or the container port of
    /// that name (nil when the pod declares none: kube's `FindPort` fails and leaves the pod
    /// out of that port), or the Service port itself.
    private static func port(port servicePort: ServicePort, of pod: Pod) -> PodEndpointPort? {
        let number: Int
        switch servicePort.targetPort {
        case nil: number = servicePort.port
        case .int(let value)?: number = value
        case .string(let name)?:
            guard let found = pod.spec.containers.lazy.flatMap(\.ports).first(where: { $0.name == name }) else { return nil }
            number = found.containerPort
        }
        return PodEndpointPort(name: servicePort.name, port: number, protocolName: (servicePort.protocol ?? .tcp).rawValue)
    }

    // MARK: Writing

    /// Writes the `Endpoints` and `EndpointSlice` of every Service whose endpoints changed
    /// (those due at `now`, or `all`), and deletes those of Services that went (their slice
    /// is the Service's dependent: the garbage collector takes it).
    mutating func write(_ api: inout APIServer, at now: SimTime, all: Bool = false) {
        let keys = all ? unwritten : unwritten.filter { due($0) <= now }
        guard !keys.isEmpty else { return }
        unwritten.subtract(keys)
        dueAt = unwritten.map(due).min() ?? .zero
        for key in keys {
            writtenAt[key] = now
            guard let service = services[key] else {
                let slash = key.firstIndex(of: "/")!
                let namespace = String(key[..<slash])
                let name = String(key[key.index(after: slash)...])
                let endpointsKey = ObjectKey(.endpoints, namespace: namespace, name)
                let sliceKey = ObjectKey(.endpointSlice, namespace: namespace, Self.sliceName(of: name))
                if case .endpoints? = api.store.get(endpointsKey)?.body { _ = try? api.delete(endpointsKey, at: now) }
                if case .endpointSlice? = api.store.get(sliceKey)?.body { _ = try? api.delete(sliceKey, at: now) }
                continue
            }
            let name = service.name
            let endpointsKey = ObjectKey(.endpoints, namespace: service.namespace, name)
            let sliceKey = ObjectKey(.endpointSlice, namespace: service.namespace, service.sliceName)
            let endpoints = ServiceEndpoints(serviceName: name, addresses: ordered[key] ?? [])
            var labels = service.labels
            if service.spec.clusterIP == "None" { labels[EndpointLabels.headless] = "" }
            Self.put(.endpoints(endpoints), at: endpointsKey, labels: labels, owners: [], api: &api, now: now)
            labels[EndpointLabels.serviceName] = name
            labels[EndpointLabels.managedBy] = EndpointLabels.sliceController
            let owner = OwnerReference(kind: .service, name: name, uid: service.uid)
            Self.put(.endpointSlice(endpoints), at: sliceKey, labels: labels, owners: [owner], api: &api, now: now)
        }
    }

    /// Creates the object, or replaces what is there (a user's Endpoints of the same name
    /// are the controller's once the Service has a selector).
    private static func put(
        _ body: ObjectBody, at key: ObjectKey, labels: OrderedDictionary<String, String>, owners: [OwnerReference],
        api: inout APIServer, now: SimTime
    ) {
        if api.store.get(key) == nil {
            _ = try? api.create(body, name: key.name, namespace: key.namespace, owners: owners, labels: labels, at: now)
        } else {
            _ = try? api.update(key, at: now, metadata: { $0.labels = labels; $0.ownerReferences = owners }) { $0 = body }
        }
    }

    /// The characters of a generated name's suffix, as kube's `SimpleNameGenerator` draws them.
    private static let sliceAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// The Service's slice: kube names it `<service>-` and five random characters; the
    /// simulator derives them from the name, so a seed gives the same name.
    static func sliceName(of service: String) -> String {
        let alphabet = sliceAlphabet
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in service.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        var suffix = ""
        for _ in 0..<5 {
            suffix.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return "\(service)-\(suffix)"
    }
}
