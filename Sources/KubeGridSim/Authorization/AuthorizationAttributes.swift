/// Who makes a request: an authenticated user's name and groups, as kube-apiserver's
/// authenticators hand them to the authorizers (`user.Info`).
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String]) {
        self.name = name
        self.groups = groups
    }

    /// Every authenticated user is in this group (the authenticator adds it).
    public static let authenticatedGroup = "system:authenticated"
    /// The group the privileged-group authorizer allows everything (`system:masters`).
    public static let mastersGroup = "system:masters"

    /// A service account's user: `system:serviceaccount:NS:NAME`, in the groups
    /// `system:serviceaccounts`, `system:serviceaccounts:NS` and `system:authenticated`.
    public static func serviceAccount(_ name: String, namespace: String) -> UserInfo {
        UserInfo(
            name: "system:serviceaccount:\(namespace):\(name)",
            groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", authenticatedGroup])
    }
}

/// What a request asks to do, as the API server's request-info resolver reads it off the
/// request (`authorizer.Attributes`): a verb on a resource (maybe a subresource, maybe one
/// object by name, maybe in a namespace, in an API group), or a verb on a non-resource
/// path (`/api`, `/version`).
public struct AuthorizationAttributes: Sendable, Hashable {
    public var user: UserInfo
    public var verb: String
    public var isResourceRequest: Bool
    public var namespace: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var name: String
    /// The path of a non-resource request.
    public var path: String

    public static func resource(
        _ user: UserInfo, verb: String, group: String = "", resource: String, subresource: String = "",
        namespace: String = "", name: String = ""
    ) -> AuthorizationAttributes {
        AuthorizationAttributes(
            user: user, verb: verb, isResourceRequest: true, namespace: namespace, apiGroup: group, resource: resource,
            subresource: subresource, name: name, path: "")
    }

    public static func nonResource(_ user: UserInfo, verb: String, path: String) -> AuthorizationAttributes {
        AuthorizationAttributes(
            user: user, verb: verb, isResourceRequest: false, namespace: "", apiGroup: "", resource: "", subresource: "",
            name: "", path: path)
    }

    /// `pods` or `pods/log`: what a rule's `resources` names.
    public var combinedResource: String { subresource.isEmpty ? resource : "\(resource)/\(subresource)" }

    /// The API server's words for a refused request (apiserver's
    /// `responsewriters.forbiddenMessage`), without the `pods is forbidden: ` before it.
    public var forbiddenMessage: String {
        guard isResourceRequest else { return "User \"\(user.name)\" cannot \(verb) path \"\(path)\"" }
        let scope = namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(namespace)\""
        return "User \"\(user.name)\" cannot \(verb) resource \"\(combinedResource)\" in API group \"\(apiGroup)\" \(scope)"
    }
}

/// An authorizer's answer: allowed or not, and why (the RBAC authorizer's
/// `RBAC: allowed by …`, or the bindings it could not follow).
public struct AuthorizationDecision: Sendable, Hashable {
    public var allowed: Bool
    public var reason: String

    public init(allowed: Bool, reason: String) {
        self.allowed = allowed
        self.reason = reason
    }
}
