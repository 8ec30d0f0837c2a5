import KubeGridCore
import OrderedCollections

/// The API server's storage: typed objects keyed by kind, namespace and name, each with
/// the metadata Kubernetes keeps (uid, resourceVersion, generation, timestamps, owners,
/// finalizers), and the change feed every write appends to.
///
/// It checks only what storage itself guarantees (an object exists, or does not yet);
/// what may be written is admission's business (``APIServer``).
public struct ObjectStore: Sendable {
    /// Objects of each kind. (Hashed, not ordered: pods come and go all the time, and
    /// listing, which is rare, sorts by uid, which is creation order.)
    private var objects: [ObjectKind: [ObjectKey: StoredObject]] = [:]
    /// Each kind's keys in creation order, for lists read a page at a time (``objects(_:namespace:createdAfter:)``).
    private var creationOrder: [ObjectKind: CreationOrder] = [:]
    /// Dependents by their owners' uids, for the garbage collector (a StatefulSet has a
    /// few pods: an array beats a set).
    private var dependents: [UID: [ObjectKey]] = [:]
    /// Pods by label and PodDisruptionBudgets by selector, for evictions.
    private(set) var evictionIndex = EvictionIndex()
    /// What each namespace's pods and Services charge to quotas, for quota admission.
    private(set) var quotaLedger = QuotaUsageLedger()
    /// The version of the last write, cluster-wide.
    public private(set) var resourceVersion = 0
    private var nextUID = 1
    public var feed = ChangeFeed()

    /// The namespaces every cluster starts with.
    public static let initialNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"]

    public init() {
        for name in Self.initialNamespaces {
            _ = try? create(.namespace, name: name, at: .zero)
        }
    }

    // MARK: Reading

    public func get(_ key: ObjectKey) -> StoredObject? {
        objects[key.kind]?[key]
    }

    /// The objects of `kind` (in `namespace` when given), in creation order.
    public func list(_ kind: ObjectKind, namespace: String? = nil) -> [StoredObject] {
        guard let byKey = objects[kind] else { return [] }
        // One copy of each object picked, sorted in place: copying 10,000 pods three times
        // (values, sorted, filtered) was most of a list's time in `kubegrid serve`.
        var picked: [StoredObject] = []
        picked.reserveCapacity(byKey.count)
        for object in byKey.values where namespace == nil || object.metadata.namespace == namespace { picked.append(object) }
        picked.sort { $0.metadata.uid < $1.metadata.uid }
        return picked
    }

    /// The objects of `kind` (in `namespace` when given) created after the object of `uid`
    /// (from the first when nil), in creation order, as ``list(_:namespace:)`` orders them;
    /// read lazily, so a page costs the objects it reads, not the kind's.
    public func objects(_ kind: ObjectKind, namespace: String? = nil, createdAfter uid: UID?) -> some Sequence<StoredObject> {
        let byKey = objects[kind] ?? [:]
        return keys(kind, namespace: namespace, createdAfter: uid).lazy.compactMap { byKey[$0] }
    }

    /// How many objects of `kind` (in `namespace` when given) were created after the object of `uid`.
    public func count(_ kind: ObjectKind, namespace: String? = nil, createdAfter uid: UID) -> Int {
        keys(kind, namespace: namespace, createdAfter: uid).reduce(0) { count, _ in count + 1 }
    }

    private func keys(_ kind: ObjectKind, namespace: String?, createdAfter uid: UID?) -> some Sequence<ObjectKey> {
        (creationOrder[kind] ?? CreationOrder()).keys(after: uid).lazy.filter { namespace == nil || $0.namespace == namespace }
    }

    public func count(_ kind: ObjectKind) -> Int { objects[kind]?.count ?? 0 }

