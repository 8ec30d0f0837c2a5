import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

extension KubeResponder {
    /// How often a watch that asked for bookmarks gets one (kube-apiserver: about a minute).
    static let bookmarkInterval: TimeInterval = 60
    /// kube-apiserver's `--min-request-timeout`: a watch without `timeoutSeconds` ends after it.
    static let defaultWatchSeconds = 1800

    /// A watch: `{"type":…,"object":…}` lines read from the host's window of changes, as
    /// kube-apiserver's watch cache serves them. Without a resourceVersion, or with "0",
    /// the watch starts with the objects as ADDED; with one, right after it (410 Gone in an
    /// ERROR event when it is older than the window). It ends at `timeoutSeconds`, when the
    /// server stops, or when the client goes; `allowWatchBookmarks` adds BOOKMARKs every
    /// minute and just before the end.
    func watch(_ target: ResourcePath, query: Query) async throws -> Response {
        let filter = WatchFilter(resource: target.resource, namespace: target.namespace, selection: try Selection(query))
        let timeout = TimeInterval(try Self.watchTimeout(query["timeoutSeconds"]))
        let bookmarks = query.flag("allowWatchBookmarks")
        let requested = query["resourceVersion"] ?? ""
        let sendsInitial = query.flag("sendInitialEvents") || requested.isEmpty || requested == "0"
        let startAfter: Int?
        if sendsInitial {
            startAfter = nil
        } else if let version = Int(requested), version >= 0 {
            startAfter = version
        } else {
            throw StatusBody.badRequest("resourceVersion: Invalid value: \"\(requested)\": must be a non-negative integer")
        }
        let host = self.host
        return Response(
            status: .ok, headers: Self.jsonFields,
            body: ResponseBody { writer in
                let deadline = Date().addingTimeInterval(timeout)
                var nextBookmark = Date().addingTimeInterval(Self.bookmarkInterval)
                var seen: Int
                if let startAfter {
                    seen = startAfter
                } else {
                    let initial = await host.initialEvents(filter)
                    seen = initial.seen
                    var text = initial.lines.joined()
                    if query.flag("sendInitialEvents"), bookmarks {
                        text += WatchLine.bookmark(target.resource, resourceVersion: seen, endsInitialEvents: true)
                    }
                    if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                }
                while Date() < deadline, !host.stopping {
                    switch await host.nextEvents(filter, after: seen) {
                    case .expired(let line):
                        try await writer.write(ByteBuffer(string: line))
                        try await writer.finish(nil)
                        return
                    case .events(let lines, let newer):
                        seen = newer
                        if !lines.isEmpty { try await writer.write(ByteBuffer(string: lines.joined())) }
                    case .idle(let newer):
                        seen = newer
                    }
                    if bookmarks, Date() >= nextBookmark {
                        nextBookmark = Date().addingTimeInterval(Self.bookmarkInterval)
                        try await writer.write(ByteBuffer(string: WatchLine.bookmark(target.resource, resourceVersion: seen)))
                    }
                }
                if bookmarks {
                    try await writer.write(ByteBuffer(string: WatchLine.bookmark(target.resource, resourceVersion: seen)))
                }
                try await writer.finish(nil)
            })
    }

    /// `timeoutSeconds`: a whole number of seconds, the server's default without one.
    private static func watchTimeout(_ text: String?) throws(StatusBody) -> Int {
        guard let text, !text.isEmpty else { return defaultWatchSeconds }
        guard let seconds = Int(text), seconds >= 0 else {
            throw StatusBody.badRequest("timeoutSeconds: Invalid value: \"\(text)\": must be a non-negative integer")
        }
        return seconds == 0 ? defaultWatchSeconds : seconds
    }
}
