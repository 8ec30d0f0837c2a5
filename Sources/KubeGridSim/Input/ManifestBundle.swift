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
            for (index, document) in documents.enumerated() {
                do {
                    try bundle.add(document.root, source: source.name, line: document.start.line, base: .root)
                } catch .invalidObject(_, _, let reason, let within) {
                    throw .invalidObject(
                        source: source.name, line: Self.line(of: within, reason, in: source, document: index) ?? document.start.line,
                        reason: reason, within: within)
                }
            }
        }
        return bundle
    }

    /// The line of the field a decoding error names: the source is read again, this time
    /// recording positions, which only a failing input pays for.
    private static func line(
        of base: ValuePath, _ reason: ManifestDecodingError, in source: ManifestSource, document: Int
    ) -> Int? {
        guard let documents = try? YAMLReader(source: source.name, recordsPositions: true).documents(from: source.bytes),
            documents.indices.contains(document)
        else { return nil }
        var path = base
        let field: FieldPath
        switch reason {
        case .typeMismatch(let at, _, _), .missingField(let at), .unknownValue(let at, _, _), .invalidQuantity(let at, _):
            field = at
        case .wrongKind:
            return nil
        }
        for component in field.components {
            switch component {
            case .key(let key): path = path.appending(key: key)
            case .index(let index): path = path.appending(index: index)
            }
        }
        return documents[document].position(of: path).line
    }

    private mutating func add(_ root: Values, source: String, line: Int, base: ValuePath) throws(SimulationInputError) {
        switch root {
        case .null:
            return
        case .map(let map):
            if map["kind"]?.stringValue == "List", let items = map["items"]?.listValue {
                for (index, item) in items.enumerated() {
                    try add(item, source: source, line: line, base: base.appending(key: "items").appending(index: index))
                }
                return
            }
        default:
            throw .notAnObject(source: source, line: line, found: root.kindDescription)
        }
        let object: KubernetesObject
        do {
            object = try KubernetesObject(decoding: root)
        } catch let error as ManifestDecodingError {
            throw .invalidObject(source: source, line: line, reason: error, within: base)
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
