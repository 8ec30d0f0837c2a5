import KubeGridCore
import OrderedCollections

/// The pods of the cluster as the kubelets run them, in creation order, indexed by uid,
/// label, pod IP and node so that Services, clients and node operations find theirs
/// without a scan.
struct PodTable: Sendable {
    private var pods: OrderedDictionary<String, Pod> = [:]
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

    /// The pod `namespace/name`; setting nil deletes it, setting a new key adds it.
    subscript(key: String) -> Pod? {
        get { pods[key] }
        set {
            if let newValue {
                if let position = pods.index(forKey: key) {
                    let oldNode = pods.values[position].nodeName
                    if oldNode != newValue.nodeName {
                        unindexNode(key, oldNode)
                        indexNode(key, newValue.nodeName)
                    }
                    if pods.values[position].endpointView != newValue.endpointView { endpointChanges.append(key) }
                    pods.values[position] = newValue
                } else {
                    pods[key] = newValue
                    index(newValue)
                    endpointChanges.append(key)
                }
            } else {
                _ = remove(key)
            }
        }
    }

    var values: OrderedDictionary<String, Pod>.Values { pods.values }

    /// The pod with `uid`, whatever its container generation.
    func pod(uid: Int) -> Pod? {
        keyByUID[uid].flatMap { pods[$0] }
    }

    /// The pod with `uid`, if it still exists and its containers are still at `generation`.
    func pod(uid: Int, generation: Int) -> Pod? {
        guard let pod = pod(uid: uid), pod.generation == generation else { return nil }
        return pod
    }

    /// The pod whose IP is `address`.
    func pod(at address: IPv4Address) -> Pod? {
        keyByAddress[address].flatMap { pods[$0] }
    }

    /// True when the pod `key` is Running and Ready; read in place (a scenario's stop
    /// condition asks it of every pod whenever something changes).
    func isRunningAndReady(_ key: String) -> Bool {
        guard let index = pods.index(forKey: key) else { return false }
        return pods.values[index].isRunningAndReady
    }

    /// The revision of the pod `key` when it is Running and Ready with its containers
    /// running, else nil; read in place (the heal check asks it of every pod of the
    /// StatefulSets a fault touched, whenever something changes).
    func settledRevision(_ key: String) -> Int? {
        guard let index = pods.index(forKey: key) else { return nil }
        guard pods.values[index].isRunningAndReady, pods.values[index].stage == .running else { return nil }
        return pods.values[index].revision
    }

    /// Pods carrying the label `key=value`.
    func keys(labelled key: String, _ value: String) -> Set<String> {
        keysByLabel[LabelPair(key: key, value: value)] ?? []
    }

    /// The pods bound to the node `name`, in creation order (the order a scan would find them).
    func pods(on name: String) -> [Pod] {
        guard let keys = keysByNode[name] else { return [] }
        return keys.compactMap { pods.index(forKey: $0) }.sorted().map { pods.values[$0] }
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
        pods[key]?.podIP = address
        keyByAddress[address] = key
        endpointChanges.append(key)
        return address
    }

    /// Removes a pod and its index entries.
    mutating func remove(_ key: String) -> Pod? {
        guard let pod = pods.removeValue(forKey: key) else { return nil }
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
