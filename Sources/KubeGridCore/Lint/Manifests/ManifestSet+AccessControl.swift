/// The objects that decide who may call the API and reach which port, typed on demand:
/// kubegrid keeps them as written (`KubernetesObject.other`).
extension ManifestSet {
    /// Every object of one kind and apiVersion that decodes, with its entry index.
    func decoded<T: KubernetesResource>(_ type: T.Type) -> [(index: Int, object: T)] {
        entries.enumerated().compactMap { index, entry in
            guard entry.object.kind == T.kind, entry.object.apiVersion == T.apiVersion else { return nil }
            return (try? T(decoding: entry.object.encoded())).map { (index, $0) }
        }
    }

    /// The subjects of every RoleBinding and ClusterRoleBinding, with the binding's namespace
    /// (nil for a ClusterRoleBinding) and entry index.
    var bindingSubjects: [(index: Int, namespace: String?, subjects: [Subject])] {
        decoded(RoleBinding.self).map { ($0.index, $0.object.metadata.namespace, $0.object.subjects) }
            + decoded(ClusterRoleBinding.self).map { ($0.index, nil, $0.object.subjects) }
    }
}
