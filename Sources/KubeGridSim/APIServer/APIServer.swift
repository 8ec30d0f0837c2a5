import KubeGridCore
import OrderedCollections

/// The simulated kube-apiserver: every write goes through admission into the store; a
/// Service's cluster IP, node ports and load balancer IP are allocated as it is created;
/// the garbage collector follows every write.
///
/// Clients (the simulation's apply and fault injection, controllers) call it; they read
/// the store and its change feed.
public struct APIServer: Sendable {
    public private(set) var store = ObjectStore()
    public private(set) var network: ServiceNetwork
    public var admission = AdmissionChain.standard
    /// The allocations of every Service, by `namespace/name`, in creation order.
    public private(set) var services: OrderedDictionary<String, ServiceRecord> = [:]
    private var garbageCollector: GarbageCollector
    private var namespaceController: NamespaceController
    /// The warnings and audit annotations of the last write's admission, for the HTTP layer.
    public private(set) var lastAdmission = AdmissionNotes()

    public init(network: ServiceNetwork) {
        self.network = network
        garbageCollector = GarbageCollector(store: &store)
        namespaceController = NamespaceController(store: &store)
    }

    /// A new watch of every change from now on (a controller's informer).
    public mutating func watch() -> ChangeFeed.Consumer {
        store.feed.subscribe()
    }

    /// True when `consumer` has changes to see.
    public func hasChanges(for consumer: ChangeFeed.Consumer) -> Bool {
        store.feed.hasUnread(consumer)
    }

    /// The changes `consumer` has not seen yet, oldest first.
    public mutating func changes(for consumer: ChangeFeed.Consumer) -> ArraySlice<WatchEvent> {
        store.feed.read(consumer)
    }

    /// A new resourceVersion for an object whose reported status changed (see
    /// ``ObjectStore/recordStatusChange(_:)``).
    public mutating func recordStatusChange(_ key: ObjectKey) -> StoredObject? {
        store.recordStatusChange(key)
    }

    private var context: AdmissionContext { AdmissionContext(store: store, network: network) }

    /// Creates an object (for a Service, with its allocations), or refuses it.
    @discardableResult
    public mutating func create(
        _ body: ObjectBody, name: String, namespace: String? = nil, owners: [OwnerReference] = [],
        finalizers: [String] = [], labels: OrderedDictionary<String, String>? = nil,
        annotations: OrderedDictionary<String, String> = [:], managedFields: Values? = nil, at now: SimTime
    ) throws(APIError) -> StoredObject {
        let request = AdmissionRequest(
            operation: .create, key: ObjectKey(body.kind, namespace: namespace, name), object: body, oldObject: nil, owners: owners)
        lastAdmission = AdmissionNotes()
        let admitted = try admission.admit(request, context: context)
        lastAdmission = AdmissionNotes(admitted)
        let object = try store.create(
            admitted.object!, name: name, namespace: admitted.key.namespace, owners: owners, finalizers: finalizers, labels: labels,
            annotations: annotations, managedFields: managedFields, at: now)
        if case .service(let service) = object.body {
            let key = "\(object.metadata.namespace!)/\(name)"
            services[key] = network.allocate(service, key: key)
        }
        afterWrite(at: now)
        return object
    }

    /// Replaces an object's body through admission (a patch or an apply of a changed
    /// manifest). With `resourceVersion`, the write is refused with Conflict unless the
    /// object is still at that version (optimistic concurrency, as `kubectl replace` does).
    /// `metadata` changes what a writer may change of the metadata (labels, annotations).
    @discardableResult
    public mutating func update(
        _ key: ObjectKey, resourceVersion: Int? = nil, at now: SimTime,
        metadata: (inout ObjectMetadata) -> Void = { _ in }, _ change: (inout ObjectBody) -> Void
    ) throws(APIError) -> StoredObject {
        guard let old = store.get(key) else { throw APIError(.notFound, kind: key.kind, name: key.name) }
        if let resourceVersion, resourceVersion != old.metadata.resourceVersion {
            throw APIError(.conflict, kind: key.kind, name: key.name)
        }
        var body = old.body
        change(&body)
        let request = AdmissionRequest(operation: .update, key: key, object: body, oldObject: old)
        lastAdmission = AdmissionNotes()
        let admitted = try admission.admit(request, context: context)
        lastAdmission = AdmissionNotes(admitted)
        let object = try store.update(key, at: now) { (stored: inout StoredObject) throws(APIError) in
            stored.body = admitted.object!
            metadata(&stored.metadata)
        }
        afterWrite(at: now)
        return object
    }

    /// Records the node a pod is bound to (the `binding` subresource).
    public mutating func bind(_ pod: ObjectKey, to node: String, at now: SimTime) {
        _ = try? store.update(pod, at: now) { (stored: inout StoredObject) throws(APIError) in
            if case .pod(var body) = stored.body {
                body.nodeName = node
                stored.body = .pod(body)
            }
        }
        afterWrite(at: now)
    }

    /// Deletes an object as `kubectl delete` does (see ``ObjectStore/delete``).
    @discardableResult
    public mutating func delete(
        _ key: ObjectKey, gracePeriodSeconds: Int? = nil, propagation: PropagationPolicy = .background, at now: SimTime
    ) throws(APIError) -> ObjectStore.Deletion {
        guard let old = store.get(key) else { throw APIError(.notFound, kind: key.kind, name: key.name) }
        let request = AdmissionRequest(operation: .delete, key: key, object: nil, oldObject: old)
        _ = try admission.admit(request, context: context)
        let deletion = try store.delete(key, gracePeriodSeconds: gracePeriodSeconds, propagation: propagation, at: now)
        afterWrite(at: now)
        return deletion
    }

    /// The garbage collector and the namespace controller follow the write, each
    /// reading what the other wrote until neither writes; Services that went free what
    /// they held.
    private mutating func afterWrite(at now: SimTime) {
        var version: Int
        repeat {
            version = store.resourceVersion
            garbageCollector.sync(&store, at: now)
            namespaceController.sync(&store, at: now)
        } while store.resourceVersion != version
        guard services.count != store.count(.service) else { return }
        for (key, record) in services where store.get(ObjectKey(.service, namespace: record.namespace, record.name)) == nil {
            network.release(record)
            services[key] = nil
        }
    }
}

/// What admission said of a write besides yes: warnings and audit annotations.
public struct AdmissionNotes: Sendable {
    public var warnings: [String] = []
    public var auditAnnotations: OrderedDictionary<String, String> = [:]

    init() {}

    init(_ request: AdmissionRequest) {
        warnings = request.warnings
        auditAnnotations = request.auditAnnotations
    }
}
