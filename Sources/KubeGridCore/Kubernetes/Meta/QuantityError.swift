/// Why a text is not a Kubernetes quantity.
public enum QuantityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text does not start with a number (an optional sign, digits, an optional fraction).
    case notANumber(String)
    /// The number is followed by something that is neither a unit nor an exponent.
    case unknownSuffix(text: String, suffix: String)
    /// The number has more significant digits than an exact 64-bit amount can hold.
    case tooManyDigits(String)
    /// The amount is beyond what kubegrid holds exactly (about ±8 Pi, in thousandths).
    case outOfRange(String)

    /// The units Kubernetes accepts after a number, in the order people meet them.
    static let units = ["n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    public var description: String {
        switch self {
        case .empty:
            return "a quantity cannot be empty; write a number with an optional unit, such as 300Mi, 0.5 or 100m"
        case .notANumber(let text):
            return "\"\(text)\" is not a quantity: it must start with a number; write e.g. 300Mi, 0.5 or 100m"
        case .unknownSuffix(let text, let suffix):
            var message = "\"\(text)\" is not a quantity: unknown unit \"\(suffix)\"; use one of "
                + Self.units.joined(separator: ", ") + " or an exponent such as e3"
            if suffix.uppercased().hasSuffix("B") {
                message += " (units have no B: Mi is mebibytes, M is megabytes)"
            }
            return message
        case .tooManyDigits(let text):
            return "\"\(text)\" is not a quantity kubegrid can hold exactly: use at most 18 significant digits"
        case .outOfRange(let text):
            return "\"\(text)\" is out of the range kubegrid holds exactly (about ±8Pi); use a smaller amount"
        }
    }
}
