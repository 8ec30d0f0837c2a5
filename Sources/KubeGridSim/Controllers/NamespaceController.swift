/// kube-controller-manager's namespace controller: a namespace being deleted is
/// Terminating (its `kubernetes` finalizer keeps it); the controller deletes everything in
/// it as a client's DELETE would (pods with their grace period, so their kubelets stop
/// them first), and takes the finalizer off once nothing is left, which removes it.
/// NamespaceLifecycle admission refuses new content meanwhile.
struct NamespaceController: Sendable {
    private let consumer: ChangeFeed.Consumer
    /// The namespaces being emptied.
    private var terminating: Set<String> = []

    init(store: inout ObjectStore) {
        consumer = store.feed.subscribe()
    }

    /// Reads every change since the last call and reconciles the Terminating namespaces
    /// they touch, until its own writes touch none.
    mutating func sync(_ store: inout ObjectStore, at now: SimTime) {
        while store.feed.hasUnread(consumer) {
            var touched: Set<String> = []
            for event in store.feed.read(consumer) {
                let metadata = event.object.metadata
                if event.object.kind == .namespace {
                    if event.type != .deleted, metadata.isTerminating, metadata.finalizers.contains(Finalizer.namespaceContent) {
                        terminating.insert(metadata.name)
                        touched.insert(metadata.name)
                    } else if event.type == .deleted {
                        terminating.remove(metadata.name)
                    }
                } else if let namespace = metadata.namespace, terminating.contains(namespace) {
                    touched.insert(namespace)
                }
            }
            for namespace in touched.sorted() where terminating.contains(namespace) {
                reconcile(namespace, in: &store, at: now)
            }
        }
    }

    /// Deletes what is not yet being deleted in `namespace`; once it is empty, finalizes it.
    private func reconcile(_ namespace: String, in store: inout ObjectStore, at now: SimTime) {
        let contents = store.contents(of: namespace)
        guard contents.isEmpty else {
            for object in contents where !object.metadata.isTerminating && store.get(object.key) != nil {
                _ = try? store.delete(object.key, at: now)
            }
            return
        }
        _ = try? store.update(ObjectKey(.namespace, namespace), at: now) { (object: inout StoredObject) throws(APIError) in
            object.metadata.finalizers.removeAll { $0 == Finalizer.namespaceContent }
        }
    }
}
