/// Server-side apply (`application/apply-patch+yaml`) and the field ownership it keeps in
/// `metadata.managedFields`: each manager owns the fields it applied; applying a field
/// another manager owns with a different value is a conflict unless forced (then the field
/// changes hands); a field the manager applied before and no longer applies is removed
/// when nobody else owns it. Updates (create, update, the other patches) are recorded too,
/// so an apply after `kubectl edit` or `kubectl scale` conflicts as it does in Kubernetes.
public struct ServerSideApply: Sendable {
    public let lookup: any PatchMetaLookup

    public init(lookup: any PatchMetaLookup) {
        self.lookup = lookup
    }

    /// The object after `manager` applies `configuration` to `live` (nil when creating).
    /// `time` is written into the manager's entry (RFC 3339).
    public func apply(_ configuration: Values, to live: Values?, manager: String, force: Bool, type: String?,
                      apiVersion: String, time: String) throws -> Values
    {
        let applied = ManagedFieldSet(of: configuration, type: type, lookup: lookup)
        var entries = Self.entries(of: live ?? .emptyMap)
        let mine = entries.firstIndex { $0.manager == manager && $0.operation == "Apply" }
        let current = live ?? .emptyMap

        var conflicts: [(manager: String, path: String)] = []
        var conflicting = Set<FieldPath>()
        for entry in entries where !(entry.manager == manager && entry.operation == "Apply") {
            for path in entry.fields.paths.intersection(applied.paths).sorted(by: Self.order) where Self.isLeaf(path) {
                let wanted = configuration.value(atField: path)
                let existing = current.value(atField: path)
                if let wanted, let existing, wanted.jsonEquals(existing) { continue }
                conflicts.append((entry.printedManager, path.map(\.conflictText).joined()))
                conflicting.insert(path)
            }
        }
        if !conflicts.isEmpty && !force { throw ApplyConflict(conflicts) }

        let patch = JSONMergePatch.prunedOfNulls(configuration)
        var result = try StrategicMergePatch(lookup: lookup).apply(patch, to: current, type: type)
        if let mine {
            let ownedByOthers = entries.enumerated().filter { $0.offset != mine }
                .reduce(into: Set<FieldPath>()) { $0.formUnion($1.element.fields.paths) }
            let dropped = entries[mine].fields.paths.subtracting(applied.paths).subtracting(ownedByOthers)
            for path in dropped.sorted(by: { $0.count > $1.count }) { result.removeField(at: path) }
        }
        for index in entries.indices where !(entries[index].manager == manager && entries[index].operation == "Apply") {
            entries[index].fields.remove(conflicting)
        }
        let entry = Entry(manager: manager, operation: "Apply", apiVersion: apiVersion, time: time, fields: applied)
        if let mine { entries[mine] = entry } else { entries.append(entry) }
        return Self.writing(entries.filter { !$0.fields.isEmpty }, into: result)
    }

    /// Records a non-apply write of `updated` over `previous` (nil when created) by
    /// `manager`: it takes the fields whose values it set or changed from everyone else.
    public func recordUpdate(_ updated: Values, previous: Values?, manager: String, type: String?,
                             apiVersion: String, time: String) -> Values
    {
        var entries = Self.entries(of: previous ?? .emptyMap)
        let changed = ManagedFieldSet(of: updated, type: type, lookup: lookup).paths.filter { path in
            guard let old = previous?.value(atField: path) else { return true }
            return !(updated.value(atField: path).map(old.jsonEquals) ?? false)
        }
        guard !changed.isEmpty else { return Self.writing(entries, into: updated) }
        for index in entries.indices { entries[index].fields.remove(changed) }
        if let mine = entries.firstIndex(where: { $0.manager == manager && $0.operation == "Update" }) {
            entries[mine].fields = ManagedFieldSet(paths: entries[mine].fields.paths.union(changed))
            entries[mine].time = time
            entries[mine].apiVersion = apiVersion
        } else {
            entries.append(Entry(manager: manager, operation: "Update", apiVersion: apiVersion, time: time,
                                 fields: ManagedFieldSet(paths: changed)))
        }
        return Self.writing(entries.filter { !$0.fields.isEmpty }, into: updated)
    }

    /// One `managedFields` entry.
    struct Entry {
        var manager: String
        var operation: String
        var apiVersion: String
        var time: String
        var fields: ManagedFieldSet

        /// As the API server names a manager in a conflict: an updater with its apiVersion.
        var printedManager: String {
            operation == "Update" ? "\(goQuoted(manager)) using \(apiVersion)" : goQuoted(manager)
        }

        var values: Values {
            [
                "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
                "time": .string(time), "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
            ]
        }
    }

    static func entries(of object: Values) -> [Entry] {
        (object.value(at: ["metadata", "managedFields"])?.listValue ?? []).compactMap { item in
            guard let manager = item["manager"]?.stringValue else { return nil }
            return Entry(
                manager: manager, operation: item["operation"]?.stringValue ?? "Update",
                apiVersion: item["apiVersion"]?.stringValue ?? "", time: item["time"]?.stringValue ?? "",
                fields: ManagedFieldSet(fieldsV1: item["fieldsV1"] ?? .emptyMap))
        }
    }

    static func writing(_ entries: [Entry], into object: Values) -> Values {
        guard case .map(var map) = object else { return object }
        var metadata = map["metadata"]?.mapValue ?? [:]
        metadata["managedFields"] = entries.isEmpty ? nil : .list(entries.map(\.values))
        map["metadata"] = .map(metadata)
        return .map(map)
    }

    /// A path ending in a keyed item or set member names the item, compared by its fields.
    static func isLeaf(_ path: FieldPath) -> Bool {
        if case .field = path.last { return true }
        return false
    }

    static func order(_ left: FieldPath, _ right: FieldPath) -> Bool {
        left.map(\.fieldsV1Key).lexicographicallyPrecedes(right.map(\.fieldsV1Key))
    }
}
