import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// `GET pods/NAME/log` (`kubectl logs`): the lines the pod's application logged, as plain
/// text, with `tailLines`, `timestamps`, `limitBytes`, and `follow` streaming new lines
/// until the pod goes, the server stops or the client leaves.
extension KubeResponder {
    /// How often a followed log looks for new lines.
    static let logFollowInterval = Duration.milliseconds(200)

    func log(_ target: ResourcePath, query: Query) async throws -> Response {
        let namespace = target.namespace ?? "default"
        let name = target.name!
        let tail = try Self.nonNegative(query["tailLines"], "tailLines")
        let limitBytes = try Self.nonNegative(query["limitBytes"], "limitBytes")
        let timestamps = query.flag("timestamps")
        let follow = query.flag("follow")
        let key = ObjectKey(.pod, namespace: namespace, name)
        let snapshot = try await host.read { cluster, _ throws(StatusBody) -> LogSnapshot in
            guard let pod = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: .pod, name: name)) }
            let containers = cluster.containerNames(namespace: namespace, pod: name)
            if let container = query["container"], !container.isEmpty, !containers.contains(container) {
                throw StatusBody.badRequest("container \(container) is not valid for pod \(name)")
            }
            if query["container"] == nil, containers.count > 1 {
                throw StatusBody.badRequest(
                    "a container name must be specified for pod \(name), choose one of: [\(containers.joined(separator: " "))]")
            }
            let container = query["container"].flatMap { $0.isEmpty ? nil : $0 } ?? containers.first ?? ""
            if query.flag("previous") {
                throw StatusBody.badRequest("previous terminated container \"\(container)\" in pod \"\(name)\" not found")
            }
            guard cluster.podStatus(namespace: namespace, name: name)?.phase == "Running" else {
                throw StatusBody.badRequest("container \"\(container)\" in pod \"\(name)\" is waiting to start: ContainerCreating")
            }
            // The application's lines go to the pod's first (main) container.
            let lines = container == containers.first ? cluster.logLines(namespace: namespace, pod: name) : []
            return LogSnapshot(uid: pod.metadata.uid, lines: lines)
        }
        let (uid, lines) = (snapshot.uid, snapshot.lines)
        let format = LogFormat(clock: host.clock, timestamps: timestamps)
        var text = format.text(tail.map { Array(lines.suffix($0)) } ?? lines)
        if let limitBytes, text.utf8.count > limitBytes { text = String(decoding: Array(text.utf8.prefix(limitBytes)), as: UTF8.self) }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain"
        guard follow else { return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text))) }
        let host = self.host
        let start = lines.last?.number ?? 0
        let first = text
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                if !first.isEmpty { try await writer.write(ByteBuffer(string: first)) }
                var seen = start
                while !host.stopping {
                    try await Task.sleep(for: Self.logFollowInterval)
                    let after = seen
                    let (alive, new) = await host.read { cluster, _ -> (Bool, [PodLogLine]) in
                        guard cluster.store.get(key)?.metadata.uid == uid else { return (false, []) }
                        return (true, cluster.logLines(namespace: namespace, pod: name).filter { $0.number > after })
                    }
                    if let last = new.last {
                        seen = last.number
                        try await writer.write(ByteBuffer(string: format.text(new)))
                    }
                    if !alive { break }
                }
                try await writer.finish(nil)
            })
    }

    private static func nonNegative(_ text: String?, _ name: String) throws(StatusBody) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw StatusBody.badRequest("\(name): Invalid value: \"\(text)\": must be a non-negative integer")
        }
        return value
    }
}

/// How log lines are written: the text, after the kubelet's RFC 3339 timestamp when asked.
private struct LogFormat: Sendable {
    let clock: ServeClock
    let timestamps: Bool

    func text(_ lines: [PodLogLine]) -> String {
        lines.map { (timestamps ? clock.preciseTimestamp($0.time) + " " : "") + $0.text + "\n" }.joined()
    }
}

/// A pod's uid and log lines, read together.
private struct LogSnapshot: Sendable {
    let uid: UID
    let lines: [PodLogLine]
}
