import Testing

@testable import KubeGridServer

/// How a request path is read: which resource, namespace, object and subresource it
/// names, and the API server's 404 for what it does not serve.
@Suite struct RoutingTests {
    func parse(_ path: String) throws(StatusBody) -> ResourcePath? {
        try ResourcePath.parse(path.split(separator: "/").map(String.init))
    }

    @Test func aNamespacedObjectInTheCoreGroup() throws {
        let target = try #require(try parse("/api/v1/namespaces/grid/pods/web-0"))
        #expect(target.resource.name == "pods")
        #expect(target.namespace == "grid")
        #expect(target.name == "web-0")
        #expect(target.subresource == nil)
    }

    @Test func aClusterScopedCollectionInANamedGroup() throws {
        let target = try #require(try parse("/apis/rbac.authorization.k8s.io/v1/clusterroles"))
        #expect(target.resource.kind == .clusterRole)
        #expect(target.namespace == nil && target.name == nil)
    }

    @Test func namespacesAreAResourceAndANamespaceAtOnce() throws {
        let list = try #require(try parse("/api/v1/namespaces"))
        #expect(list.resource.name == "namespaces" && list.name == nil)
        let one = try #require(try parse("/api/v1/namespaces/grid"))
        #expect(one.resource.name == "namespaces" && one.name == "grid" && one.namespace == nil)
        let pods = try #require(try parse("/api/v1/namespaces/grid/pods"))
        #expect(pods.resource.name == "pods" && pods.namespace == "grid" && pods.name == nil)
    }

    @Test func subresourcesAndTheProxiedPath() throws {
        let log = try #require(try parse("/api/v1/namespaces/default/pods/web-0/log"))
        #expect(log.subresource == "log")
        let proxy = try #require(try parse("/api/v1/namespaces/default/services/manager:api/proxy/v2/spaces/grid/instances"))
        #expect(proxy.name == "manager:api")
        #expect(proxy.subresource == "proxy")
        #expect(proxy.proxiedPath == ["v2", "spaces", "grid", "instances"])
        let scale = try #require(try parse("/apis/apps/v1/namespaces/default/statefulsets/web/scale"))
        #expect(scale.resource.kind == .statefulSet && scale.subresource == "scale")
    }

    @Test func pathsThatNameNoResourceAreNil() throws {
        #expect(try parse("/version") == nil)
        #expect(try parse("/api") == nil)
        #expect(try parse("/apis/apps") == nil)
    }

    @Test(arguments: [
        "/api/v1/widgets",  // an unknown resource
        "/apis/apps/v2/statefulsets",  // a version not served
        "/api/v1/namespaces/default/nodes",  // a cluster-scoped resource in a namespace
        "/api/v1/namespaces/default/pods/web-0/exec",  // a subresource not served
        "/api/v1/namespaces/default/pods/web-0/log/more",  // too deep without a proxy
    ])
    func whatIsNotServedIsTheAPIServers404(path: String) {
        #expect(throws: StatusBody.self) { try parse(path) }
        do {
            _ = try parse(path)
        } catch {
            #expect(error.code == 404)
            #expect(error.message == "the server could not find the requested resource")
        }
    }
}
