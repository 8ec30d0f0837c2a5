/// One problem with one field, as apimachinery's `field.Error` says it:
/// `spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range…`.
public struct FieldCause: Sendable, Hashable, CustomStringConvertible {
    /// `field.ErrorType`, with the words it prints.
    public enum CauseType: String, Sendable {
        case invalid = "Invalid value"
        case duplicate = "Duplicate value"
        case required = "Required value"
        case forbidden = "Forbidden"
    }

    /// The offending value: numbers print bare, text quoted.
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case int(Int)
        case string(String)

        public var description: String {
            switch self {
            case .int(let number): return String(number)
            case .string(let text): return "\"\(text)\""
            }
        }
    }

    public var field: String
    public var type: CauseType
    public var value: Value?
    public var detail: String

    public init(_ field: String, _ type: CauseType, value: Value? = nil, _ detail: String = "") {
        self.field = field
        self.type = type
        self.value = value
        self.detail = detail
    }

    /// `Invalid value: 8080: …` for a number.
    public static func invalid(_ field: String, _ value: Int, _ detail: String) -> FieldCause {
        FieldCause(field, .invalid, value: .int(value), detail)
    }

    /// `Invalid value: "10.0.0.1": …` for text.
    public static func invalid(_ field: String, _ value: String, _ detail: String) -> FieldCause {
        FieldCause(field, .invalid, value: .string(value), detail)
    }

    /// Required and Forbidden print no value; the others do.
    public var description: String {
        var text = "\(field): \(type.rawValue)"
        if let value, type != .required, type != .forbidden { text += ": \(value)" }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}

/// A refusal of the simulated API server: the `Status` reason, the object, and for
/// Invalid the field causes. It renders to the message `kubectl` prints.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `metav1.StatusReason`.
    public enum Reason: String, Sendable {
        case invalid = "Invalid"
        case alreadyExists = "AlreadyExists"
        case notFound = "NotFound"
        case forbidden = "Forbidden"
        case conflict = "Conflict"
        /// 429: the request may succeed later (an eviction a disruption budget refuses).
        case tooManyRequests = "TooManyRequests"
    }

    public var reason: Reason
    /// The kind of the object the message names (for `namespaces "x" not found`, the Namespace).
    public var kind: ObjectKind
    public var name: String
    /// Field causes (Invalid), in field order.
    public var causes: [FieldCause]
    /// Why, for Forbidden.
    public var detail: String

    public init(_ reason: Reason, kind: ObjectKind, name: String, causes: [FieldCause] = [], detail: String = "") {
        self.reason = reason
        self.kind = kind
        self.name = name
        self.causes = causes
        self.detail = detail
    }

    /// `NewInvalid`: the object is invalid for these reasons.
    public static func invalid(_ kind: ObjectKind, _ name: String, _ causes: [FieldCause]) -> APIError {
        APIError(.invalid, kind: kind, name: name, causes: causes)
    }

    /// The message `kubectl` prints (for Invalid, apimachinery's aggregate: one cause as
    /// it is, several in brackets).
    public var description: String {
        switch reason {
        case .invalid:
            let texts = causes.map(\.description)
            let detail = texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
            return "The \(kind.rawValue) \"\(name)\" is invalid: \(detail)"
        case .alreadyExists: return "\(kind.resource) \"\(name)\" already exists"
        case .notFound: return "\(kind.resource) \"\(name)\" not found"
        case .forbidden: return "\(kind.resource) \"\(name)\" is forbidden: \(detail)"
        case .tooManyRequests: return detail
        case .conflict:
            return "Operation cannot be fulfilled on \(kind.resource) \"\(name)\": the object has been modified; "
                + "please apply your changes to the latest version and try again"
        }
    }
}
