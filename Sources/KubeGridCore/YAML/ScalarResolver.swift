/// Gives a YAML scalar its type the way Helm reads values files.
///
/// Helm reads YAML with go-yaml v2 (through sigs.k8s.io/yaml), which follows YAML 1.1:
/// `yes`, `on` and `y` are booleans, `0755` is octal, `1e3` is a float, `1_000` is an
/// integer, and a timestamp stays a string. Agreeing with it here is what lets
/// `kubegrid values` agree with `helm` on any chart.
enum ScalarResolver {
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trues: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falses: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    private static let specialFloats: [String: Double] = [
        ".nan": .nan, ".NaN": .nan, ".NAN": .nan,
        ".inf": .infinity, ".Inf": .infinity, ".INF": .infinity,
        "+.inf": .infinity, "+.Inf": .infinity, "+.INF": .infinity,
        "-.inf": -.infinity, "-.Inf": -.infinity, "-.INF": -.infinity,
    ]

    /// The value of an untagged plain scalar.
    static func resolvePlain(_ text: String) -> Values {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
            UInt8(ascii: "O"):
            // The only first letters of the words below; most plain text (names, images) has another.
            if text.utf8.count <= 5 {
                if nulls.contains(text) { return .null }
                if trues.contains(text) { return .bool(true) }
                if falses.contains(text) { return .bool(false) }
            }
            return .string(text)
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            if let special = specialFloats[text] { return .float(special) }
        default:
            break
        }
        switch first {
        case UInt8(ascii: "."):
            if isYAMLStyleFloat(text.utf8[...]), let number = Double(text), number.isFinite {
                return .float(number)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            let plain = text.replacing("_", with: "")
            if let integer = GoNumberSyntax.parseInt(plain) { return .int(integer) }
            if let unsigned = GoNumberSyntax.parseUnsigned(plain) { return .float(Double(unsigned)) }
            if isYAMLStyleFloat(plain.utf8[...]), let number = Double(plain), number.isFinite {
                return .float(number)
            }
        default:
            break
        }
        return .string(text)
    }

    /// The value of a scalar with an explicit tag such as `!!str` or `!!int`.
    ///
    /// Tags kubegrid does not know (`!custom`) leave the text a string, as Helm does.
    static func resolveTagged(_ text: String, tag: String, at position: SourcePosition) throws(YAMLError) -> Values {
        let short = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        switch short {
        case "!!str", "!", "!!binary", "!!timestamp":
            return .string(text)
        case "!!null", "!!bool", "!!int", "!!float":
            let value = resolvePlain(text)
            switch (short, value) {
            case ("!!null", .null), ("!!bool", .bool), ("!!int", .int), ("!!float", .float):
                return value
            case ("!!float", .int(let integer)):
                return .float(Double(integer))
            default:
                throw .badTag(position, tag: short, value: text)
            }
        default:
            return .string(text)
        }
    }

    /// go-yaml's float pattern: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func isYAMLStyleFloat(_ text: Substring.UTF8View) -> Bool {
        var index = text.startIndex
        func digits() -> Int {
            var count = 0
            while index < text.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) {
                text.formIndex(after: &index)
                count += 1
            }
            return count
        }
        func accept(_ characters: String) -> Bool {
            guard index < text.endIndex, characters.utf8.contains(text[index]) else { return false }
            text.formIndex(after: &index)
            return true
        }
        _ = accept("+-")
        if accept(".") {
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if accept(".") { _ = digits() }
        }
        if accept("eE") {
            _ = accept("+-")
            guard digits() > 0 else { return false }
        }
        return index == text.endIndex
    }
}
