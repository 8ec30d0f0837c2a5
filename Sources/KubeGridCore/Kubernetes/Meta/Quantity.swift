/// A Kubernetes resource quantity such as `300Mi`, `0.5`, `100m` or `1e3`.
///
/// The text is kept as written, so encoding gives back what the chart or the user
/// wrote (a number stays a number). Amounts are exact integers in thousandths of a unit
/// (millicores, millibytes), never `Double`s; like Kubernetes' `MilliValue`, anything
/// finer than a thousandth is rounded up. Equality and order compare amounts, as
/// Kubernetes does: `1Gi == 1024Mi`, `1Gi > 1000Mi`, `500m < 1`.
///
/// A literal in code (`let limit: Quantity = "300Mi"`, and also `Quantity("300Mi")`, which
/// Swift reads as a literal) must be valid; text from users goes through the throwing
/// `try Quantity(text)` with a `String` variable.
public struct Quantity: Sendable, CustomStringConvertible {
    /// The quantity as written.
    public let text: String
    /// The amount in thousandths of a unit: `100m` is 100, `1Ki` is 1_024_000.
    public let milliValue: Int
    /// How the quantity was written in the manifest, so that it is written back the same way.
    private let form: Form

    private enum Form: Sendable, Hashable {
        case string
        case int(Int)
        case float(Double)
    }

    /// Parses a quantity written as text.
    public init(_ text: String) throws {
        self.text = text
        self.milliValue = try QuantityParser.milliValue(of: text)
        self.form = .string
    }

    /// A quantity written as an integer, such as `cpu: 2`.
    public init(_ int: Int) throws {
        let (milli, overflow) = int.multipliedReportingOverflow(by: 1000)
        if overflow { throw QuantityError.outOfRange(String(int)) }
        self.text = String(int)
        self.milliValue = milli
        self.form = .int(int)
    }

    /// A quantity written as a floating-point number, such as `cpu: 0.5`.
    public init(_ double: Double) throws {
        let text = double.description
        guard double.isFinite else { throw QuantityError.notANumber(text) }
        self.text = text
        self.milliValue = try QuantityParser.milliValue(of: text)
        self.form = .float(double)
    }

    /// The quantity of `milliValue` thousandths, written in the shortest exact way (`2`, `500m`).
    public init(milliValue: Int) {
        self.text = milliValue % 1000 == 0 ? String(milliValue / 1000) : "\(milliValue)m"
        self.milliValue = milliValue
        self.form = .string
    }

    /// The amount in whole units (cores, bytes, pods), rounded away from zero.
    public var value: Int {
        let magnitude = milliValue.magnitude
        let whole = Int(magnitude / 1000 + (magnitude % 1000 == 0 ? 0 : 1))
        return milliValue < 0 ? -whole : whole
    }

    public var description: String { text }
}

extension Quantity: Hashable, Comparable {
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.milliValue == rhs.milliValue
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.milliValue < rhs.milliValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(milliValue)
    }
}

extension Quantity: ManifestCodable {
    /// The quantity as written: a string, or the number it was written as.
    public func encoded() -> Values {
        switch form {
        case .string: return .string(text)
        case .int(let int): return .int(int)
        case .float(let double): return .float(double)
        }
    }

    /// Reads a quantity written as a string or a number; errors name `path`.
    static func read(_ value: Values, at path: ValuePath) throws -> Quantity {
        do {
            switch value {
            case .string(let text): return try Quantity(text)
            case .int(let int): return try Quantity(int)
            case .float(let double): return try Quantity(double)
            default:
                throw ManifestDecodingError.typeMismatch(
                    path: path, expected: "a quantity (a string such as \"300Mi\" or a number)",
                    found: value.kindDescription)
            }
        } catch let reason as QuantityError {
            throw ManifestDecodingError.invalidQuantity(path: path, reason: reason)
        }
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.read(try Values(from: decoder), at: .root)
    }

    public var manifestValue: Values { encoded() }
}

extension Quantity: ExpressibleByStringLiteral {
    /// A quantity written in code, such as `"300Mi"`; invalid text there is a programming error.
    public init(stringLiteral text: String) {
        do {
            try self.init(text)
        } catch {
            preconditionFailure("invalid quantity literal: \(error)")
        }
    }
}
