/// A field that Kubernetes accepts as an integer or a string: a port number or a port
/// name, a count or a percentage.
public enum IntOrString: Sendable, Hashable, CustomStringConvertible {
    /// A number, such as a port or a count of pods.
    case int(Int)
    /// A name (`http`) or a percentage (`25%`).
    case string(String)

    /// The value scaled against `total` when it is a percentage, like Kubernetes'
    /// `GetScaledValueFromIntOrPercent`; an integer is returned as it is.
    ///
    /// Returns nil for a string that is not a percentage such as `"25%"`.
    public func scaledValue(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let int):
            return int
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return nil }
            let product = percent * total
            if roundUp, product % 100 != 0, product > 0 { return product / 100 + 1 }
            return product / 100
        }
    }

    public var description: String {
        switch self {
        case .int(let int): return String(int)
        case .string(let string): return string
        }
    }
}

extension IntOrString: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// A number written in code, such as a port `8090`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A name or percentage written in code, such as `"api"` or `"25%"`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension IntOrString: ManifestCodable {
    /// The number or the string.
    public func encoded() -> Values {
        switch self {
        case .int(let int): return .int(int)
        case .string(let string): return .string(string)
        }
    }

    /// Reads a number (an integral float counts) or a string; errors name `path`.
    static func read(_ value: Values, at path: ValuePath) throws -> IntOrString {
        switch value {
        case .string(let string):
            return .string(string)
        case .int(let int):
            return .int(int)
        case .float(let double):
            if let int = Int(exactly: double) { return .int(int) }
        default:
            break
        }
        throw ManifestDecodingError.typeMismatch(
            path: path, expected: "an integer or a string", found: value.kindDescription)
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.read(try Values(from: decoder), at: .root)
    }

    public var manifestValue: Values { encoded() }
}
