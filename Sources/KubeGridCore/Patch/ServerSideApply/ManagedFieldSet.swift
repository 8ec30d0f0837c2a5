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
        // Each path's keys are written once, not at every comparison of the sort, and each
        // level is built once from its sorted run of paths (a StatefulSet has hundreds of
        // paths: building this was a quarter of a create's time in `kubegrid serve`).
        let keyed = paths.map { $0.map(\.fieldsV1Key) }.sorted { $0.lexicographicallyPrecedes($1) }
        return .map(Self.level(keyed[...], depth: 0))
    }

    /// The map at `depth` of `paths`, which are sorted and all longer than `depth`: a step's
    /// paths are a run, the one that ends at the step first. A keyed list item owned itself
    /// and with owned fields gets `.` before them.
    private static func level(_ paths: ArraySlice<[String]>, depth: Int) -> Values.Map {
        var node = Values.Map()
        var start = paths.startIndex
        while start < paths.endIndex {
            let key = paths[start][depth]
            var end = start + 1
            while end < paths.endIndex, paths[end][depth] == key { end += 1 }
            let endsHere = paths[start].count == depth + 1
            let deeper = paths[(endsHere ? start + 1 : start)..<end]
            var child = Values.Map()
            if endsHere, !deeper.isEmpty, key.hasPrefix("k:") { child["."] = .emptyMap }
            for (name, value) in level(deeper, depth: depth + 1) { child[name] = value }
            node[key] = .map(child)
            start = end
        }
        return node
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
