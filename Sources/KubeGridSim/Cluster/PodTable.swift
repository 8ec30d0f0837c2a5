import KubeGridCore
import OrderedCollections

/// The pods of the cluster as the kubelets run them, in creation order, indexed by uid,
/// label, pod IP and node so that Services, clients and node operations find theirs
/// without a scan.
///
/// Creation order is visible (reports list pods in it), so a removed pod leaves a gap in
/// its slot rather than shifting every later pod; the gaps are closed at once when they
/// outnumber the pods (an ordered dictionary's removal moved and re-indexed every later
/// pod).
struct PodTable: Sendable {
    /// Pods in creation order, with those removed still in their slots until the gaps close.
    private var slots: [Pod] = []
    /// Whether each slot holds a pod of the table (false: removed).
    private var live: [Bool] = []
    private var slotByKey: [String: Int] = [:]
    private var keyByUID: [Int: String] = [:]
    private var keysByLabel: [LabelPair: Set<String>] = [:]
    private var keyByAddress: [IPv4Address: String] = [:]
    private var keysByNode: [String: Set<String>] = [:]
    private var nextUID = 1
    private var nextAddress = 2
    /// Keys of pods added, removed, or changed in what a Service's endpoints show of them
    /// (``Pod/endpointView``), oldest first: the pods' side of the endpoints controller's
    /// change feed (pod status lives here, beside the store), taken after every step.
    private(set) var endpointChanges: [String] = []
    /// Bumped whenever a pod's ``Pod/settledRevision`` changes (a pod settling, leaving
    /// Ready, going, or coming settled), so the heal check reads the pods again only then.
    private(set) var settleChanges = 0
    /// The settled revisions of the pods a StatefulSet names (`namespace/name-ordinal`), by
    /// `namespace/name` and ordinal: the heal check reads a StatefulSet's pods here without
    /// making their keys.
    private var settledByStatefulSet: [String: [Int: Int]] = [:]

    /// The pod `namespace/name`; setting nil deletes it, setting a new key adds it.
    subscript(key: String) -> Pod? {
        get { slotByKey[key].map { slots[$0] } }
        set {
            if let newValue {
                if let slot = slotByKey[key] {
                    let oldNode = slots[slot].nodeName
                    if oldNode != newValue.nodeName {
                        unindexNode(key, oldNode)
                        indexNode(key, newValue.nodeName)
                    }
                    if slots[slot].endpointView != newValue.endpointView { endpointChanges.append(key) }
                    noteSettled(key, from: slots[slot].settledRevision, to: newValue.settledRevision)
                    slots[slot] = newValue
                } else {
                    slotByKey[key] = slots.count
                    slots.append(newValue)
                    live.append(true)
                    index(newValue)
                    endpointChanges.append(key)
                    noteSettled(key, from: nil, to: newValue.settledRevision)
                }
            } else {
                _ = remove(key)
            }
        }
    }

    /// The pods in creation order.
    var values: Values { Values(slots: slots, live: live, count: slotByKey.count) }

    /// The pod with `uid`, whatever its container generation.
    func pod(uid: Int) -> Pod? {
        keyByUID[uid].flatMap { self[$0] }
    }

    /// The pod with `uid`, if it still exists and its containers are still at `generation`.
    func pod(uid: Int, generation: Int) -> Pod? {
        guard let pod = pod(uid: uid), pod.generation == generation else { return nil }
        return pod
    }

    /// The pod whose IP is `address`.
    func pod(at address: IPv4Address) -> Pod? {
        keyByAddress[address].flatMap { self[$0] }
    }

    /// True when the pod `key` is Running and Ready; read in place (a scenario's stop
    /// condition asks it of every pod whenever something changes).
    func isRunningAndReady(_ key: String) -> Bool {
        guard let slot = slotByKey[key] else { return false }
        return slots[slot].isRunningAndReady
    }

    /// The ``Pod/settledRevision`` of the pod `key`, read in place.
    func settledRevision(_ key: String) -> Int? {
        slotByKey[key].flatMap { slots[$0].settledRevision }
    }

    /// The settled revisions of the pods `statefulSet-0`, `statefulSet-1`, … (the
    /// StatefulSet's `namespace/name`) by ordinal, as ``settledRevision(_:)`` gives each.
    func settledRevisions(ofStatefulSet statefulSet: String) -> [Int: Int] {
        settledByStatefulSet[statefulSet] ?? [:]
    }

    private mutating func noteSettled(_ key: String, from old: Int?, to new: Int?) {
        guard old != new else { return }
        settleChanges &+= 1
        guard let (statefulSet, ordinal) = Self.statefulSetAndOrdinal(of: key) else { return }
        settledByStatefulSet[statefulSet, default: [:]][ordinal] = new
        if settledByStatefulSet[statefulSet]?.isEmpty == true { settledByStatefulSet[statefulSet] = nil }
    }

