/// What can go wrong reading or writing JSON.
public enum JSONError: Error, CustomStringConvertible, Equatable {
    /// The text is not valid JSON; `line` and `column` are 1-based.
    case malformed(source: String, line: Int, column: Int, reason: String)
    /// The tree holds a number JSON cannot express (NaN or an infinity).
    case unrepresentable(path: String, value: String)

    public var description: String {
        switch self {
        case .malformed(let source, let line, let column, let reason):
            return "\(source):\(line):\(column): invalid JSON: \(reason); check the syntax there"
        case .unrepresentable(let path, let value):
            let place = path.isEmpty ? "" : "\(path): "
            return "\(place)\(value) cannot be written as JSON; use a finite number or --output yaml"
        }
    }
}
