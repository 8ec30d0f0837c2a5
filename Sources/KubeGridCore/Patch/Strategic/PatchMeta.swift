/// What strategic merge patch and server-side apply know of one field of a Kubernetes type:
/// the definitions' `x-kubernetes-patch-strategy`, `-patch-merge-key`, `-list-type` and
/// `-list-map-keys`, and the type of the field's value (of each item for a list, of each
/// value for a map).
public struct PatchFieldMeta: Sendable, Equatable {
    /// "merge", "replace", "retainKeys" or "merge,retainKeys"; empty when none is declared.
    public var strategy: String
    public var mergeKey: String?
    /// "atomic", "set" or "map" for lists; nil where the definitions say nothing.
    public var listType: String?
    public var listMapKeys: [String]
    /// The definition name of the value, list item or map value; a map of named values is
    /// written `{}NAME`. Nil for scalars and free-form values.
    public var type: String?

    public init(strategy: String = "", mergeKey: String? = nil, listType: String? = nil,
                listMapKeys: [String] = [], type: String? = nil) {
        self.strategy = strategy
        self.mergeKey = mergeKey
        self.listType = listType
        self.listMapKeys = listMapKeys
        self.type = type
    }

    /// A field the definitions know nothing of: maps merge, lists are replaced.
    public static let unknown = PatchFieldMeta()

    var strategies: [Substring] { strategy.split(separator: ",") }
    var merges: Bool { strategies.contains("merge") }
    var replaces: Bool { strategies.contains("replace") }
}

/// Where strategic merge patch looks up a field's merge key and strategy.
public protocol PatchMetaLookup: Sendable {
    /// The metadata of `field` in the type named `type` (nil for free-form values).
    func meta(of field: String, in type: String?) -> PatchFieldMeta
}

/// A lookup table of types by name: each type's fields with their metadata, and the type
/// of each kind by `apiVersion` and `kind`.
public struct PatchMetaTable: PatchMetaLookup {
    public let types: [String: [String: PatchFieldMeta]]
    public let kinds: [String: String]

    public init(types: [String: [String: PatchFieldMeta]], kinds: [String: String] = [:]) {
        self.types = types
        self.kinds = kinds
    }

    public func meta(of field: String, in type: String?) -> PatchFieldMeta {
        guard let type else { return .unknown }
        if type.hasPrefix("{}") {
            // Every key of a map of named values holds the same type.
            return PatchFieldMeta(type: String(type.dropFirst(2)))
        }
        return types[type]?[field] ?? .unknown
    }

    /// The type name of objects of `kind` in `apiVersion` ("apps/v1", "StatefulSet").
    public func type(apiVersion: String, kind: String) -> String? {
        kinds["\(apiVersion)/\(kind)"]
    }
}

extension PatchMetaTable {
    /// Reads the generated table (Kubernetes/Generated/PatchMetadata.swift): one field a line,
    /// `TYPE FIELD STRATEGY MERGE-KEY LIST-TYPE MAP-KEYS VALUE-TYPE`, `-` where empty.
    public init(lines: String, kinds: [String: String]) {
        var types: [String: [String: PatchFieldMeta]] = [:]
        for line in lines.split(separator: "\n") {
            let columns = line.split(separator: " ").map { $0 == "-" ? nil : String($0) }
            guard columns.count == 7, let type = columns[0], let field = columns[1] else { continue }
            types[type, default: [:]][field] = PatchFieldMeta(
                strategy: columns[2] ?? "", mergeKey: columns[3], listType: columns[4],
                listMapKeys: columns[5].map { $0.split(separator: ",").map(String.init) } ?? [],
                type: columns[6])
        }
        self.init(types: types, kinds: kinds)
    }
}
