import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// The verbs that change the store: create, replace (PUT), delete.
extension KubeResponder {
    func create(_ target: ResourcePath, body: ByteBuffer) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        let source = ManifestSource(name: "request body", bytes: Array(Self.compact(manifest).utf8))
        let values = try await host.write { cluster throws(StatusBody) in
            do {
                let object: StoredObject
                if target.resource.kind == .namespace {
                    object = try cluster.createNamespace(name)
                } else {
                    object = try cluster.create(source)
                }
                return object
            } catch let error as APIError {
                throw StatusBody(error)
            } catch let error as LiveClusterError {
                throw StatusBody(code: 405, reason: "MethodNotAllowed", message: error.description)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        let encoded = await host.read { _, encoding in encoding.encode(values) }
        return Self.json(encoded, status: .created)
    }

    func replace(_ target: ResourcePath, body: ByteBuffer) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        guard name == target.name else {
            throw StatusBody.badRequest("the name of the object (\(name)) does not match the name on the URL (\(target.name!))")
        }
        let resourceVersion = manifest.mapValue?["metadata"]?.mapValue?["resourceVersion"]?.stringValue.flatMap { Int($0) }
        return try await write(manifest, resourceVersion: resourceVersion)
    }

    /// Writes `manifest` over the stored object (a PUT, or a PATCH once applied) and answers
    /// with the object as stored, or with the API server's refusal.
    func write(_ manifest: Values, resourceVersion: Int?) async throws -> Response {
        let source = ManifestSource(name: "request body", bytes: Array(Self.compact(manifest).utf8))
        let object = try await host.write { cluster throws(StatusBody) in
            do {
                return try cluster.replace(source, resourceVersion: resourceVersion)
            } catch let error as APIError {
                throw StatusBody(error)
            } catch let error as LiveClusterError {
                throw StatusBody(code: 405, reason: "MethodNotAllowed", message: error.description)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        let encoded = await host.read { _, encoding in encoding.encode(object) }
        return Self.json(encoded)
    }

    func delete(_ target: ResourcePath, query: Query, body: ByteBuffer) async throws -> Response {
        var grace = query["gracePeriodSeconds"].flatMap(Int.init)
        var policy = query["propagationPolicy"]
        if body.readableBytes > 0, let options = try Self.parseBody(body).mapValue {
            if case .int(let seconds) = options["gracePeriodSeconds"] { grace = seconds }
            if let text = options["propagationPolicy"]?.stringValue { policy = text }
        }
        var propagation = PropagationPolicy.background
        if let policy {
            guard let parsed = PropagationPolicy(rawValue: policy) else {
                throw StatusBody(
                    code: 422, reason: "Invalid",
                    message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": "
                        + "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
            }
            propagation = parsed
        }
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let values = try await host.write { cluster throws(StatusBody) in
            guard let before = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            do {
                _ = try cluster.delete(key, gracePeriodSeconds: grace, propagation: propagation)
            } catch let error as APIError {
                throw StatusBody(error)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
            return cluster.store.get(key) ?? before
        }
        let encoded = await host.read { _, encoding in encoding.encode(values) }
        return Self.json(encoded)
    }
}
