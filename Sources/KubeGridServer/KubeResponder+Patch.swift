import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// PATCH: the patch engine the Content-Type names turns the object as served into the new
/// one, written in the same turn of the cluster as it was read (see ``commit``).
extension KubeResponder {
    func patch(_ target: ResourcePath, request: Request, query: Query, body: ByteBuffer, manager: FieldManager) async throws -> Response {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let kind = PatchKind(rawValue: mediaType) else {
            throw StatusBody(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + PatchKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let patch = try Self.parseBody(body)
        let resource = target.resource
        let key = ObjectKey(resource.kind, namespace: target.namespace, target.name!)
        let warnings = kind == .json ? [] : try UnknownFields.check(patch, resource: resource, query: query)
        let dryRun = try Self.dryRun(query, options: "PatchOptions")
        if kind == .apply {
            guard query["fieldManager"].map({ !$0.isEmpty }) == true else {
                throw StatusBody(
                    code: 422, reason: "Invalid",
                    message: "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")
            }
            let (configuration, _) = try Self.manifest(ByteBuffer(string: Self.compact(patch)), for: target)
            let force = query["force"] == "true"
            let time = host.clock
            let response = try await commit(key, resource: resource, manager: manager, dryRun: dryRun) { current throws(StatusBody) in
                do {
                    let applied = try FieldManager.engine.apply(
                        configuration, to: current, manager: manager.name, force: force, type: FieldManager.typeName(resource),
                        apiVersion: resource.groupVersion, time: time.timestamp(time.virtualTime()))
                    return .init(manifest: applied, resourceVersion: Self.resourceVersion(of: configuration), applied: true)
                } catch {
                    throw StatusBody(error)
                }
            }
            return UnknownFields.warning(response, warnings)
        }
        let response = try await commit(key, resource: resource, manager: manager, dryRun: dryRun) { current throws(StatusBody) in
            guard let current else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            do {
                let patched = try kind.apply(patch, to: current, type: FieldManager.typeName(resource))
                // A resourceVersion in the patch is a precondition, as the API server takes it.
                return .init(manifest: patched, resourceVersion: Self.resourceVersion(of: patch))
            } catch {
                throw StatusBody(error)
            }
        }
        return UnknownFields.warning(response, warnings)
    }
}

/// The patch types kube-apiserver accepts, by Content-Type.
enum PatchKind: String, CaseIterable, Sendable {
    case json = "application/json-patch+json"
    case merge = "application/merge-patch+json"
    case strategic = "application/strategic-merge-patch+json"
    case apply = "application/apply-patch+yaml"

    /// `patch` applied to `current`, an object of the type named `type` (strategic merge
    /// patch reads its merge keys there). Server-side apply is not a patch of this kind.
    func apply(_ patch: Values, to current: Values, type: String?) throws(PatchError) -> Values {
        switch self {
        case .json: return try JSONPatch(patch).apply(to: current)
        case .merge: return try JSONMergePatch.apply(patch, to: current)
        case .strategic, .apply: return try StrategicMergePatch(lookup: PatchMetaTable.kubernetes).apply(patch, to: current, type: type)
        }
    }
}
