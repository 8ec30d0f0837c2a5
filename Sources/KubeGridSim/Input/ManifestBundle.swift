import KubeGridCore

/// The objects of the manifests a simulation applies, by kind, in the order they were written.
///
/// Objects of kinds the simulation does not run (ConfigMaps, Ingresses, PVCs, …) are kept
/// in ``ignored`` and reported, never an error: the manifests may well hold them.
public struct ManifestBundle: Sendable {
    /// Services, in input order.
    public var services: [Service] = []
    /// StatefulSets, in input order.
    public var statefulSets: [StatefulSet] = []
    /// PodDisruptionBudgets, in input order (kept for the fault scenarios).
    public var podDisruptionBudgets: [PodDisruptionBudget] = []
    /// Nodes found among the manifests (a cluster file read the same way).
    public var nodes: [Node] = []
    /// Objects kept but not simulated: `Kind/name` and where they came from.
    public var ignored: [IgnoredObject] = []
    /// The names of the files read.
    public var sourceNames: [String] = []

    public init() {}

    /// An object the simulation keeps but does not run.
    public struct IgnoredObject: Sendable, Hashable {
        /// `apiVersion` and `kind`, such as `networking.k8s.io/v1 Ingress`.
        public var kind: String
        /// `metadata.name`.
        public var name: String
        /// The file it came from.
        public var source: String
    }

    /// Reads every document of every source; `kind: List` documents are opened up.
    public static func read(_ sources: [ManifestSource]) throws(SimulationInputError) -> ManifestBundle {
        var bundle = ManifestBundle()
        for source in sources {
            bundle.sourceNames.append(source.name)
            let documents: [YAMLDocument]
            do {
                documents = try YAMLReader(source: source.name).documents(from: source.bytes)
            } catch {
                throw .unreadable(error)
            }
            for document in documents {
                try bundle.add(document.root, source: source.name, line: document.start.line)
            }
        }
        return bundle
    }

    private mutating func add(_ root: Values, source: String, line: Int) throws(SimulationInputError) {
        switch root {
        case .null:
            return
        case .map(let map):
            if map["kind"]?.stringValue == "List", let items = map["items"]?.listValue {
                for item in items { try add(item, source: source, line: line) }
                return
            }
        default:
            throw .notAnObject(source: source, line: line, found: root.kindDescription)
        }
        let object: KubernetesObject
        do {
            object = try KubernetesObject(decoding: root)
        } catch let error as ManifestDecodingError {
            throw .invalidObject(source: source, line: line, reason: error)
        } catch {
            throw .notAnObject(source: source, line: line, found: "\(error)")
        }
        switch object {
        case .service(let service): services.append(service)
        case .statefulSet(let statefulSet): statefulSets.append(statefulSet)
        case .podDisruptionBudget(let budget): podDisruptionBudgets.append(budget)
        case .node(let node): nodes.append(node)
        case .persistentVolumeClaim, .other:
            ignored.append(IgnoredObject(kind: "\(object.apiVersion) \(object.kind)", name: object.name, source: source))
        }
    }
}
