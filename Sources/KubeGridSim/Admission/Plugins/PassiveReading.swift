import KubeGridCore

extension ObjectStore {
    /// The stored objects of a passive kind in a namespace, read back through their
    /// generated type (ResourceQuotas and LimitRanges for the admission plugins).
    func typed<T: KubernetesResource>(_ type: T.Type, _ kind: ObjectKind, namespace: String) -> [(name: String, object: T)] {
        list(kind, namespace: namespace).compactMap { stored in stored.decoded(as: T.self).map { (stored.metadata.name, $0) } }
    }
}

extension StoredObject {
    /// A stored passive object read back through its generated type; nil for another kind.
    public func decoded<T: KubernetesResource>(as type: T.Type) -> T? {
        guard case .passive(let passive) = body else { return nil }
        return passive.decoded(as: T.self, name: metadata.name)
    }
}

extension PassiveObject {
    /// The object read back through its generated type, named `name`; nil for another kind.
    public func decoded<T: KubernetesResource>(as type: T.Type, name: String) -> T? {
        guard kind.rawValue == T.kind else { return nil }
        var map = fields
        map["apiVersion"] = .string(T.apiVersion)
        map["kind"] = .string(T.kind)
        map["metadata"] = ["name": .string(name)]
        return try? T(decoding: .map(map))
    }
}
