/// Where a value sits in a tree: map keys and list indexes from the root.
public struct ValuePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// A path of map keys only.
    public init(keys: [String]) {
        self.components = keys.map(Component.key)
    }

    /// A dotted path (`service.lrmi.port`); list indexes as `[N]`.
    public init(dotted: String) {
        self.init(keys: dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    public static let root = ValuePath()

    public func appending(_ component: Component) -> ValuePath {
        ValuePath(components + [component])
    }

    public func appending(key: String) -> ValuePath { appending(.key(key)) }
    public func appending(index: Int) -> ValuePath { appending(.index(index)) }

    public var isRoot: Bool { components.isEmpty }

    /// `service.lrmi.port`, `containers[0].args[2]`.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    public static func < (lhs: ValuePath, rhs: ValuePath) -> Bool {
        lhs.description < rhs.description
    }
}

/// A place in a source file: 1-based line and column.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `values.yaml:12:3`.
    public var description: String { "\(file):\(line):\(column)" }
}

extension ValuePath {
    /// This path followed by another.
    public func appending(_ other: ValuePath) -> ValuePath {
        ValuePath(components + other.components)
    }
}

extension Diagnostic {
    /// The same finding with its path placed under `prefix` (a chart inside the umbrella).
    func prefixed(by prefix: ValuePath) -> Diagnostic {
        var copy = self
        copy.path = path.map { prefix.appending($0) }
        return copy
    }
}
