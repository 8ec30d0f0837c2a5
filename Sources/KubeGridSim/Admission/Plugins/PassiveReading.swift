import KubeGridCore

extension ObjectStore {
    /// The stored objects of a passive kind in a namespace, read back through their
    /// generated type (ResourceQuotas and LimitRanges for the admission plugins).
    func typed<T: KubernetesResource>(_ type: T.Type, _ kind: ObjectKind, namespace: String) -> [(name: String, object: T)] {
        list(kind, namespace: namespace).compactMap { stored in
            guard case .passive(let passive) = stored.body else { return nil }
            var map = passive.fields
            map["apiVersion"] = .string(T.apiVersion)
            map["kind"] = .string(T.kind)
            map["metadata"] = ["name": .string(stored.metadata.name)]
            return (try? T(decoding: .map(map))).map { (stored.metadata.name, $0) }
        }
    }
}
