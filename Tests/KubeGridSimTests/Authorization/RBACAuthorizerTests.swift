import KubeGridCore
import Testing

@testable import KubeGridSim

/// The RBAC authorizer as a table (issue 13): Roles and ClusterRoles, RoleBindings to
/// either, ClusterRoleBindings, User/Group/ServiceAccount subjects, the service-account
/// groups, resourceNames, wildcards, subresources, non-resource URLs, a missing role, and
/// the bootstrap roles' aggregation — each answer with the API server's reason and 403 text.
@Suite struct RBACAuthorizerTests {
    static let rbac: Values = "rbac.authorization.k8s.io"

    static func rule(_ groups: [String], _ resources: [String], _ verbs: [String], names: [String] = []) -> Values {
        var rule: Values.Map = [
            "apiGroups": .list(groups.map { .string($0) }), "resources": .list(resources.map { .string($0) }),
            "verbs": .list(verbs.map { .string($0) }),
        ]
        if !names.isEmpty { rule["resourceNames"] = .list(names.map { .string($0) }) }
        return .map(rule)
    }

    static func subject(_ kind: String, _ name: String, namespace: String? = nil) -> Values {
        var subject: Values.Map = ["kind": .string(kind), "name": .string(name)]
        if let namespace { subject["namespace"] = .string(namespace) } else if kind != "ServiceAccount" { subject["apiGroup"] = rbac }
        return .map(subject)
    }

    static func binding(_ roleKind: String, _ role: String, _ subjects: [Values]) -> Values.Map {
        ["roleRef": ["apiGroup": rbac, "kind": .string(roleKind), "name": .string(role)], "subjects": .list(subjects)]
    }

    /// Namespaces `a` and `b` with the roles and bindings the table reads.
    static let store: ObjectStore = {
        var api = StoreFixtures.api()
        func add(_ kind: ObjectKind, _ name: String, namespace: String? = nil, labels: [String: String] = [:], _ fields: Values.Map) {
            var manifest = fields
            manifest["apiVersion"] = "rbac.authorization.k8s.io/v1"
            manifest["kind"] = .string(kind.rawValue)
            manifest["metadata"] = ["name": .string(name)]
            let object = try! PassiveObject(kind: kind, manifest: .map(manifest))
            try! api.create(.passive(object), name: name, namespace: namespace, labels: .init(uniqueKeysWithValues: labels.sorted { $0.key < $1.key }), at: .zero)
        }
        try! api.create(.namespace, name: "a", at: .zero)
        try! api.create(.namespace, name: "b", at: .zero)
        add(.role, "pod-reader", namespace: "a", ["rules": [rule([""], ["pods", "pods/log"], ["get", "list"])]])
        add(.role, "settings", namespace: "a", ["rules": [rule([""], ["configmaps"], ["get", "update"], names: ["settings"])]])
        add(.role, "any-status", namespace: "a", ["rules": [rule(["*"], ["*/status"], ["get"])]])
        add(.roleBinding, "readers", namespace: "a", binding("Role", "pod-reader", [subject("User", "alice")]))
        add(.roleBinding, "settings", namespace: "a", binding("Role", "settings", [subject("Group", "team-a")]))
        add(.roleBinding, "status", namespace: "a", binding("Role", "any-status", [subject("User", "frank")]))
        add(.roleBinding, "editors", namespace: "a", binding("ClusterRole", "edit", [subject("Group", "team-a-editors")]))
        add(.roleBinding, "default-sa", namespace: "a", binding("Role", "pod-reader", [subject("ServiceAccount", "default")]))
        add(.roleBinding, "b-viewers", namespace: "a", binding("ClusterRole", "view", [subject("Group", "system:serviceaccounts:b")]))
        add(.roleBinding, "broken", namespace: "a", binding("Role", "missing", [subject("User", "carol")]))
        add(.clusterRole, "node-reader", ["rules": [rule([""], ["nodes"], ["get"])]])
        add(.clusterRoleBinding, "node-readers", binding("ClusterRole", "node-reader", [subject("ServiceAccount", "grid", namespace: "b")]))
        add(.clusterRole, "apps-all", ["rules": [rule(["apps"], ["*"], ["*"])]])
        add(.clusterRoleBinding, "dave-apps", binding("ClusterRole", "apps-all", [subject("User", "dave")]))
        add(.clusterRole, "widgets-view", labels: ["rbac.authorization.k8s.io/aggregate-to-view": "true"],
            ["rules": [rule(["example.com"], ["widgets"], ["get"])]])
        return api.store
    }()

