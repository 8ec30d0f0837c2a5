/// A finding about a chart's values: an error that stops a render, or a note beside it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, info

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }
    }

    public var severity: Severity
    /// A stable rule id (`KG101`), for lint output and documentation.
    public var rule: String
    /// The values key the finding is about, if any.
    public var path: ValuePath?
    /// One line that says what is wrong and what to do.
    public var message: String

    public init(_ severity: Severity, rule: String, path: ValuePath?, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.path = path
        self.message = message
    }

    /// `service.type: "Nodeport" is not one of …`.
    public var description: String {
        guard let path, !path.isRoot else { return message }
        return "\(path): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
