/// Writes `Values` trees as block-style YAML through libyaml's emitter
/// (``YAMLEventEmitter``, which decides the quoting). Lines are never folded.
public struct YAMLWriter: Sendable {
    public init() {}

    /// The YAML text of one document, without a `---` line, ending in a newline.
    public func document(_ values: Values) throws(YAMLError) -> String {
        var bytes: [UInt8] = []
        try append(values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the YAML text of one document (no `---` line) to `output`.
    public func append(_ values: Values, to output: inout [UInt8]) throws(YAMLError) {
        try YAMLEventEmitter.document(appendingTo: &output) { $0.node(values) }
    }

    /// A float as YAML reads it back as a float: `0.5`, `1.0`, `1e+20`, `.inf`, `.nan`.
    public static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return number.description
    }

    /// The text of a scalar that is not a string.
    static func plainText(of values: Values) -> String? {
        switch values {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return text(of: number)
        case .string, .list, .map: return nil
        }
    }
}
