import KubeGridCore

/// The pod network's view of the NetworkPolicies, as a network plugin's agent keeps it:
/// it watches the policies and the namespaces' labels and holds them typed, so a
/// connection is judged without reading the store.
struct NetworkPolicyWatch: Sendable {
    let changes: ChangeFeed.Consumer
    private(set) var rules = NetworkPolicyRules()

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    mutating func observe(_ event: WatchEvent) {
        let object = event.object
        switch object.kind {
        case .namespace:
            if event.type == .deleted {
                rules.namespaceLabels[object.metadata.name] = nil
            } else {
                rules.setNamespace(object.metadata.name, labels: object.metadata.labels)
            }
        case .networkPolicy:
            let namespace = object.metadata.namespace ?? "default"
            let key = "\(namespace)/\(object.metadata.name)"
            guard event.type != .deleted, let policy = Self.policy(object) else {
                rules.policies[key] = nil
                return
            }
            rules.policies[key] = NetworkPolicyRules.NamespacedPolicy(namespace: namespace, policy: policy)
        default:
            break
        }
    }

    /// The stored policy read back through its generated type.
    static func policy(_ object: StoredObject) -> NetworkPolicy? {
        guard case .passive(let passive) = object.body else { return nil }
        var map = passive.fields
        map["apiVersion"] = .string(NetworkPolicy.apiVersion)
        map["kind"] = .string(NetworkPolicy.kind)
        map["metadata"] = ["name": .string(object.metadata.name)]
        return try? NetworkPolicy(decoding: .map(map))
    }
}
