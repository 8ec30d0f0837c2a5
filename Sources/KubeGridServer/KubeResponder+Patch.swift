import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// PATCH, by the patch engine its Content-Type names.
extension KubeResponder {
    /// A PATCH: the patch engine for the Content-Type turns the object as served into the
    /// new one, which is then written as a replace.
    func patch(_ target: ResourcePath, type: String, body: ByteBuffer) async throws -> Response {
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let engine = PatchEngines.engine(for: mediaType) else {
            throw StatusBody(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + PatchEngines.supported.joined(separator: ", "))
        }
        let patch = try Self.parseBody(body)
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let current = try await host.read { cluster, encoding throws(StatusBody) in
            guard let object = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            return encoding.encode(object)
        }
        let patched: Values
        do {
            patched = try engine(patch, current)
        } catch {
            throw StatusBody(code: error.code.rawValue, reason: error.code == .badRequest ? "BadRequest" : "Invalid", message: error.message)
        }
        return try await write(patched, resourceVersion: nil)
    }
}

/// The patch engines by Content-Type. Strategic merge patch and server-side apply need
/// the served types' merge keys, which no table in the binary carries yet: 415 for them.
enum PatchEngines {
    typealias Engine = @Sendable (_ patch: Values, _ current: Values) throws(PatchError) -> Values

    static let supported = ["application/json-patch+json", "application/merge-patch+json"]

    static func engine(for mediaType: String) -> Engine? {
        switch mediaType {
        case "application/merge-patch+json":
            return { (patch: Values, current: Values) throws(PatchError) in try JSONMergePatch.apply(patch, to: current) }
        case "application/json-patch+json":
            return { (patch: Values, current: Values) throws(PatchError) in try JSONPatch(patch).apply(to: current) }
        default:
            return nil
        }
    }
}