    /// The objects in `namespace`, kind by kind (in ``ObjectKind`` order), each kind in
    /// creation order.
    public func contents(of namespace: String) -> [StoredObject] {
        ObjectKind.allCases.filter(\.isNamespaced).flatMap { kind in
            (objects[kind]?.values.filter { $0.metadata.namespace == namespace } ?? []).sorted { $0.metadata.uid < $1.metadata.uid }
        }
    }

    /// The owner `reference` names for a dependent in `namespace`, if that very object
    /// (same uid) still exists.
    public func get(_ reference: OwnerReference, namespace: String?) -> StoredObject? {
        guard let owner = get(ObjectKey(reference.kind, namespace: namespace, reference.name)), owner.metadata.uid == reference.uid
        else { return nil }
        return owner
    }

    /// The objects that name `uid` among their owners, in kind and name order.
    public func dependents(of uid: UID) -> [ObjectKey] {
        (dependents[uid] ?? []).sorted { ($0.kind.rawValue, $0.namespace ?? "", $0.name) < ($1.kind.rawValue, $1.namespace ?? "", $1.name) }
    }

    // MARK: Writing

    /// Stores a new object, or throws AlreadyExists.
    @discardableResult
    public mutating func create(
        _ body: ObjectBody, name: String, namespace: String? = nil, owners: [OwnerReference] = [],
        finalizers: [String] = [], labels: OrderedDictionary<String, String>? = nil,
        annotations: OrderedDictionary<String, String> = [:], managedFields: Values? = nil, at now: SimTime
    ) throws(APIError) -> StoredObject {
        let key = ObjectKey(body.kind, namespace: namespace, name)
        if get(key) != nil { throw APIError(.alreadyExists, kind: body.kind, name: name) }
        resourceVersion += 1
        let metadata = ObjectMetadata(
            name: name, namespace: key.namespace, uid: UID(number: nextUID), resourceVersion: resourceVersion,
            generation: 1, creationTimestamp: now, deletionTimestamp: nil, deletionGracePeriodSeconds: nil,
            finalizers: finalizers, ownerReferences: owners, labels: labels ?? body.manifestLabels,
            annotations: annotations, managedFields: managedFields)
        nextUID += 1
        let object = StoredObject(metadata: metadata, body: body)
        objects[key.kind, default: [:]][key] = object
        creationOrder[key.kind, default: CreationOrder()].append(key, uid: object.metadata.uid)
        for owner in owners { dependents[owner.uid, default: []].append(key) }
        evictionIndex.replace(nil, with: object)
        quotaLedger.replace(nil, with: object)
        feed.append(WatchEvent(type: .added, object: object))
        return object
    }

    /// Changes an object: a new resourceVersion, and a new generation when its spec
    /// changed. Writing what is already there changes nothing, as in Kubernetes. An object
    /// being deleted goes once its last finalizer is removed.
    @discardableResult
    public mutating func update(
        _ key: ObjectKey, at now: SimTime, _ change: (inout StoredObject) throws(APIError) -> Void
    ) throws(APIError) -> StoredObject {
        guard let old = get(key) else { throw APIError(.notFound, kind: key.kind, name: key.name) }
        var new = old
        try change(&new)
        // The body is compared once: a Service's endpoints list every pod it selects, and
        // comparing them again for the spec doubled the cost of each write.
        let sameBody = new.body == old.body
        guard !sameBody || new.metadata != old.metadata else { return old }
        if !sameBody && (new.body.specIsWholeBody || !new.body.hasSameSpec(as: old.body)) { new.metadata.generation += 1 }
        resourceVersion += 1
        new.metadata.resourceVersion = resourceVersion
        reindexOwners(key, from: old.metadata.ownerReferences, to: new.metadata.ownerReferences)
        if new.metadata.isTerminating, new.metadata.finalizers.isEmpty,
            (new.metadata.deletionGracePeriodSeconds ?? 0) == 0
        {
            evictionIndex.replace(old, with: new)
            quotaLedger.replace(old, with: new)
            return remove(new)
        }
        objects[key.kind]![key] = new
        evictionIndex.replace(old, with: new)
        quotaLedger.replace(old, with: new)
        feed.append(WatchEvent(type: .modified, object: new))
        return new
    }