    static func user(_ name: String, _ groups: String...) -> UserInfo { UserInfo(name: name, groups: groups + ["system:authenticated"]) }
    static let alice = user("alice")
    static let bob = user("bob", "team-a")
    static let eve = user("eve", "team-a-editors")

    struct Case: CustomTestStringConvertible, Sendable {
        var what: String
        var request: AuthorizationAttributes
        var allowed: Bool
        var reason = ""
        var testDescription: String { what }
    }

    typealias A = AuthorizationAttributes

    static let cases: [Case] = [
        Case(what: "a Role bound to a User", request: .resource(alice, verb: "get", resource: "pods", namespace: "a", name: "p"),
             allowed: true, reason: #"RBAC: allowed by RoleBinding "readers/a" of Role "pod-reader" to User "alice""#),
        Case(what: "a list of the same in another namespace", request: .resource(alice, verb: "list", resource: "pods", namespace: "b"), allowed: false),
        Case(what: "a verb the rule does not list", request: .resource(alice, verb: "delete", resource: "pods", namespace: "a", name: "p"), allowed: false),
        Case(what: "a subresource the rule lists", request: .resource(alice, verb: "get", resource: "pods", subresource: "log", namespace: "a", name: "p"), allowed: true,
             reason: #"RBAC: allowed by RoleBinding "readers/a" of Role "pod-reader" to User "alice""#),
        Case(what: "a subresource it does not", request: .resource(alice, verb: "get", resource: "pods", subresource: "exec", namespace: "a", name: "p"), allowed: false),
        Case(what: "resourceNames: the named object", request: .resource(bob, verb: "update", resource: "configmaps", namespace: "a", name: "settings"), allowed: true,
             reason: #"RBAC: allowed by RoleBinding "settings/a" of Role "settings" to Group "team-a""#),
        Case(what: "resourceNames: another object", request: .resource(bob, verb: "get", resource: "configmaps", namespace: "a", name: "other"), allowed: false),
        Case(what: "resourceNames: a list names no object", request: .resource(bob, verb: "get", resource: "configmaps", namespace: "a"), allowed: false),
        Case(what: "*/status matches any status", request: .resource(user("frank"), verb: "get", group: "apps", resource: "statefulsets", subresource: "status", namespace: "a", name: "s"),
             allowed: true, reason: #"RBAC: allowed by RoleBinding "status/a" of Role "any-status" to User "frank""#),
        Case(what: "*/status is not the object", request: .resource(user("frank"), verb: "get", group: "apps", resource: "statefulsets", namespace: "a", name: "s"), allowed: false),
        Case(what: "a RoleBinding to the ClusterRole edit", request: .resource(eve, verb: "create", group: "apps", resource: "statefulsets", namespace: "a"), allowed: true,
             reason: #"RBAC: allowed by RoleBinding "editors/a" of ClusterRole "edit" to Group "team-a-editors""#),
        Case(what: "edit reads Secrets", request: .resource(eve, verb: "get", resource: "secrets", namespace: "a", name: "s"), allowed: true,
             reason: #"RBAC: allowed by RoleBinding "editors/a" of ClusterRole "edit" to Group "team-a-editors""#),
        Case(what: "edit may not write Roles", request: .resource(eve, verb: "create", group: "rbac.authorization.k8s.io", resource: "roles", namespace: "a"), allowed: false),
        Case(what: "edit may not write the quota", request: .resource(eve, verb: "update", resource: "resourcequotas", namespace: "a", name: "q"), allowed: false),
        Case(what: "the ClusterRole holds only in the RoleBinding's namespace", request: .resource(eve, verb: "create", group: "apps", resource: "statefulsets", namespace: "b"),
             allowed: false),
        Case(what: "a ClusterRole aggregated into view, and view into edit", request: .resource(eve, verb: "get", group: "example.com", resource: "widgets", namespace: "a", name: "w"),
             allowed: true, reason: #"RBAC: allowed by RoleBinding "editors/a" of ClusterRole "edit" to Group "team-a-editors""#),
        Case(what: "a ServiceAccount subject without a namespace is the binding's", request: .resource(.serviceAccount("default", namespace: "a"), verb: "list", resource: "pods", namespace: "a"),
             allowed: true, reason: #"RBAC: allowed by RoleBinding "default-sa/a" of Role "pod-reader" to ServiceAccount "default/a""#),
        Case(what: "another ServiceAccount of the namespace", request: .resource(.serviceAccount("other", namespace: "a"), verb: "list", resource: "pods", namespace: "a"), allowed: false),
        Case(what: "the group system:serviceaccounts:b", request: .resource(.serviceAccount("x", namespace: "b"), verb: "list", resource: "services", namespace: "a"), allowed: true,
             reason: #"RBAC: allowed by RoleBinding "b-viewers/a" of ClusterRole "view" to Group "system:serviceaccounts:b""#),
        Case(what: "view does not read Secrets", request: .resource(.serviceAccount("x", namespace: "b"), verb: "get", resource: "secrets", namespace: "a", name: "s"), allowed: false),
        Case(what: "a ClusterRoleBinding to a ServiceAccount", request: .resource(.serviceAccount("grid", namespace: "b"), verb: "get", resource: "nodes", name: "n1"), allowed: true,
             reason: #"RBAC: allowed by ClusterRoleBinding "node-readers" of ClusterRole "node-reader" to ServiceAccount "grid/b""#),
        Case(what: "the same name in another namespace", request: .resource(.serviceAccount("grid", namespace: "a"), verb: "get", resource: "nodes", name: "n1"), allowed: false),
        Case(what: "apiGroups and resources *", request: .resource(user("dave"), verb: "patch", group: "apps", resource: "statefulsets", subresource: "scale", namespace: "b", name: "s"),
             allowed: true, reason: #"RBAC: allowed by ClusterRoleBinding "dave-apps" of ClusterRole "apps-all" to User "dave""#),
        Case(what: "resources * in another group", request: .resource(user("dave"), verb: "create", resource: "pods", namespace: "b"), allowed: false),
        Case(what: "discovery for system:authenticated", request: .nonResource(alice, verb: "get", path: "/apis/apps/v1"), allowed: true,
             reason: #"RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated""#),
        Case(what: "a path no role lists", request: .nonResource(alice, verb: "get", path: "/metrics"), allowed: false),
        Case(what: "a self access review", request: .resource(alice, verb: "create", group: "authorization.k8s.io", resource: "selfsubjectaccessreviews"), allowed: true,
             reason: #"RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated""#),
        Case(what: "system:masters may do anything", request: .resource(user("root", "system:masters"), verb: "delete", resource: "nodes", name: "n1"), allowed: true),
        Case(what: "a binding to a missing Role", request: .resource(user("carol"), verb: "list", resource: "pods", namespace: "a"), allowed: false,
             reason: #"RBAC: role.rbac.authorization.k8s.io "missing" not found"#),
    ]

    @Test(arguments: cases) func decides(_ test: Case) {
        let decision = RBACAuthorizer().authorize(test.request, store: Self.store)
        #expect(decision.allowed == test.allowed)
        #expect(decision.reason == test.reason)
    }

    /// apiserver's `forbiddenMessage`, in its three shapes.
    @Test func forbiddenMessages() {
        #expect(A.resource(Self.alice, verb: "list", resource: "pods", namespace: "team-b").forbiddenMessage
            == #"User "alice" cannot list resource "pods" in API group "" in the namespace "team-b""#)
        #expect(A.resource(Self.alice, verb: "get", group: "apps", resource: "statefulsets", subresource: "scale", namespace: "b", name: "s").forbiddenMessage
            == #"User "alice" cannot get resource "statefulsets/scale" in API group "apps" in the namespace "b""#)
        #expect(A.resource(.serviceAccount("grid", namespace: "a"), verb: "get", resource: "nodes", name: "n").forbiddenMessage
            == #"User "system:serviceaccount:a:grid" cannot get resource "nodes" in API group "" at the cluster scope"#)
        #expect(A.nonResource(Self.alice, verb: "get", path: "/metrics").forbiddenMessage == #"User "alice" cannot get path "/metrics""#)
    }

    /// A stored ClusterRoleBinding of a bootstrap name replaces the bootstrap one.
    @Test func theStoreReplacesABootstrapBinding() throws {
        var api = StoreFixtures.api()
        let manifest: Values = .map(Self.binding("ClusterRole", "view", [Self.subject("Group", "nobody")]).merging([
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": ["name": "system:discovery"],
        ]) { a, _ in a })
        try api.create(.passive(try PassiveObject(kind: .clusterRoleBinding, manifest: manifest)), name: "system:discovery", at: .zero)
        #expect(!RBACAuthorizer().authorize(.nonResource(Self.alice, verb: "get", path: "/api"), store: api.store).allowed)
        #expect(RBACAuthorizer().authorize(.nonResource(Self.alice, verb: "get", path: "/api"), store: StoreFixtures.api().store).allowed)
    }
}
