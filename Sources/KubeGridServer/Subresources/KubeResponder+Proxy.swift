import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// `services/NAME:PORT/proxy/PATH`: the API server's service proxy, answered by what runs
/// behind the Service. A manager's Services front GigaSpaces' REST Manager (`/v2/info`,
/// `/v2/spaces`, `/v2/spaces/NAME/instances`, `/v2/pus`, `/v2/hosts`); a Service with
/// nothing simulated behind it has no endpoints, as the API server says it.
extension KubeResponder {
    func proxy(_ target: ResourcePath, request: Request) async throws -> Response {
        guard target.resource.kind == .service else { throw StatusBody.pageNotFound() }
        // `NAME`, `NAME:PORT` or `SCHEME:NAME:PORT`.
        let parts = target.name!.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts.count == 3 ? parts[1] : parts[0]
        let port = parts.count == 3 ? parts[2] : parts.count == 2 ? parts[1] : ""
        let namespace = target.namespace ?? "default"
        var path = "/" + target.proxiedPath.joined(separator: "/")
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        let method = request.method.rawValue
        let answer = try await host.read { cluster, encoding throws(StatusBody) -> RESTManagerAnswer in
            guard let service = cluster.store.get(ObjectKey(.service, namespace: namespace, name)) else {
                throw StatusBody(APIError(.notFound, kind: .service, name: name))
            }
            let ports = encoding.encode(service).mapValue?["spec"]?.mapValue?["ports"]?.listValue ?? []
            let known = ports.contains { entry in
                let map = entry.mapValue ?? [:]
                if case .int(let number) = map["port"], String(number) == port { return true }
                return map["name"]?.stringValue == port
            }
            if !port.isEmpty, !known {
                throw StatusBody(
                    code: 503, reason: "ServiceUnavailable", message: "no service port \"\(port)\" found for service \"\(name)\"")
            }
            guard let answer = cluster.restManagerAnswer(namespace: namespace, service: name, method: method, path: path) else {
                throw StatusBody(code: 503, reason: "ServiceUnavailable", message: "no endpoints available for service \"\(name)\"")
            }
            return answer
        }
        return Self.json(answer.body, status: .init(code: answer.status))
    }
}
