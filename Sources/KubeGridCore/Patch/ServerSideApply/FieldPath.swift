/// One step of a managed field's path, as FieldsV1 spells it: `f:name` for a map key,
/// `k:{"name":"main"}` for the item of a keyed list, `v:"a"` for the item of a set.
public enum FieldPathElement: Hashable, Sendable {
    case field(String)
    case key(Values.Map)
    case value(Values)

    /// The FieldsV1 key of this step.
    public var fieldsV1Key: String {
        switch self {
        case .field(let name): return "f:" + name
        case .key(let keys): return "k:" + ((try? JSONWriter.write(.map(keys), style: .compact)) ?? "{}")
        case .value(let value): return "v:" + ((try? JSONWriter.write(value, style: .compact)) ?? "null")
        }
    }

    /// How the API server names the step in a conflict (`.spec`, `[name="main"]`).
    public var conflictText: String {
        switch self {
        case .field(let name): return "." + name
        case .key(let keys):
            return "[" + keys.map { key, value in "\(key)=\((try? JSONWriter.write(value, style: .compact)) ?? "")" }
                .joined(separator: ",") + "]"
        case .value(let value): return "[=\((try? JSONWriter.write(value, style: .compact)) ?? "")]"
        }
    }

    /// Reads a FieldsV1 key back; nil for the `.` that marks a list item itself.
    init?(fieldsV1Key text: String) {
        let body = String(text.dropFirst(2))
        switch text.prefix(2) {
        case "f:": self = .field(body)
        case "k:":
            guard case .map(let keys)? = try? JSONReader.parse(body) else { return nil }
            self = .key(keys)
        case "v:":
            guard let value = try? JSONReader.parse(body) else { return nil }
            self = .value(value)
        default: return nil
        }
    }
}

public typealias FieldPath = [FieldPathElement]

extension Values {
    /// The value a managed field's path leads to, or nil.
    func value(atField path: some Collection<FieldPathElement>) -> Values? {
        guard let step = path.first else { return self }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.field(let name), .map(let map)):
            return map[name]?.value(atField: rest)
        case (.key(let keys), .list(let items)):
            return items.first { item in keys.allSatisfy { item[$0.key]?.jsonEquals($0.value) == true } }?.value(atField: rest)
        case (.value(let wanted), .list(let items)):
            return items.first { $0.jsonEquals(wanted) }.flatMap { rest.isEmpty ? $0 : nil }
        default:
            return nil
        }
    }

    /// Removes what the path leads to (a map key, a keyed item, a set member).
    mutating func removeField(at path: some Collection<FieldPathElement>) {
        guard let step = path.first else { return }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.field(let name), .map(var map)):
            if rest.isEmpty { map.removeValue(forKey: name) } else { map[name]?.removeField(at: rest) }
            self = .map(map)
        case (.key(let keys), .list(var items)):
            guard let index = items.firstIndex(where: { item in keys.allSatisfy { item[$0.key]?.jsonEquals($0.value) == true } }) else { return }
            if rest.isEmpty { items.remove(at: index) } else { items[index].removeField(at: rest) }
            self = .list(items)
        case (.value(let wanted), .list(var items)):
            if rest.isEmpty { items.removeAll { $0.jsonEquals(wanted) } }
            self = .list(items)
        default:
            return
        }
    }
}
