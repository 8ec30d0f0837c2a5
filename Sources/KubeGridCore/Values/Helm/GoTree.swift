import OrderedCollections

/// A values tree as Helm's Go code holds it while merging: maps and lists are shared references.
///
/// Helm's strvals parser and its coalescing change maps and lists in place, and in a few
/// corners one map ends up under two parents (globals handed to subcharts). Mirroring
/// Go's reference semantics here, instead of reasoning about each corner, is what keeps
/// kubegrid's results equal to Helm's. Nothing outside this folder sees these types:
/// trees come in and go out as `Values`.
enum GoValue {
    case null
    /// A bool, integer, float or string.
    case scalar(Values)
    case list(GoList)
    case map(GoMap)

    /// A fresh tree holding a copy of `values`, sharing nothing.
    init(copying values: Values) {
        switch values {
        case .null: self = .null
        case .list(let items): self = .list(GoList(items.map(GoValue.init(copying:))))
        case .map(let map): self = .map(GoMap(copying: map))
        default: self = .scalar(values)
        }
    }

    /// The tree as an immutable value.
    var frozen: Values {
        switch self {
        case .null: return .null
        case .scalar(let value): return value
        case .list(let list): return .list(list.items.map(\.frozen))
        case .map(let map): return .map(map.frozen)
        }
    }

    /// A deep copy sharing nothing with this tree (Go's `copystructure.Copy`).
    func deepCopy() -> GoValue {
        switch self {
        case .null, .scalar: return self
        case .list(let list): return .list(GoList(list.items.map { $0.deepCopy() }))
        case .map(let map): return .map(map.deepCopy())
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var mapValue: GoMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    /// "the integer 1", "null", "a list", for messages.
    var kindDescription: String { frozen.kindDescription }
}

/// A Go `map[string]any`: one object that every holder shares.
final class GoMap {
    var entries: OrderedDictionary<String, GoValue>

    init(_ entries: OrderedDictionary<String, GoValue> = [:]) {
        self.entries = entries
    }

    convenience init(copying map: Values.Map) {
        self.init(map.mapValues(GoValue.init(copying:)))
    }

    subscript(key: String) -> GoValue? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    var isEmpty: Bool { entries.isEmpty }

    var frozen: Values.Map { entries.mapValues(\.frozen) }

    func deepCopy() -> GoMap { GoMap(entries.mapValues { $0.deepCopy() }) }

    /// A new map holding the same entries (Go's `maps.Copy` into a new map): a shallow copy.
    func shallowCopy() -> GoMap { GoMap(entries) }
}

/// A Go `[]any`: writes inside its length are seen by every holder; growing makes a new list.
final class GoList {
    var items: [GoValue]

    init(_ items: [GoValue] = []) {
        self.items = items
    }
}
