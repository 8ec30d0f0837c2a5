import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// The subresources: `status`, `statefulsets/scale`, `pods/eviction`, `pods/log` and
/// `services/proxy`, each in a file of its own.
extension KubeResponder {
    func subresource(_ request: Request, target: ResourcePath, query: Query) async throws -> Response {
        let whole = ResourcePath(resource: target.resource, namespace: target.namespace, name: target.name)
        switch (target.subresource ?? "", request.method) {
        case ("status", .get): return try await get(whole, accept: request.headers[.accept])
        case ("status", .put), ("status", .patch):
            return try await writeStatus(whole, request: request, body: try await Self.body(request))
        case ("scale", .get): return Self.json(try await scale(of: whole))
        case ("scale", .put), ("scale", .patch):
            return try await writeScale(whole, request: request, body: try await Self.body(request))
        case ("eviction", .post): return try await evict(whole, body: try await Self.body(request))
        case ("log", .get): return try await log(whole, query: query)
        case ("proxy", _): return try await proxy(target, request: request)
        default:
            throw StatusBody.methodNotAllowed(request.method.rawValue, "\(target.resource.name)/\(target.subresource ?? "")")
        }
    }

    /// The object `target` names as served, or the API server's 404.
    func served(_ target: ResourcePath) async throws -> Values {
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        return try await host.read { cluster, encoding throws(StatusBody) in
            guard let object = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            return encoding.encode(object)
        }
    }

    /// A PATCH body applied to `current` (an object of the type named `type`) by the patch
    /// its Content-Type names, or a PUT body as it is.
    static func patched(_ current: Values, type: String?, request: Request, body: ByteBuffer) throws(StatusBody) -> Values {
        let update = try parseBody(body)
        guard request.method == .patch else { return update }
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let kind = PatchKind(rawValue: mediaType), kind != .apply else {
            throw StatusBody(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + PatchKind.allCases.filter { $0 != .apply }.map(\.rawValue).joined(separator: ", "))
        }
        do {
            return try kind.apply(update, to: current, type: type)
        } catch {
            throw StatusBody(error)
        }
    }

    /// A write of `status`. Status is what the kubelets and controllers report, and they
    /// report it again at once, so a write changes nothing — except a node's Ready
    /// condition set to Unknown or False: the machine stops answering (node loss without
    /// deleting the node, the way a silent kubelet looks to the node controller).
    private func writeStatus(_ target: ResourcePath, request: Request, body: ByteBuffer) async throws -> Response {
        let written = try Self.patched(
            try await served(target), type: FieldManager.typeName(target.resource), request: request, body: body)
        if target.resource.kind == .node, Self.readyCondition(of: written).map({ $0 != "True" }) == true {
            let name = target.name!
            _ = try await host.write { cluster throws(StatusBody) -> Bool in
                do {
                    try cluster.loseNode(name)
                    return true
                } catch let error as APIError {
                    throw StatusBody(error)
                } catch {
                    throw StatusBody.badRequest("\(error)")
                }
            }
        }
        return Self.json(try await served(target))
    }

    private static func readyCondition(of node: Values) -> String? {
        node.mapValue?["status"]?.mapValue?["conditions"]?.listValue?
            .first { $0.mapValue?["type"]?.stringValue == "Ready" }?.mapValue?["status"]?.stringValue
    }
}

extension StatusBody {
    /// A `metav1.Status` of success (what an eviction answers).
    static func success(code: Int) -> Values {
        .map(["kind": "Status", "apiVersion": "v1", "metadata": .emptyMap, "status": "Success", "code": .int(code)])
    }
}
