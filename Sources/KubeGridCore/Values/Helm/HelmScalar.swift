/// How Helm gives types to the values it reads from the command line.
enum HelmScalar {
    /// The value of `--set key=text`: Helm's `typedVal`.
    ///
    /// `true`, `false` and `null` in any case (Go's case folding, so `falſe` is false too),
    /// and base-10 integers that fit in 64 bits and do not start with `0` (`+5`, `-05`;
    /// `0` itself is zero). Everything else, `1.5` and `0x10` included, stays a string.
    static func typed(_ text: String) -> Values {
        if equalFold(text, "true") { return .bool(true) }
        if equalFold(text, "false") { return .bool(false) }
        if equalFold(text, "null") { return .null }
        if text == "0" { return .int(0) }
        if let first = text.utf8.first, first != UInt8(ascii: "0"), case .value(let number) = GoDecimal.parse(text) {
            return .int(number)
        }
        return .string(text)
    }

    /// Go's `strings.EqualFold` against a lowercase ASCII word.
    ///
    /// Simple case folding adds two non-ASCII runes to the ASCII pairs: the long s (ſ)
    /// folds to s and the Kelvin sign (K) to k.
    static func equalFold(_ text: String, _ word: String) -> Bool {
        var runes = text.unicodeScalars.makeIterator()
        for letter in word.unicodeScalars {
            guard let rune = runes.next() else { return false }
            if rune == letter { continue }
            if rune.isASCII, Character(rune).lowercased() == String(letter) { continue }
            if rune == "\u{017F}" && letter == "s" { continue }
            if rune == "\u{212A}" && letter == "k" { continue }
            return false
        }
        return runes.next() == nil
    }

    /// A JSON value as Go's `encoding/json` leaves it: every number a float64.
    ///
    /// Whole floats that a double holds exactly are kept as integers, which is how Helm
    /// writes them back out (`1.0` and `1e2` print as `1` and `100`).
    static func goNumbers(_ value: Values) -> Values {
        switch value {
        case .float(let number):
            if number.rounded(.towardZero) == number, number.magnitude <= 9_007_199_254_740_992 {
                return .int(Int(number))
            }
            return value
        case .list(let items):
            return .list(items.map(goNumbers))
        case .map(let map):
            return .map(map.mapValues(goNumbers))
        default:
            return value
        }
    }
}

/// Go's `strconv.Atoi` / `ParseInt(text, 10, 64)`: an optional sign and decimal digits.
enum GoDecimal {
    enum Outcome: Equatable {
        case value(Int)
        case invalid
        case outOfRange
    }

    static func parse(_ text: String) -> Outcome {
        var digits = Substring(text).utf8[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return .invalid }
        var magnitude: UInt64 = 0
        var overflow = false
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return .invalid }
            let (shifted, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if overflowA || overflowB { overflow = true }
            magnitude = sum
        }
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit { return .outOfRange }
        if negative { return .value(magnitude == limit ? Int.min : -Int(magnitude)) }
        return .value(Int(magnitude))
    }
}
