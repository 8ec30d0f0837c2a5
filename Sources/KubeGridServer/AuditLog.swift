import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim
import OrderedCollections
import Synchronization

/// `kubegrid serve --audit-log-path FILE`: kube-apiserver's log backend with a policy of
/// `level: Metadata` for the verbs that write (create, update, patch, delete,
/// deletecollection): one `audit.k8s.io/v1` Event per line at `ResponseComplete`, with who
/// asked, the object, the answer's code and the annotations the authorizer
/// (`authorization.k8s.io/decision`, `…/reason`) and admission
/// (`pod-security.kubernetes.io/audit-violations`, `…/enforce-policy`) wrote.
final class AuditLog: Sendable {
    private let file: Mutex<FileHandle>

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        file = Mutex(handle)
    }

    static func audits(_ request: Request) -> Bool {
        [.post, .put, .patch, .delete].contains(request.method)
    }

    func record(_ request: Request, path: String, code: Int, notes: AuditNotes, received: Date) {
        let entry = notes.snapshot
        guard let attributes = entry.attributes else { return }
        var objectRef: Values.Map = [:]
        if attributes.isResourceRequest {
            objectRef["resource"] = .string(attributes.resource)
            if !attributes.namespace.isEmpty { objectRef["namespace"] = .string(attributes.namespace) }
            if !attributes.name.isEmpty { objectRef["name"] = .string(attributes.name) }
            if !attributes.apiGroup.isEmpty { objectRef["apiGroup"] = .string(attributes.apiGroup) }
            if !attributes.subresource.isEmpty { objectRef["subresource"] = .string(attributes.subresource) }
        }
        var event: Values.Map = [
            "kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": .string(UUID().uuidString.lowercased()),
            "stage": "ResponseComplete", "requestURI": .string(path + (request.uri.query.map { "?\($0)" } ?? "")),
            "verb": .string(attributes.verb),
            "user": ["username": .string(attributes.user.name), "groups": .list(attributes.user.groups.map { .string($0) })],
        ]
        if let agent = request.headers[.userAgent] { event["userAgent"] = .string(agent) }
        if !objectRef.isEmpty { event["objectRef"] = .map(objectRef) }
        event["responseStatus"] = ["metadata": .emptyMap, "code": .int(code)]
        event["requestReceivedTimestamp"] = .string(Self.timestamp(received))
        event["stageTimestamp"] = .string(Self.timestamp(Date()))
        if !entry.annotations.isEmpty { event["annotations"] = .map(entry.annotations.mapValues { .string($0) }) }
        let line = KubeResponder.compact(.map(event)) + "\n"
        file.withLock { $0.write(Data(line.utf8)) }
    }

    /// RFC 3339 with microseconds, as the audit log writes its times.
    private static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
        let micros = Int(((seconds - seconds.rounded(.down)) * 1_000_000).rounded(.down))
        let text = whole.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
        return text.replacingOccurrences(of: "Z", with: String(format: ".%06dZ", micros))
    }
}

/// What a request's handling adds to its audit event: the attributes it was authorized
/// for, and the annotations. Reached through ``current`` by the steps that know them.
final class AuditNotes: Sendable {
    @TaskLocal static var current: AuditNotes?

    struct Entry: Sendable {
        var attributes: AuthorizationAttributes?
        var annotations: OrderedDictionary<String, String> = [:]
    }

    private let entry = Mutex(Entry())

    var snapshot: Entry { entry.withLock { $0 } }

    func authorized(_ attributes: AuthorizationAttributes, decision: AuthorizationDecision) {
        entry.withLock { entry in
            entry.attributes = attributes
            entry.annotations["authorization.k8s.io/decision"] = decision.allowed ? "allow" : "forbid"
            entry.annotations["authorization.k8s.io/reason"] = decision.reason
        }
    }

    /// The name of a created object, which its path does not carry (the audit log fills
    /// `objectRef.name` from the request's object).
    func named(_ name: String) {
        entry.withLock { entry in if entry.attributes?.name.isEmpty == true { entry.attributes?.name = name } }
    }

    func annotate(_ annotations: OrderedDictionary<String, String>) {
        entry.withLock { entry in entry.annotations.merge(annotations) { _, new in new } }
    }
}
