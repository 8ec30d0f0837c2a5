import Hummingbird
import HummingbirdCore
import KubeGridSim

extension KubeResponder {
    /// The body ``answer(_:)`` would send with 200 to `head`, when finding it takes neither
    /// the cluster's turn nor a task: a GET of one object whose encoding the read cache
    /// holds, by a user allowed everything (``ReadCacheAnswerer`` sends it from the event
    /// loop). nil for every other request, which takes the ordinary path.
    func answerFromReadCache(_ head: HTTPRequest) -> ByteBuffer? {
        guard head.method == .get else { return nil }
        var path = URI(head.path ?? "").path
        guard let user = try? authentication.authenticate(head.headerFields, path: &path),
              Self.impersonatedUser(head.headerFields, by: user) == nil, Self.isAllowedEverything(user),
              let target = try? ResourcePath.parse(Self.segments(path)), target.subresource == nil,
              let key = target.objectKey, let encoded = host.readCache.entry(key)?.encoded
        else { return nil }
        return Self.body(of: encoded, kind: target.resource.kind, accept: head.headerFields[.accept])
    }
}
