/// The fields one manager owns, as a set of leaf paths, read from or written as FieldsV1.
///
/// A configuration owns each leaf it sets: scalars, atomic lists and empty maps whole; the
/// keys of maps one by one; the items of keyed lists (`x-kubernetes-list-type: map`) and
/// sets by key or value, with the item itself (`.`) owned too.
public struct ManagedFieldSet: Equatable, Sendable {
    public private(set) var paths: Set<FieldPath>

    public init(paths: Set<FieldPath> = []) {
        self.paths = paths
    }

    /// The fields `configuration`, an object of type `type`, sets. Identity and
    /// server-owned fields (apiVersion, kind, name, namespace, uid, resourceVersion,
    /// managedFields, status) are nobody's.
    public init(of configuration: Values, type: String?, lookup: any PatchMetaLookup) {
        var paths = Set<FieldPath>()
        guard case .map(var object) = configuration else { self.init(); return }
        for key in ["apiVersion", "kind", "status"] { object.removeValue(forKey: key) }
        if case .map(var metadata)? = object["metadata"] {
            for key in ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields"] {
                metadata.removeValue(forKey: key)
            }
            object["metadata"] = metadata.isEmpty ? nil : .map(metadata)
        }
        Self.collect(.map(object), type: type, at: [], lookup: lookup, into: &paths, isRoot: true)
        self.init(paths: paths)
    }

    private static func collect(_ value: Values, type: String?, at path: FieldPath, lookup: any PatchMetaLookup,
                                into paths: inout Set<FieldPath>, isRoot: Bool = false)
    {
        guard case .map(let map) = value, !map.isEmpty || isRoot else {
            paths.insert(path)
            return
        }
        for (key, child) in map {
            let meta = lookup.meta(of: key, in: type)
            let childPath = path + [.field(key)]
            guard case .list(let items) = child else {
                collect(child, type: meta.type, at: childPath, lookup: lookup, into: &paths)
                continue
            }
            let keys = meta.listType == "map" ? meta.listMapKeys : (meta.merges ? meta.mergeKey.map { [$0] } ?? [] : [])
            if !keys.isEmpty, items.allSatisfy({ $0.mapValue != nil }) {
                for item in items {
                    var identity = Values.Map()
                    for name in keys.sorted() { if let part = item[name] { identity[name] = part } }
                    let itemPath = childPath + [.key(identity)]
                    paths.insert(itemPath)
                    if case .map(let fields) = item, !fields.isEmpty {
                        collect(item, type: meta.type, at: itemPath, lookup: lookup, into: &paths, isRoot: true)
                    }
                }
            } else if meta.listType == "set" || meta.merges && items.allSatisfy({ $0.mapValue == nil && $0.listValue == nil }) {
                for item in items { paths.insert(childPath + [.value(item)]) }
            } else {
                paths.insert(childPath)
            }
        }
    }

    /// FieldsV1: nested maps of path steps, `{}` at each leaf, `.` for an owned list item
    /// that also has owned fields.
    public var fieldsV1: Values {
        var root = Values.Map()
        for path in paths.sorted(by: { $0.map(\.fieldsV1Key).lexicographicallyPrecedes($1.map(\.fieldsV1Key)) }) {
            Self.insert(path[...], into: &root)
        }
        return .map(root)
    }

    private static func insert(_ path: ArraySlice<FieldPathElement>, into node: inout Values.Map) {
        guard let step = path.first else { return }
        let key = step.fieldsV1Key
        var child = node[key]?.mapValue ?? [:]
        if path.count == 1 {
            if !child.isEmpty { child["."] = [:] }
        } else {
            if node[key] != nil && child.isEmpty, case .key = step { child["."] = [:] }
            insert(path.dropFirst(), into: &child)
        }
        node[key] = .map(child)
    }

    /// Reads FieldsV1 back into paths.
    public init(fieldsV1: Values) {
        var paths = Set<FieldPath>()
        Self.read(fieldsV1, at: [], into: &paths)
        self.init(paths: paths)
    }

    private static func read(_ node: Values, at path: FieldPath, into paths: inout Set<FieldPath>) {
        guard case .map(let map) = node, !map.isEmpty else {
            if !path.isEmpty { paths.insert(path) }
            return
        }
        for (key, child) in map {
            if key == "." { paths.insert(path); continue }
            guard let step = FieldPathElement(fieldsV1Key: key) else { continue }
            read(child, at: path + [step], into: &paths)
        }
    }

    public mutating func remove(_ other: Set<FieldPath>) {
        paths.subtract(other)
    }

    public var isEmpty: Bool { paths.isEmpty }
}
