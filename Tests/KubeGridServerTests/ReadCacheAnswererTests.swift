import HTTPTypes
import KubeGridCore
@testable import KubeGridSim
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import KubeGridServer

/// The event loop's answers from the read cache: what the ordinary path would send, only
/// for what the cache holds and the admin asks, and never out of order.
@Suite struct ReadCacheAnswererTests {
    static let path = "/api/v1/namespaces/default/configmaps/c"

    /// A host with ConfigMap `c`, and a responder whose admin token is `t`.
    func responder(encoded: Bool = true) async throws -> KubeResponder {
        let host = ClusterHost(
            cluster: try LiveCluster(options: SimulationOptions()), clock: ServeClock(speed: 1), options: SimulationOptions())
        let manifest = try JSONReader.parse(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"},"data":{"a":"1"}}"#)
        _ = try await host.write { cluster in try cluster.create(manifest) }
        let responder = KubeResponder(host: host, authentication: ServeAuthentication(adminToken: "t", users: []))
        if encoded { _ = try await responder.encoded(ObjectKey(.configMap, namespace: "default", "c")) }
        return responder
    }

    func get(_ path: String = path, _ fields: HTTPFields = [.authorization: "Bearer t"]) -> HTTPRequest {
        HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: fields)
    }

    /// Sends a request without a body through the handler.
    func send(_ request: HTTPRequest, to channel: EmbeddedChannel) throws {
        try channel.writeInbound(HTTPRequestPart.head(request))
        try channel.writeInbound(HTTPRequestPart.end(nil))
    }

    @Test func aCachedGetIsAnsweredWithTheOrdinaryPathsHeadersAndBody() async throws {
        let responder = try await responder()
        let channel = EmbeddedChannel(handler: ReadCacheAnswerer(responder))
        try send(get(), to: channel)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self),
              case .body(let body) = try channel.readOutbound(as: HTTPResponsePart.self),
              case .end(nil) = try channel.readOutbound(as: HTTPResponsePart.self)
        else { Issue.record("not a head, a body and an end"); return }
        let ordinary = KubeResponder.json(try await responder.encoded(ObjectKey(.configMap, namespace: "default", "c")).json)
        #expect(head.status == .ok)
        var fields = head.headerFields
        #expect(fields[.date]?.hasSuffix(" GMT") == true)
        fields[.date] = nil
        #expect(fields == ordinary.head.headerFields)
        #expect(String(buffer: body).contains(#""data":{"a":"1"}"#))
        #expect(Int(head.headerFields[.contentLength] ?? "") == body.readableBytes)
    }

    @Test func aTableIsAnsweredToo() async throws {
        let channel = EmbeddedChannel(handler: ReadCacheAnswerer(try await responder()))
        try send(get(Self.path, [.authorization: "Bearer t", .accept: "application/json;as=Table;v=v1;g=meta.k8s.io"]), to: channel)
        _ = try channel.readOutbound(as: HTTPResponsePart.self)
        guard case .body(let body) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no body"); return
        }
        #expect(String(buffer: body).hasPrefix(#"{"kind":"Table","apiVersion":"meta.k8s.io/v1""#))
    }

    @Test(arguments: [
        ("no token", Self.path, HTTPFields()),
        ("a wrong token", Self.path, [.authorization: "Bearer x"]),
        ("impersonating someone else", Self.path, [.authorization: "Bearer t", HTTPField.Name("Impersonate-User")!: "alice"]),
        ("a list", "/api/v1/namespaces/default/configmaps", [.authorization: "Bearer t"]),
        ("a subresource", "/api/v1/namespaces/default/configmaps/c/status", [.authorization: "Bearer t"]),
        ("an object not stored", "/api/v1/namespaces/default/configmaps/d", [.authorization: "Bearer t"]),
        ("closing the connection", Self.path, [.authorization: "Bearer t", .connection: "close"]),
    ] as [(String, String, HTTPFields)])
    func otherRequestsArePassedOnUntouched(_ case: String, path: String, fields: HTTPFields) async throws {
        let channel = EmbeddedChannel(handler: ReadCacheAnswerer(try await responder()))
        try send(get(path, fields), to: channel)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(get(path, fields)), "\(`case`)")
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
    }

    @Test func anObjectNotEncodedYetTakesTheOrdinaryPath() async throws {
        let channel = EmbeddedChannel(handler: ReadCacheAnswerer(try await responder(encoded: false)))
        try send(get(), to: channel)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(get()))
    }

    @Test func aGetAfterAPassedOnRequestWaitsForItsAnswer() async throws {
        let channel = EmbeddedChannel(handler: ReadCacheAnswerer(try await responder()))
        let list = get("/api/v1/namespaces/default/configmaps")
        try send(list, to: channel)
        try send(get(), to: channel)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(list))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .head(get()))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        // Both answered by Hummingbird; the next GET, with nothing pending, by the handler.
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try send(get(), to: channel)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("not answered"); return
        }
        #expect(head.status == .ok)
    }
}

@Suite struct HTTPDateTests {
    @Test func datesAreIMFFixdatesInGMT() {
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
