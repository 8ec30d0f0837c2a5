import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// WATCH: the changes of a list, streamed.
extension KubeResponder {
    /// A watch: the objects' changes as a stream of `{"type":…,"object":…}` lines, found
    /// by comparing what the API returns every 100 ms (pod and StatefulSet status come
    /// from the kubelets, not the store), until `timeoutSeconds` or the client goes.
    func watch(_ target: ResourcePath, query: Query) async throws -> Response {
        let selection = try Selection(query)
        let timeout = Double(query["timeoutSeconds"].flatMap(Int.init) ?? 1800)
        let sendsInitial = (query["resourceVersion"] ?? "0") == "0" || query["sendInitialEvents"] == "true"
        let host = self.host
        let snapshot: @Sendable () async -> [String: Values] = {
            await host.read { cluster, encoding in
                var result: [String: Values] = [:]
                // Keyed by uid too: a pod deleted and made again under its name is a
                // DELETED and an ADDED, as `kubectl delete --wait` expects.
                for entry in selection.filter(Self.objects(target, in: cluster), encoding: encoding) {
                    result["\(entry.object.key) \(entry.object.metadata.uid)"] = entry.values
                }
                return result
            }
        }
        let initial = sendsInitial ? [:] : await snapshot()
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var seen = initial
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline, await !host.stopping {
                    let now = await snapshot()
                    var lines: [String] = []
                    for (key, values) in seen.sorted(by: { $0.key < $1.key }) where now[key] == nil {
                        lines.append(Self.event("DELETED", values))
                    }
                    for (key, values) in now.sorted(by: { $0.key < $1.key }) where seen[key] != values {
                        lines.append(Self.event(seen[key] == nil ? "ADDED" : "MODIFIED", values))
                    }
                    seen = now
                    if !lines.isEmpty { try await writer.write(ByteBuffer(string: lines.joined())) }
                    try await Task.sleep(for: .milliseconds(100))
                }
                try await writer.finish(nil)
            })
    }

    static func event(_ type: String, _ object: Values) -> String {
        compact(.map(["type": .string(type), "object": object])) + "\n"
    }
}
