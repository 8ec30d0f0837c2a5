import KubeGridCore
import OrderedCollections

/// kube-controller-manager's endpoints and endpoint slice controllers: for every Service
/// with a selector, the pods it selects that have an IP, which of them receive traffic
/// (Ready, or any with `publishNotReadyAddresses`), and on which ports; written to the
/// store as the Service's `Endpoints` (truncated to 1,000 addresses, as kube does) and
/// `EndpointSlice`s (at most 100 endpoints each: ``ServiceSlices``).
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
    /// Each Service's EndpointSlices; kept while the Service changes, dropped when it goes.
    private var slices: [String: ServiceSlices] = [:]
    /// The pods whose endpoint in a Service changed since its slices were last written.
    private var changedPods: [String: Set<String>] = [:]
    /// The truncated Endpoints of Services over capacity, while pod changes leave them be.
    private var truncations: [String: EndpointsTruncation] = [:]
    /// Services whose every slice is to be rewritten (the Service itself changed).
    private var rewriteAll: Set<String> = []
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
                labels: event.object.metadata.labels, spec: service.spec)
            services[key] = selected
            servicesByLabel[selected.indexPair, default: []].append(key)
            for podKey in pods.keys(labelled: selected.indexPair.key, selected.indexPair.value).sorted() {
                if let pod = pods[podKey] { update(key, podKey: podKey, pod: pod) }
            }
        }
        rewriteAll.insert(key)
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
        if let truncation = truncations[serviceKey], !truncation.holds(after: old, new, readyCount: readyCounts[serviceKey]!) {
            truncations[serviceKey] = nil
        }
        changedPods[serviceKey, default: []].insert(podKey)
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
        truncations[key] = nil
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

    /// Writes the `Endpoints` and `EndpointSlice`s of every Service whose endpoints changed
    /// (those due at `now`, or `all`), and deletes those of Services that went (their slices
    /// are the Service's dependents: the garbage collector takes them).
    mutating func write(_ api: inout APIServer, at now: SimTime, all: Bool = false) {
        let keys = all ? unwritten : unwritten.filter { due($0) <= now }
        guard !keys.isEmpty else { return }
        unwritten.subtract(keys)
        dueAt = unwritten.map(due).min() ?? .zero
        for key in keys {
            writtenAt[key] = now
            guard let service = services[key] else {
                deleteObjects(of: key, api: &api, now: now)
                continue
            }
            let name = service.name
            let (endpoints, truncated) = endpointsObject(of: key)
            var labels = service.labels
            if service.spec.clusterIP == "None" { labels[EndpointLabels.headless] = "" }
            Self.put(
                .endpoints(endpoints), at: ObjectKey(.endpoints, namespace: service.namespace, name), labels: labels,
                owners: [], overCapacity: truncated, api: &api, now: now)
            labels[EndpointLabels.serviceName] = name
            labels[EndpointLabels.managedBy] = EndpointLabels.sliceController
            let owner = OwnerReference(kind: .service, name: name, uid: service.uid)
            var serviceSlices = slices.removeValue(forKey: key) ?? ServiceSlices()
            let changes = serviceSlices.reconcile(
                desired: members[key] ?? [:], examined: rewriteAll.contains(key) ? nil : changedPods[key] ?? [],
                rewriteAll: rewriteAll.contains(key), name: { Self.sliceName(of: name, number: $0) })
            rewriteAll.remove(key)
            changedPods[key] = nil
            for sliceName in changes.written {
                let endpoints = ServiceEndpoints(serviceName: name, addresses: serviceSlices.endpoints(of: sliceName))
                Self.put(
                    .endpointSlice(endpoints), at: ObjectKey(.endpointSlice, namespace: service.namespace, sliceName), labels: labels,
                    owners: [owner], api: &api, now: now)
            }
            for sliceName in changes.deleted { Self.delete(ObjectKey(.endpointSlice, namespace: service.namespace, sliceName), api: &api, now: now) }
            slices[key] = serviceSlices
        }
    }

    /// The Service's `Endpoints` body, and whether it is truncated.
    private mutating func endpointsObject(of key: String) -> (ServiceEndpoints, truncated: Bool) {
        if let truncation = truncations[key] { return (truncation.kept, true) }
        let full = ServiceEndpoints(serviceName: services[key]!.name, addresses: ordered[key] ?? [])
        guard let (kept, subsets) = full.truncated() else { return (full, false) }
        truncations[key] = EndpointsTruncation(kept, subsets: subsets, readyCount: readyCounts[key] ?? 0)
        return (kept, true)
    }

    /// Deletes the objects of a Service that went.
    private mutating func deleteObjects(of key: String, api: inout APIServer, now: SimTime) {
        let slash = key.firstIndex(of: "/")!
        let namespace = String(key[..<slash])
        let name = String(key[key.index(after: slash)...])
        Self.delete(ObjectKey(.endpoints, namespace: namespace, name), api: &api, now: now)
        let sliceNames = slices.removeValue(forKey: key).map { Array($0.slices.keys) } ?? [Self.sliceName(of: name)]
        for sliceName in sliceNames { Self.delete(ObjectKey(.endpointSlice, namespace: namespace, sliceName), api: &api, now: now) }
        changedPods[key] = nil
        rewriteAll.remove(key)
    }

    /// Deletes the controller's object, if it is still there and still one of its kind.
    private static func delete(_ key: ObjectKey, api: inout APIServer, now: SimTime) {
        switch api.store.get(key)?.body {
        case .endpoints?, .endpointSlice?: _ = try? api.delete(key, at: now)
        default: break
        }
    }

    /// Creates the object, or replaces what is there (a user's Endpoints of the same name
    /// are the controller's once the Service has a selector).
    /// `overCapacity` marks an `Endpoints` object that lists only some of the addresses.
    private static func put(
        _ body: ObjectBody, at key: ObjectKey, labels: OrderedDictionary<String, String>, owners: [OwnerReference],
        overCapacity: Bool = false, api: inout APIServer, now: SimTime
    ) {
        let mark = overCapacity ? "truncated" : nil
        if api.store.get(key) == nil {
            var annotations: OrderedDictionary<String, String> = [:]
            annotations[EndpointLabels.overCapacity] = mark
            _ = try? api.create(
                body, name: key.name, namespace: key.namespace, owners: owners, labels: labels, annotations: annotations, at: now)
        } else {
            _ = try? api.update(
                key, at: now,
                metadata: {
                    $0.labels = labels
                    $0.ownerReferences = owners
                    $0.annotations[EndpointLabels.overCapacity] = mark
                }) { $0 = body }
        }
    }

    /// The characters of a generated name's suffix, as kube's `SimpleNameGenerator` draws them.
    private static let sliceAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// The Service's slice number `number` (in the order they are made): kube names a
    /// slice `<service>-` and five random characters; the simulator derives them from the
    /// name and the number, so a seed gives the same names.
    static func sliceName(of service: String, number: Int = 0) -> String {
        let alphabet = sliceAlphabet
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in service.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        // The first slice keeps the name the single slice always had.
        if number > 0 {
            for byte in "#\(number)".utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        }
        var suffix = ""
        for _ in 0..<5 {
            suffix.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return "\(service)-\(suffix)"
    }
}