    /// `namespace/name` and the ordinal of the key `namespace/name-ordinal` a StatefulSet
    /// gives its pod (the ordinal as "\(ordinal)" writes it), or nil for a key none gives.
    private static func statefulSetAndOrdinal(of key: String) -> (String, Int)? {
        guard let dash = key.lastIndex(of: "-") else { return nil }
        let digits = key[key.index(after: dash)...]
        guard let ordinal = Int(digits), ordinal >= 0, "\(ordinal)" == digits else { return nil }
        return (String(key[..<dash]), ordinal)
    }

    /// The node the pod `key` is bound to; read in place (a network partition asks it of
    /// every instance).
    func nodeName(of key: String) -> String? {
        slotByKey[key].flatMap { slots[$0].nodeName }
    }

    /// Pods carrying the label `key=value`.
    func keys(labelled key: String, _ value: String) -> Set<String> {
        keysByLabel[LabelPair(key: key, value: value)] ?? []
    }

    /// The keys of the pods bound to the node `name`.
    func keys(on name: String) -> Set<String> {
        keysByNode[name] ?? []
    }

    /// The pods bound to the node `name`, in creation order (the order a scan would find them).
    func pods(on name: String) -> [Pod] {
        guard let keys = keysByNode[name] else { return [] }
        return keys.compactMap { slotByKey[$0] }.sorted().map { slots[$0] }
    }

    /// A uid for a new pod.
    mutating func newUID() -> Int {
        defer { nextUID += 1 }
        return nextUID
    }

    /// Gives the pod `key` the next pod IP, from 10.244.0.0/14 (flannel's default pod
    /// network, widened).
    mutating func assignAddress(to key: String) -> IPv4Address {
        defer { nextAddress += 1 }
        let address = IPv4Range("10.244.0.0/14")!.address(at: nextAddress)
        if let slot = slotByKey[key] { slots[slot].podIP = address }
        keyByAddress[address] = key
        endpointChanges.append(key)
        return address
    }

    /// Removes a pod and its index entries.
    mutating func remove(_ key: String) -> Pod? {
        guard let slot = slotByKey.removeValue(forKey: key) else { return nil }
        noteSettled(key, from: slots[slot].settledRevision, to: nil)
        let pod = slots[slot]
        live[slot] = false
        if slots.count - slotByKey.count > slotByKey.count { closeGaps() }
        endpointChanges.append(key)
        keyByUID[pod.uid] = nil
        unindexNode(key, pod.nodeName)
        if let address = pod.podIP, keyByAddress[address] == key { keyByAddress[address] = nil }
        for (labelKey, value) in pod.labels {
            let pair = LabelPair(key: labelKey, value: value)
            keysByLabel[pair]?.remove(key)
            if keysByLabel[pair]?.isEmpty == true { keysByLabel[pair] = nil }
        }
        return pod
    }

    /// The pods changed since the last call (see ``endpointChanges``).
    mutating func takeEndpointChanges() -> [String] {
        guard !endpointChanges.isEmpty else { return [] }
        let changes = endpointChanges
        endpointChanges = []
        return changes
    }

    /// Moves the pods up over the removed ones' slots, keeping their order.
    private mutating func closeGaps() {
        var kept = 0
        for slot in slots.indices where live[slot] {
            slots.swapAt(kept, slot)
            slotByKey[slots[kept].key] = kept
            kept += 1
        }
        slots.removeLast(slots.count - kept)
        live = Array(repeating: true, count: kept)
    }

    private mutating func index(_ pod: Pod) {
        keyByUID[pod.uid] = pod.key
        indexNode(pod.key, pod.nodeName)
        for (key, value) in pod.labels { keysByLabel[LabelPair(key: key, value: value), default: []].insert(pod.key) }
    }

    private mutating func indexNode(_ key: String, _ node: String?) {
        if let node { keysByNode[node, default: []].insert(key) }
    }

    private mutating func unindexNode(_ key: String, _ node: String?) {
        guard let node else { return }
        keysByNode[node]?.remove(key)
        if keysByNode[node]?.isEmpty == true { keysByNode[node] = nil }
    }
}

extension PodTable {
    /// The pods in creation order, read in place (a copy of each Pod, its spec and labels,
    /// costs more than what a walk does with it).
    struct Values: BidirectionalCollection, Sendable {
        fileprivate let slots: [Pod]
        fileprivate let live: [Bool]
        let count: Int

        var startIndex: Int { live.firstIndex(of: true) ?? live.endIndex }
        var endIndex: Int { live.endIndex }

        subscript(position: Int) -> Pod {
            _read { yield slots[position] }
        }

        func index(after position: Int) -> Int {
            var next = position + 1
            while next < live.endIndex, !live[next] { next += 1 }
            return next
        }

        func index(before position: Int) -> Int {
            var previous = position - 1
            while !live[previous] { previous -= 1 }
            return previous
        }
    }
}