    /// What a delete did.
    public enum Deletion: Sendable, Hashable {
        /// The object is gone.
        case deleted(StoredObject)
        /// The object stays, Terminating, until its grace period ends or its finalizers go.
        case marked(StoredObject)
    }

    /// Deletes an object as the API server does. A pod on a node is given its grace
    /// period (`gracePeriodSeconds`, else its spec's, else 30 s) and only marked; the kubelet
    /// deletes it again with 0 once its containers stopped. An object with finalizers (or
    /// deleted Orphan or Foreground, which add one) is only marked too.
    @discardableResult
    public mutating func delete(
        _ key: ObjectKey, gracePeriodSeconds: Int? = nil, propagation: PropagationPolicy = .background, at now: SimTime
    ) throws(APIError) -> Deletion {
        guard var object = get(key) else { throw APIError(.notFound, kind: key.kind, name: key.name) }
        var grace = 0
        if case .pod(let pod) = object.body, pod.nodeName != nil {
            grace = max(0, gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30)
        }
        if let current = object.metadata.deletionGracePeriodSeconds { grace = min(grace, current) }
        // A namespace stays, Terminating, until the namespace controller has emptied it.
        if case .namespace = object.body { Self.add(Finalizer.namespaceContent, to: &object.metadata) }
        switch propagation {
        case .background: break
        case .orphan: Self.add(Finalizer.orphan, to: &object.metadata)
        case .foreground: Self.add(Finalizer.foregroundDeletion, to: &object.metadata)
        }
        guard grace > 0 || !object.metadata.finalizers.isEmpty else { return .deleted(remove(object)) }
        let deadline = now + .seconds(grace)
        if object.metadata.deletionTimestamp.map({ deadline < $0 }) ?? true { object.metadata.deletionTimestamp = deadline }
        object.metadata.deletionGracePeriodSeconds = grace
        let marked = try update(key, at: now) { (stored: inout StoredObject) throws(APIError) in stored = object }
        return .marked(marked)
    }

    /// A change of what controllers and kubelets report of an object (its status, which
    /// the simulation keeps beside the store): a new resourceVersion, as a status write
    /// gets in Kubernetes, so a watch can resume after it. The controllers' feed does not
    /// carry it: they watch the status where it is kept.
    @discardableResult
    public mutating func recordStatusChange(_ key: ObjectKey) -> StoredObject? {
        guard var object = get(key) else { return nil }
        resourceVersion += 1
        object.metadata.resourceVersion = resourceVersion
        objects[key.kind]![key] = object
        return object
    }

    private static func add(_ finalizer: String, to metadata: inout ObjectMetadata) {
        if !metadata.finalizers.contains(finalizer) { metadata.finalizers.append(finalizer) }
    }

    private mutating func remove(_ object: StoredObject) -> StoredObject {
        let key = object.key
        objects[key.kind]?.removeValue(forKey: key)
        creationOrder[key.kind]?.remove(object.metadata.uid)
        reindexOwners(key, from: object.metadata.ownerReferences, to: [])
        evictionIndex.replace(object, with: nil)
        quotaLedger.replace(object, with: nil)
        resourceVersion += 1
        var gone = object
        gone.metadata.resourceVersion = resourceVersion
        feed.append(WatchEvent(type: .deleted, object: gone))
        return gone
    }

    private mutating func reindexOwners(_ key: ObjectKey, from old: [OwnerReference], to new: [OwnerReference]) {
        guard old != new else { return }
        for owner in old {
            guard var keys = dependents.removeValue(forKey: owner.uid) else { continue }
            keys.removeAll { $0 == key }
            if !keys.isEmpty { dependents[owner.uid] = keys }
        }
        for owner in new { dependents[owner.uid, default: []].append(key) }
    }
}
