/// kube-apiserver's `NamespaceLifecycle`: objects are created only in a namespace that
/// exists and is not being deleted, and the cluster's own namespaces cannot be deleted.
public struct NamespaceLifecycle: ValidatingAdmissionPlugin {
    public let id = "NamespaceLifecycle"

    /// Every create (its namespace must be there), and a namespace's delete.
    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .create || (operation == .delete && kind == .namespace)
    }

    /// Namespaces the API server never deletes.
    static let immortal: Set<String> = ["default", "kube-public", "kube-system"]

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        if request.kind == .namespace, request.operation == .delete, Self.immortal.contains(request.name) {
            throw APIError(.forbidden, kind: .namespace, name: request.name, detail: "this namespace may not be deleted")
        }
        guard request.operation == .create, let namespace = request.key.namespace else { return }
        guard let stored = context.store.get(ObjectKey(.namespace, namespace)) else {
            throw APIError(.notFound, kind: .namespace, name: namespace)
        }
        if stored.metadata.isTerminating {
            throw APIError(
                .forbidden, kind: request.kind, name: request.name,
                detail: "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }
}
