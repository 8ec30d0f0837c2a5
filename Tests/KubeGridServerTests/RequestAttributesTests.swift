import KubeGridSim
import Testing

@testable import KubeGridServer

/// What a request asks the authorizer, as apiserver's `RequestInfoFactory` reads it
/// (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).
@Suite struct RequestAttributesTests {
    static let alice = UserInfo(name: "alice", groups: ["system:authenticated"])

    func attributes(_ method: String, _ path: String, _ query: String? = nil) -> AuthorizationAttributes {
        KubeResponder.attributes(method: method, path: path, query: query, user: Self.alice)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var method: String
        var path: String
        var query: String?
        var expected: AuthorizationAttributes
        var testDescription: String { "\(method) \(path)\(query.map { "?\($0)" } ?? "")" }
    }

    static let cases: [Case] = [
        Case(method: "GET", path: "/api/v1/namespaces/a/pods", expected: .resource(alice, verb: "list", resource: "pods", namespace: "a")),
        Case(method: "GET", path: "/api/v1/namespaces/a/pods", query: "watch=true",
             expected: .resource(alice, verb: "watch", resource: "pods", namespace: "a")),
        Case(method: "GET", path: "/api/v1/namespaces/a/pods", query: "fieldSelector=metadata.name%3Dp&watch=1",
             expected: .resource(alice, verb: "watch", resource: "pods", namespace: "a", name: "p")),
        Case(method: "GET", path: "/api/v1/namespaces/a/pods/p/log", expected: .resource(alice, verb: "get", resource: "pods", subresource: "log", namespace: "a", name: "p")),
        Case(method: "POST", path: "/apis/apps/v1/namespaces/a/statefulsets", expected: .resource(alice, verb: "create", group: "apps", resource: "statefulsets", namespace: "a")),
        Case(method: "PATCH", path: "/apis/apps/v1/namespaces/a/statefulsets/s/scale",
             expected: .resource(alice, verb: "patch", group: "apps", resource: "statefulsets", subresource: "scale", namespace: "a", name: "s")),
        Case(method: "PUT", path: "/api/v1/namespaces/a/configmaps/c", expected: .resource(alice, verb: "update", resource: "configmaps", namespace: "a", name: "c")),
        Case(method: "DELETE", path: "/api/v1/namespaces/a/pods/p", expected: .resource(alice, verb: "delete", resource: "pods", namespace: "a", name: "p")),
        Case(method: "DELETE", path: "/api/v1/namespaces/a/pods", expected: .resource(alice, verb: "deletecollection", resource: "pods", namespace: "a")),
        // A namespace is read in its own namespace, which a RoleBinding may allow.
        Case(method: "GET", path: "/api/v1/namespaces/a", expected: .resource(alice, verb: "get", resource: "namespaces", namespace: "a", name: "a")),
        Case(method: "PUT", path: "/api/v1/namespaces/a/status",
             expected: .resource(alice, verb: "update", resource: "namespaces", subresource: "status", namespace: "a", name: "a")),
        Case(method: "GET", path: "/api/v1/namespaces", expected: .resource(alice, verb: "list", resource: "namespaces")),
        Case(method: "GET", path: "/api/v1/nodes/n1", expected: .resource(alice, verb: "get", resource: "nodes", name: "n1")),
        Case(method: "GET", path: "/apis/apps/v1", expected: .nonResource(alice, verb: "get", path: "/apis/apps/v1")),
        Case(method: "GET", path: "/api", expected: .nonResource(alice, verb: "get", path: "/api")),
        Case(method: "GET", path: "/openapi/v3", expected: .nonResource(alice, verb: "get", path: "/openapi/v3")),
        Case(method: "POST", path: "/metrics", expected: .nonResource(alice, verb: "post", path: "/metrics")),
    ]

    @Test(arguments: cases) func readsTheRequest(_ test: Case) {
        #expect(attributes(test.method, test.path, test.query) == test.expected)
    }

    /// The 403 Status as apimachinery's `NewForbidden` words it, with the object's name
    /// when the path names one and the authorizer's reason after.
    @Test func forbiddenStatus() {
        let list = KubeResponder.forbidden(attributes("GET", "/api/v1/namespaces/team-b/pods"), reason: "")
        #expect(list.code == 403 && list.reason == "Forbidden")
        #expect(list.message == #"pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "team-b""#)
        #expect(list.details == ["kind": "pods"])
        let named = KubeResponder.forbidden(attributes("DELETE", "/apis/apps/v1/namespaces/a/statefulsets/s"), reason: #"RBAC: role.rbac.authorization.k8s.io "r" not found"#)
        #expect(named.message == #"statefulsets.apps "s" is forbidden: User "alice" cannot delete resource "statefulsets" in API group "apps" in the namespace "a": RBAC: role.rbac.authorization.k8s.io "r" not found"#)
        #expect(named.details == ["name": "s", "group": "apps", "kind": "statefulsets"])
        let path = KubeResponder.forbidden(attributes("GET", "/metrics"), reason: "")
        #expect(path.message == #"forbidden: User "alice" cannot get path "/metrics""#)
    }

    @Test func serveUsersAreReadFromTheFlag() throws {
        let user = try ServeUser(parsing: "alice:team-a,team-a-viewers")
        #expect(user.name == "alice" && user.groups == ["team-a", "team-a-viewers"])
        #expect(try ServeUser(parsing: "bob").groups.isEmpty)
        #expect(throws: ServeUserError.self) { try ServeUser(parsing: ":team-a") }
    }
}
