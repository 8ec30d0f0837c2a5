/// Kubernetes' garbage collector: reads the change feed and deletes dependents whose
/// owners are gone (Background), deletes a Terminating owner's dependents before it
/// (Foreground), or takes the owner's reference off them (Orphan).
struct GarbageCollector: Sendable {
    private let consumer: ChangeFeed.Consumer

    init(store: inout ObjectStore) {
        consumer = store.feed.subscribe()
    }

    /// Handles every change since the last call, and the changes its own writes make.
    mutating func sync(_ store: inout ObjectStore, at now: SimTime) {
        while store.feed.hasUnread(consumer) {
            for event in store.feed.read(consumer) {
                let metadata = event.object.metadata
                switch event.type {
                case .deleted:
                    collectDependents(of: metadata.uid, in: &store, at: now)
                    finishForegroundDeletions(waitingOn: metadata.ownerReferences, namespace: metadata.namespace, in: &store, at: now)
                case .added, .modified:
                    guard metadata.isTerminating, let current = store.get(event.object.key),
                        current.metadata.uid == metadata.uid
                    else { continue }
                    if current.metadata.finalizers.contains(Finalizer.orphan) { orphanDependents(of: current, in: &store, at: now) }
                    if current.metadata.finalizers.contains(Finalizer.foregroundDeletion) {
                        deleteDependents(of: current, in: &store, at: now)
                    }
                }
            }
        }
    }

    /// An owner is gone: a dependent with no owner left goes too; one with other owners
    /// only loses the dangling reference.
    private func collectDependents(of uid: UID, in store: inout ObjectStore, at now: SimTime) {
        for key in store.dependents(of: uid) {
            guard let dependent = store.get(key) else { continue }
            let remaining = dependent.metadata.ownerReferences.filter { $0.uid != uid }
            if remaining.contains(where: { store.get($0, namespace: key.namespace) != nil }) {
                _ = try? store.update(key, at: now) { (object: inout StoredObject) throws(APIError) in
                    object.metadata.ownerReferences = remaining
                }
            } else if !dependent.metadata.isTerminating {
                _ = try? store.delete(key, at: now)
            }
        }
    }

    private func orphanDependents(of owner: StoredObject, in store: inout ObjectStore, at now: SimTime) {
        let uid = owner.metadata.uid
        for key in store.dependents(of: uid) {
            _ = try? store.update(key, at: now) { (object: inout StoredObject) throws(APIError) in
                object.metadata.ownerReferences.removeAll { $0.uid == uid }
            }
        }
        removeFinalizer(Finalizer.orphan, from: owner.key, in: &store, at: now)
    }

    private func deleteDependents(of owner: StoredObject, in store: inout ObjectStore, at now: SimTime) {
        let dependents = store.dependents(of: owner.metadata.uid)
        guard !dependents.isEmpty else {
            removeFinalizer(Finalizer.foregroundDeletion, from: owner.key, in: &store, at: now)
            return
        }
        for key in dependents where store.get(key)?.metadata.isTerminating == false {
            _ = try? store.delete(key, propagation: .foreground, at: now)
        }
    }

    /// A dependent went: an owner deleted in the foreground goes once it has none left.
    private func finishForegroundDeletions(
        waitingOn owners: [OwnerReference], namespace: String?, in store: inout ObjectStore, at now: SimTime
    ) {
        for reference in owners {
            guard let owner = store.get(reference, namespace: namespace), owner.metadata.finalizers.contains(Finalizer.foregroundDeletion),
                store.dependents(of: reference.uid).isEmpty
            else { continue }
            removeFinalizer(Finalizer.foregroundDeletion, from: owner.key, in: &store, at: now)
        }
    }

    private func removeFinalizer(_ finalizer: String, from key: ObjectKey, in store: inout ObjectStore, at now: SimTime) {
        _ = try? store.update(key, at: now) { (object: inout StoredObject) throws(APIError) in
            object.metadata.finalizers.removeAll { $0 == finalizer }
        }
    }
}
