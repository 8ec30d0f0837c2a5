import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// `statefulsets/NAME/scale`: the autoscaling/v1 Scale `kubectl scale` reads and patches.
extension KubeResponder {
    func scale(of target: ResourcePath) async throws -> Values {
        let statefulSet = try await served(target)
        let map = statefulSet.mapValue ?? [:]
        let metadata = map["metadata"]?.mapValue ?? [:]
        var scaleMetadata: Values.Map = [:]
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            if let value = metadata[key] { scaleMetadata[key] = value }
        }
        let labels = map["spec"]?.mapValue?["selector"]?.mapValue?["matchLabels"]?.mapValue ?? [:]
        let selector = labels.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ",")
        return .map([
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .map(scaleMetadata),
            "spec": .map(["replicas": map["spec"]?.mapValue?["replicas"] ?? .int(1)]),
            "status": .map(["replicas": map["status"]?.mapValue?["replicas"] ?? .int(0), "selector": .string(selector)]),
        ])
    }

    /// A PUT or PATCH of the Scale: its `spec.replicas` becomes the StatefulSet's (with
    /// the Scale's resourceVersion checked when a PUT carries one).
    func writeScale(_ target: ResourcePath, request: Request, body: ByteBuffer) async throws -> Response {
        let written = try Self.patched(try await scale(of: target), type: "io.k8s.api.autoscaling.v1.Scale", request: request, body: body)
        guard case .int(let replicas) = written.mapValue?["spec"]?.mapValue?["replicas"] else {
            throw StatusBody(
                code: 422, reason: "Invalid",
                message: "Scale.autoscaling \"\(target.name!)\" is invalid: spec.replicas: Required value")
        }
        let resourceVersion = request.method == .put
            ? written.mapValue?["metadata"]?.mapValue?["resourceVersion"]?.stringValue.flatMap { Int($0) } : nil
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        _ = try await host.write { cluster throws(StatusBody) -> StoredObject in
            do {
                return try cluster.scale(key, replicas: replicas, resourceVersion: resourceVersion)
            } catch let error as APIError {
                throw StatusBody(error)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        return Self.json(try await scale(of: target))
    }
}
