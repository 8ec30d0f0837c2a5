import KubeGridCore
import OrderedCollections

/// One object a client writes (a create or a replace): where it goes, its typed body, and
/// the metadata a writer may set (labels, annotations, finalizers, managed fields).
struct ManifestWrite: Sendable {
    var key: ObjectKey
    var body: ObjectBody
    var labels: OrderedDictionary<String, String>
    var annotations: OrderedDictionary<String, String>
    var finalizers: [String]
    var managedFields: Values?
    /// The object, typed when the simulation runs its kind (for the report's inventory).
    var object: KubernetesObject

    /// Reads `manifest` with the shared manifest reader: the kinds the simulation runs become
    /// their typed bodies (a Namespace is its name and metadata), the others
    /// (``ObjectKind/passiveType``) a ``PassiveObject``.
    init(_ manifest: Values) throws {
        let object: KubernetesObject
        do {
            object = try KubernetesObject(decoding: manifest)
        } catch {
            throw UndecodableObject(manifest: manifest, reason: "\(error)")
        }
        self.object = object
        switch object {
        case .service(let service): body = .service(service)
        case .statefulSet(let statefulSet): body = .statefulSet(statefulSet)
        case .podDisruptionBudget(let budget): body = .podDisruptionBudget(budget)
        case .other where object.apiVersion == "v1" && object.kind == ObjectKind.namespace.rawValue:
            body = .namespace
        default:
            guard let kind = ObjectKind(rawValue: object.kind), kind.passiveType != nil, kind.apiVersion == object.apiVersion
            else { throw LiveClusterError.unsupportedKind("\(object.apiVersion) \(object.kind)") }
            do {
                body = .passive(try PassiveObject(kind: kind, manifest: manifest))
            } catch {
                throw UndecodableObject(manifest: manifest, reason: "\(error)")
            }
        }
        let metadata = manifest["metadata"]
        key = ObjectKey(body.kind, namespace: object.namespace, object.name)
        labels = Self.strings(metadata?["labels"])
        annotations = Self.strings(metadata?["annotations"])
        finalizers = metadata?["finalizers"]?.listValue?.compactMap(\.stringValue) ?? []
        managedFields = metadata?["managedFields"].flatMap { $0.isNull ? nil : $0 }
    }

    private static func strings(_ values: Values?) -> OrderedDictionary<String, String> {
        var result: OrderedDictionary<String, String> = [:]
        for (key, value) in values?.mapValue ?? [:] { result[key] = value.stringValue ?? "" }
        return result
    }
}

/// A request body the kind's type cannot read, in the API server's words (its
/// `transformDecodeError`): `Service in version "v1" cannot be handled as a Service: …`.
public struct UndecodableObject: Error, CustomStringConvertible {
    public let description: String

    init(manifest: Values, reason: String) {
        let kind = manifest["kind"]?.stringValue ?? ""
        let version = String((manifest["apiVersion"]?.stringValue ?? "").split(separator: "/").last ?? "")
        description = "\(kind) in version \"\(version)\" cannot be handled as a \(kind): \(reason)"
    }
}
