/// Go's `strconv.ParseInt(s, 0, 64)` and `ParseUint(s, 0, 64)`, which Helm's YAML reader uses.
///
/// Base prefixes `0x`, `0o`, `0b`, and a leading `0` for octal; an optional sign for the
/// signed form; the result must fit in 64 bits.
enum GoNumberSyntax {
    static func parseInt(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let magnitude = parseMagnitude(body) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int(magnitude)
    }

    static func parseUnsigned(_ text: String) -> UInt64? {
        parseMagnitude(Substring(text))
    }

    private static func parseMagnitude(_ text: Substring) -> UInt64? {
        var body = text
        var radix: UInt64 = 10
        let lower = body.prefix(2).lowercased()
        if lower == "0x" {
            radix = 16
            body = body.dropFirst(2)
        } else if lower == "0o" {
            radix = 8
            body = body.dropFirst(2)
        } else if lower == "0b" {
            radix = 2
            body = body.dropFirst(2)
        } else if body.count > 1, body.first == "0" {
            radix = 8
        }
        guard !body.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in body.utf8 {
            guard let digit = asciiDigitValue(byte), digit < radix else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            value = sum
        }
        return value
    }

    private static func asciiDigitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt64(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
