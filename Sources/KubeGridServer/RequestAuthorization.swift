import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// A user `kubegrid serve --user NAME:GROUP[,GROUP…]` makes: its name, groups and a token
/// of its own (a kubeconfig context of its name).
public struct ServeUser: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    /// Reads `alice:team-a,team-a-viewers`, or `alice` alone.
    public init(parsing text: String) throws(ServeUserError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        let groups = parts.count > 1 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { throw ServeUserError(text: text, problem: "the user name is empty or has spaces") }
        guard name != ServeAuthentication.adminName else {
            throw ServeUserError(text: text, problem: "\(name) is the serve admin's own user; choose another name")
        }
        guard groups.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw ServeUserError(text: text, problem: "a group is empty or has spaces")
        }
        guard !groups.contains(UserInfo.mastersGroup) else {
            throw ServeUserError(text: text, problem: "system:masters is the serve admin's group; bind a ClusterRole instead")
        }
        self.name = name
        self.groups = groups
    }
}

/// A `--user` value serve cannot take.
public struct ServeUserError: Error, CustomStringConvertible {
    var text: String
    var problem: String
    public var description: String { "--user \(text): \(problem); give NAME or NAME:GROUP[,GROUP…], e.g. --user alice:team-a" }
}

/// Who a request comes from: the token in the URL's `/t/TOKEN` prefix, a bearer token, or
/// the token impersonation extra (see ``Kubeconfig``). The serve admin is in
/// `system:masters`; each `--user` in its groups; all in `system:authenticated`.
struct ServeAuthentication: Sendable {
    static let adminName = "kubegrid"
    let adminToken: String
    /// Each user's token, and who it is.
    let users: [String: UserInfo]

    init(adminToken: String, users: [(token: String, user: ServeUser)]) {
        self.adminToken = adminToken
        var byToken = [adminToken: UserInfo(name: Self.adminName, groups: [UserInfo.mastersGroup, UserInfo.authenticatedGroup])]
        for (token, user) in users { byToken[token] = UserInfo(name: user.name, groups: user.groups + [UserInfo.authenticatedGroup]) }
        self.users = byToken
    }

    /// `path` without a known token's prefix (what the audit log records).
    func strippedPath(_ path: String) -> String {
        guard path.hasPrefix("/t/") else { return path }
        let token = String(path.dropFirst(3).prefix { $0 != "/" })
        return users[token] == nil ? path : String(path.dropFirst(3 + token.count))
    }

    /// The user, with `path` stripped of its token prefix; 401 for no known token.
    func authenticate(_ headers: HTTPFields, path: inout String) throws(StatusBody) -> UserInfo {
        if path.hasPrefix("/t/") {
            let rest = path.dropFirst(3)
            let token = String(rest.prefix { $0 != "/" })
            if let user = users[token] {
                path = String(rest.dropFirst(token.count))
                return user
            }
        }
        if let header = headers[.authorization], header.hasPrefix("Bearer "), let user = users[String(header.dropFirst(7))] {
            return user
        }
        for field in headers where field.name.canonicalName == KubeResponder.tokenExtraHeader {
            if let user = users[field.value] { return user }
        }
        throw StatusBody.unauthorized
    }
}

extension KubeResponder {
    /// The API server's authorization step: the admin may do anything; any other user only
    /// what RBAC allows; `Impersonate-User` of someone else is an `impersonate` of users.
    /// A refusal is the API server's 403 Status in its words. Returns who the request acts as.
    func authorize(_ request: Request, path: String, user: UserInfo) async throws -> UserInfo {
        var user = user
        if let impersonated = Self.impersonatedUser(request.headers, by: user) {
            try await check(.resource(user, verb: "impersonate", resource: "users", name: impersonated))
            let groups = request.headers.filter { $0.name.canonicalName == "impersonate-group" }.map(\.value)
            for group in groups { try await check(.resource(user, verb: "impersonate", resource: "groups", name: group)) }
            user = UserInfo(name: impersonated, groups: groups + [UserInfo.authenticatedGroup])
        }
        if Self.isAllowedEverything(user) { return user }
        try await check(Self.attributes(of: request, path: path, user: user))
        return user
    }

    /// Whom the request asks to act as (`Impersonate-User`), when that is someone else.
    static func impersonatedUser(_ headers: HTTPFields, by user: UserInfo) -> String? {
        guard let impersonated = headers.first(where: { $0.name.canonicalName == "impersonate-user" })?.value,
              impersonated != user.name
        else { return nil }
        return impersonated
    }

