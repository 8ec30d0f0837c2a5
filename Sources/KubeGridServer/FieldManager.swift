import Hummingbird
import KubeGridCore
import KubeGridSim

/// Who writes: the `fieldManager` query parameter, else the User-Agent up to its first `/`
/// (kube-apiserver's `managerOrUserAgent`, 128 characters at most), recorded in
/// `metadata.managedFields` on every write so a later server-side apply sees who owns what.
struct FieldManager: Sendable {
    var name: String

    init(_ request: Request, query: Query) {
        if let given = query["fieldManager"], !given.isEmpty {
            name = given
        } else {
            let agent = request.headers[.userAgent] ?? ""
            name = String(String(agent.prefix { $0 != "/" }).prefix(128))
        }
    }

    /// Server-side apply over the served types' merge keys (the generated patch metadata).
    static let engine = ServerSideApply(lookup: PatchMetaTable.kubernetes)

    /// The definition name of `kind`'s type, for the patch metadata.
    static func typeName(_ resource: APIResource) -> String? {
        PatchMetaTable.kubernetes.type(apiVersion: resource.groupVersion, kind: resource.kind.rawValue)
    }

    /// `updated` with this manager's `Update` entry taking the fields it set or changed. The
    /// entries are the stored ones, unless the writer changed `managedFields` itself (as
    /// kubectl does when `apply --server-side` takes over from a client-side apply).
    func recordUpdate(_ updated: Values, previous: Values?, resource: APIResource, time: String) -> Values {
        var previous = previous
        let written = updated["metadata"]?["managedFields"]
        if let written, !written.isNull, written != previous?["metadata"]?["managedFields"],
           case .map(var object)? = previous, case .map(var metadata)? = object["metadata"] {
            metadata["managedFields"] = written
            object["metadata"] = .map(metadata)
            previous = .map(object)
        }
        return Self.engine.recordUpdate(
            updated, previous: previous, manager: name, type: Self.typeName(resource), apiVersion: resource.groupVersion,
            time: time)
    }
}
