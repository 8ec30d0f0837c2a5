import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// The verbs that change the store: create, replace (PUT), delete, and the one write path
/// a PATCH takes too.
extension KubeResponder {
    func create(_ target: ResourcePath, body: ByteBuffer, query: Query, manager: FieldManager) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        let warnings = try UnknownFields.check(manifest, resource: target.resource, query: query)
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, name)
        let dryRun = try Self.dryRun(query, options: "CreateOptions")
        let response = try await commit(key, resource: target.resource, manager: manager, dryRun: dryRun) { current throws(StatusBody) in
            if current != nil { throw StatusBody(APIError(.alreadyExists, kind: key.kind, name: key.name)) }
            return .init(manifest: manifest, resourceVersion: nil)
        }
        return UnknownFields.warning(response, warnings)
    }

    func replace(_ target: ResourcePath, body: ByteBuffer, query: Query, manager: FieldManager) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        let warnings = try UnknownFields.check(manifest, resource: target.resource, query: query)
        guard name == target.name else {
            throw StatusBody.badRequest("the name of the object (\(name)) does not match the name on the URL (\(target.name!))")
        }
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, name)
        let dryRun = try Self.dryRun(query, options: "UpdateOptions")
        let response = try await commit(key, resource: target.resource, manager: manager, dryRun: dryRun) { current throws(StatusBody) in
            guard current != nil else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            return .init(manifest: manifest, resourceVersion: Self.resourceVersion(of: manifest))
        }
        return UnknownFields.warning(response, warnings)
    }

    /// What a write puts in the store: the whole object, maybe with the resourceVersion it
    /// must still be at, and whether it was applied (server-side apply keeps its own fields).
    struct Commit: Sendable {
        var manifest: Values
        var resourceVersion: Int?
        var applied = false
    }

    /// Reads the object at `key` (nil when there is none), lets `change` say what to write,
    /// records the manager's fields and writes it: all in one turn of the cluster, so no
    /// other write comes between the read and the write (a PATCH needs no retry).
    /// With `dryRun=All` the write goes to a copy of the cluster, which is then dropped: the
    /// answer is what the write would have stored (`kubectl diff`, `--dry-run=server`).
    func commit(
        _ key: ObjectKey, resource: APIResource, manager: FieldManager, dryRun: Bool,
        _ change: @Sendable (Values?) throws(StatusBody) -> Commit
    ) async throws -> Response {
        let clock = host.clock
        let written = try await host.write { cluster throws(StatusBody) -> Written in
            let current = cluster.store.get(key).map { ObjectEncoding(cluster: cluster, clock: clock).encode($0) }
            let commit = try change(current)
            var manifest = commit.manifest
            if !commit.applied {
                manifest = manager.recordUpdate(manifest, previous: current, resource: resource, time: clock.timestamp(cluster.now))
            }
            var scratch = dryRun ? cluster : nil
            do {
                let object: StoredObject
                if scratch != nil {
                    object = current == nil
                        ? try scratch!.create(manifest) : try scratch!.replace(manifest, resourceVersion: commit.resourceVersion)
                } else {
                    object = current == nil
                        ? try cluster.create(manifest) : try cluster.replace(manifest, resourceVersion: commit.resourceVersion)
                }
                let encoding = ObjectEncoding(cluster: scratch ?? cluster, clock: clock)
                let notes = (scratch ?? cluster).lastAdmission
                scratch = nil
                return Written(values: encoding.encode(object), created: current == nil, admission: notes)
            } catch {
                throw StatusBody(error)
            }
        }
        AuditNotes.current?.named(key.name)
        AuditNotes.current?.annotate(written.admission.auditAnnotations)
        return UnknownFields.warning(Self.json(written.values, status: written.created ? .created : .ok), written.admission.warnings)
    }

    /// The object a write left in the store, as served, and whether it made it.
    struct Written: Sendable {
        var values: Values
        var created: Bool
        /// Admission's warnings (sent as `Warning` headers) and audit annotations.
        var admission: AdmissionNotes
    }

    /// `dryRun`: absent, or `All`; anything else is the API server's 422 for `options`
    /// (`CreateOptions`, `UpdateOptions`, `PatchOptions`, `DeleteOptions`).
    static func dryRun(_ query: Query, options: String) throws(StatusBody) -> Bool {
        guard let value = query["dryRun"] else { return false }
        guard value == "All" else {
            throw StatusBody(
                code: 422, reason: "Invalid",
                message: "\(options).meta.k8s.io \"\" is invalid: dryRun[0]: Unsupported value: \"\(value)\": supported values: \"All\"")
        }
        return true
    }

    static func resourceVersion(of manifest: Values) -> Int? {
        manifest["metadata"]?["resourceVersion"]?.stringValue.flatMap { Int($0) }
    }

    func delete(_ target: ResourcePath, query: Query, body: ByteBuffer) async throws -> Response {
        let options = try DeleteOptions(query, body: body)
        let (grace, propagation, dryRun) = (options.gracePeriodSeconds, options.propagation, options.dryRun)
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let values = try await host.write { cluster throws(StatusBody) in
            guard let before = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            if dryRun { return before }
            do {
                _ = try cluster.delete(key, gracePeriodSeconds: grace, propagation: propagation)
            } catch {
                throw StatusBody(error)
            }
            return cluster.store.get(key) ?? before
        }
        let encoded = await host.read { _, encoding in encoding.encode(values) }
        return Self.json(encoded)
    }
}