    /// Whether `user` (after impersonation) may do anything without asking RBAC, in the
    /// cluster's turn: the admin, unless audited (reading what it asks matters only to the audit log).
    static func isAllowedEverything(_ user: UserInfo) -> Bool {
        user.groups.contains(UserInfo.mastersGroup) && AuditNotes.current == nil
    }

    private func check(_ attributes: AuthorizationAttributes) async throws {
        let decision: AuthorizationDecision
        if attributes.user.groups.contains(UserInfo.mastersGroup) {
            decision = AuthorizationDecision(allowed: true, reason: "")
        } else {
            decision = await host.read { cluster, _ in RBACAuthorizer().authorize(attributes, store: cluster.store) }
        }
        AuditNotes.current?.authorized(attributes, decision: decision)
        guard !decision.allowed else { return }
        throw Self.forbidden(attributes, reason: decision.reason)
    }

    /// apiserver's `responsewriters.Forbidden`: `pods is forbidden: User "alice" cannot list
    /// resource "pods" in API group "" in the namespace "team-b"`, the authorizer's reason after.
    static func forbidden(_ attributes: AuthorizationAttributes, reason: String) -> StatusBody {
        let error = reason.isEmpty ? attributes.forbiddenMessage : "\(attributes.forbiddenMessage): \(reason)"
        let resource = attributes.apiGroup.isEmpty ? attributes.resource : "\(attributes.resource).\(attributes.apiGroup)"
        let message: String
        if resource.isEmpty {
            message = "forbidden: \(error)"
        } else if attributes.name.isEmpty {
            message = "\(resource) is forbidden: \(error)"
        } else {
            message = "\(resource) \"\(attributes.name)\" is forbidden: \(error)"
        }
        var details: Values.Map = [:]
        if !attributes.name.isEmpty { details["name"] = .string(attributes.name) }
        if !attributes.apiGroup.isEmpty { details["group"] = .string(attributes.apiGroup) }
        if !attributes.resource.isEmpty { details["kind"] = .string(attributes.resource) }
        return StatusBody(code: 403, reason: "Forbidden", message: message, details: .map(details))
    }

    /// What a request asks, as apiserver's `RequestInfoFactory` reads it: `/api/v1/…` and
    /// `/apis/GROUP/VERSION/…` with a resource are resource requests (GET of a collection is
    /// `list`, or `watch`; DELETE of one `deletecollection`; a `metadata.name` field selector
    /// names the object); anything else a non-resource request whose verb is the method.
    static func attributes(of request: Request, path: String, user: UserInfo) -> AuthorizationAttributes {
        attributes(method: request.method.rawValue, path: path, query: request.uri.query, user: user)
    }

    static func attributes(method: String, path: String, query: String?, user: UserInfo) -> AuthorizationAttributes {
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let method = method.lowercased()
        var rest: ArraySlice<String>
        var group = ""
        if segments.first == "api", segments.count >= 3 {
            rest = segments.dropFirst(2)
        } else if segments.first == "apis", segments.count >= 4 {
            group = segments[1]
            rest = segments.dropFirst(3)
        } else {
            return .nonResource(user, verb: method, path: path)
        }
        var namespace = ""
        if rest.first == "namespaces", rest.count > 1 {
            namespace = rest[rest.startIndex + 1]
            if rest.count > 2, !["status", "finalize"].contains(rest[rest.startIndex + 2]) { rest = rest.dropFirst(2) }
        }
        let parts = Array(rest)
        var verb = ["post": "create", "get": "get", "head": "get", "put": "update", "patch": "patch", "delete": "delete"][method] ?? ""
        var name = parts.count >= 2 ? parts[1] : ""
        let subresource = parts.count >= 3 ? parts[2] : ""
        if name.isEmpty, verb == "get" {
            let query = Query(query)
            verb = query.flag("watch") ? "watch" : "list"
            if let selector = query["fieldSelector"], selector.hasPrefix("metadata.name="), !selector.contains(",") {
                name = String(selector.dropFirst("metadata.name=".count))
            }
        }
        if name.isEmpty, verb == "delete" { verb = "deletecollection" }
        return .resource(user, verb: verb, group: group, resource: parts[0], subresource: subresource, namespace: namespace, name: name)
    }
}
