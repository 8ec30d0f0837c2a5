/// A container's `key=value` arguments, in order, as the entrypoint reads them: the first
/// value of a key wins, and an argument without `=` is skipped.
///
/// The same value writes the arguments a chart builder emits (``list``) and reads back what
/// a manifest holds (``init(parsing:)``), so both sides share one protocol.
public struct EntrypointArguments: Sendable, Hashable {
    /// One `key=value` argument.
    public struct Pair: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    /// Every `key=value` argument, in order, repeats included.
    public private(set) var pairs: [Pair] = []
    /// Arguments without `=`, which the entrypoint ignores.
    public private(set) var malformed: [String] = []
    private var firstValues: [String: String] = [:]

    /// No arguments, to write into.
    public init() {}

    /// Reads a container's `args`.
    public init(parsing args: [String]) {
        for argument in args {
            guard let equals = argument.firstIndex(of: "=") else {
                malformed.append(argument)
                continue
            }
            append(String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
    }

    /// The first value of `key`.
    public subscript(key: GridArgument) -> String? { firstValues[key.rawValue] }

    /// The first value of `key` as an integer; nil when absent or not a decimal integer.
    public func integer(_ key: GridArgument) -> Int? { self[key].flatMap { Int($0) } }

    /// The first value of `key` as a boolean: only `true` is true, as in the entrypoint.
    public func boolean(_ key: GridArgument) -> Bool? { self[key].map { $0 == "true" } }

    /// The ``GridArgument/component`` value, when it is one the entrypoint knows.
    public var component: GridArgument.Component? { self[.component].flatMap(GridArgument.Component.init) }

    /// Appends `key=value` (a later repeat does not change what a lookup returns).
    public mutating func append(_ key: GridArgument, _ value: String) {
        append(key.rawValue, value)
    }

    /// Appends `key=value` when `value` is present.
    public mutating func append(_ key: GridArgument, _ value: (some CustomStringConvertible)?) {
        if let value { append(key.rawValue, value.description) }
    }

    private mutating func append(_ key: String, _ value: String) {
        pairs.append(Pair(key: key, value: value))
        if firstValues[key] == nil { firstValues[key] = value }
    }

    /// The arguments as a container's `args`.
    public var list: [String] { pairs.map { "\($0.key)=\($0.value)" } }

    /// What the entrypoint would not understand, given the keys the role reads.
    public func problems(knownKeys: Set<GridArgument>) -> [GridArgumentProblem] {
        var problems = malformed.map(GridArgumentProblem.missingEquals)
        var seen: Set<String> = []
        for pair in pairs {
            guard let key = GridArgument(rawValue: pair.key), knownKeys.contains(key) else {
                problems.append(.unknownKey(pair.key))
                continue
            }
            if !seen.insert(pair.key).inserted {
                problems.append(.repeated(key, ignored: pair.value))
                continue
            }
            switch key.valueType {
            case .integer where Int(pair.value) == nil: problems.append(.notAnInteger(key, pair.value))
            case .boolean where pair.value != "true" && pair.value != "false": problems.append(.notABoolean(key, pair.value))
            default: break
            }
        }
        return problems
    }
}

/// An argument the entrypoint would skip or misread.
public enum GridArgumentProblem: Sendable, Hashable, CustomStringConvertible {
    /// An argument without `=`.
    case missingEquals(String)
    /// A key the role does not read.
    case unknownKey(String)
    /// A key given again; the first value wins.
    case repeated(GridArgument, ignored: String)
    /// An integer argument whose value is not one.
    case notAnInteger(GridArgument, String)
    /// A boolean argument that is neither `true` nor `false`.
    case notABoolean(GridArgument, String)

    public var description: String {
        switch self {
        case .missingEquals(let argument): "argument \"\(argument)\" has no '='; write key=value"
        case .unknownKey(let key): "argument \(key)= is not one the entrypoint reads"
        case .repeated(let key, let ignored): "argument \(key.rawValue)= is given again (\(ignored)); the first value wins"
        case .notAnInteger(let key, let value): "argument \(key.rawValue)=\(value) is not an integer"
        case .notABoolean(let key, let value): "argument \(key.rawValue)=\(value) is neither true nor false"
        }
    }
}
