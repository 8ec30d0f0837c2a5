import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// `POST pods/NAME/eviction`, what `kubectl drain` sends for each pod: 201 and a success
/// Status when the disruption budgets allow it, else 429 in the API server's words.
extension KubeResponder {
    func evict(_ target: ResourcePath, body: ByteBuffer) async throws -> Response {
        let eviction = try Self.parseBody(body)
        guard let map = eviction.mapValue else { throw StatusBody.badRequest("the body of an eviction must be an Eviction object") }
        if let name = map["metadata"]?.mapValue?["name"]?.stringValue, name != target.name {
            throw StatusBody.badRequest("name in URL does not match name in Eviction object")
        }
        let key = ObjectKey(.pod, namespace: target.namespace, target.name!)
        _ = try await host.write { cluster throws(StatusBody) -> Bool in
            do {
                try cluster.evict(key)
                return true
            } catch let error as APIError {
                throw StatusBody(error)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        return Self.json(StatusBody.success(code: 201), status: .created)
    }
}
