import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// Answers kube-apiserver's HTTP API from the live cluster: authentication, discovery,
/// OpenAPI, and the verbs on every served resource. Every failure is a `metav1.Status`.
struct KubeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let host: ClusterHost
    let authentication: ServeAuthentication
    /// Where write requests are audited (`--audit-log-path`), if anywhere.
    var auditLog: AuditLog? = nil
    /// How long the GETs answered on the event loop took in the server (`/metrics`).
    let answerTimes = AnswerTimes()
    /// The API server's limit on a request body (apiserver's `MaxRequestBodyBytes`, 3 MiB).
    static let maxBodyBytes = 3 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let auditLog, AuditLog.audits(request) else { return await answer(request) }
        let notes = AuditNotes()
        let received = Date()
        let response = await AuditNotes.$current.withValue(notes) { await answer(request) }
        auditLog.record(request, path: authentication.strippedPath(request.uri.path), code: response.status.code, notes: notes, received: received)
        return response
    }

    private func answer(_ request: Request) async -> Response {
        do {
            var path = request.uri.path
            let caller = try authentication.authenticate(request.headers, path: &path)
            if path.isEmpty { path = "/" }
            let user = try await authorize(request, path: path, user: caller)
            if let review = try await selfReview(request, path: path, user: user) { return review }
            return try await route(request, path: path)
        } catch let status as StatusBody {
            return Self.json(status.values, status: .init(code: status.code))
        } catch {
            return Self.json(StatusBody(code: 500, reason: "InternalError", message: "\(error)").values, status: .internalServerError)
        }
    }

    /// The path's segments, percent-decoded.
    static func segments(_ path: String) -> [String] {
        path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// The path prefix that carries the token in the kubeconfig's server URL.
    static func tokenPrefix(_ token: String) -> String { "/t/\(token)" }

    /// The impersonation extra that carries the token too (`as-user-extra` in the
    /// kubeconfig, sent as `Impersonate-Extra-Kubegrid-Token`).
    static let tokenExtra = "kubegrid-token"
    static let tokenExtraHeader = "impersonate-extra-kubegrid-token"

    private func route(_ request: Request, path: String) async throws -> Response {
        let segments = Self.segments(path)
        if request.method == .get, segments == ["metrics"] { return await metrics() }
        if request.method == .get, segments.first == "openapi" { return try openAPI(segments, accept: request.headers[.accept]) }
        if request.method == .get, let document = Discovery.document(segments) {
            return Self.json(document)
        }
        guard let target = try ResourcePath.parse(segments) else { throw StatusBody.pageNotFound() }
        let query = Query(request.uri.query)
        switch (request.method, target.name, target.subresource) {
        case (.get, nil, nil):
            if query.flag("watch") { return try await watch(target, query: query) }
            return try await list(target, query: query, accept: request.headers[.accept])
        case (.get, .some, nil): return try await get(target, accept: request.headers[.accept])
        case (.post, nil, nil):
            return try await create(target, body: try await Self.body(request), query: query, manager: FieldManager(request, query: query))
        case (.put, .some, nil):
            return try await replace(target, body: try await Self.body(request), query: query, manager: FieldManager(request, query: query))
        case (.delete, .some, nil): return try await delete(target, query: query, body: try await Self.body(request))
        case (.delete, nil, nil): return try await deleteCollection(target, query: query, body: try await Self.body(request))
        case (.patch, .some, nil):
            return try await patch(
                target, request: request, query: query, body: try await Self.body(request), manager: FieldManager(request, query: query))
        case (_, .some, .some): return try await subresource(request, target: target, query: query)
        default:
            throw StatusBody.methodNotAllowed(request.method.rawValue, target.resource.name)
        }
    }
}
