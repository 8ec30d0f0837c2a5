/// Tells which strings a YAML reader would take for something other than a string.
///
/// Kubernetes reads manifests with YAML 1.1 rules (go-yaml v2), and other tools use
/// YAML 1.2, so a string is quoted when either would read it as a null, a boolean, a
/// number or a timestamp: `y`, `off`, `0755`, `1e3`, `1_000`, `12:30`, `.inf`,
/// `2024-01-01`. Everything else is left to libyaml, which quotes what its own syntax needs.
enum ImplicitTypes {
    private static let words: Set<String> = [
        "", "~", "null", "y", "n", "yes", "no", "on", "off", "true", "false",
        ".inf", "+.inf", "-.inf", ".nan", "<<", "=",
    ]

    /// True when `text` must be quoted to stay a string.
    static func isAmbiguous(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isAmbiguous(utf8: $0) }
    }

    static func isAmbiguous(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            // The patterns cover every number and timestamp but those with `_` (see below),
            // so the reader runs only for those: a render meets many quantities (`400Mi`).
            return isNumberLike(bytes) || isTimestamp(bytes) || isWord(bytes)
                || (bytes.contains(UInt8(ascii: "_")) && isReadAsNonString(bytes))
        case UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="),
            UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isWord(bytes)
        default:
            // Most strings (names, images, paths) start elsewhere and need no look at all.
            return false
        }
    }

    /// One of the reserved words, in any case.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 5 else { return false }
        return words.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }

    /// What kubegrid's own reader makes of the text, the last word on what reads back.
    ///
    /// Helm's reader drops every `_` before it tries a number, so `1_e_5` and `0_x1` are
    /// numbers there, which the patterns below do not foresee.
    private static func isReadAsNonString(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .string = ScalarResolver.resolvePlain(String(decoding: bytes, as: UTF8.self)) { return false }
        return true
    }

    /// Integers in any base YAML knows, floats with or without a dot, sexagesimal numbers.
    private static func isNumberLike(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(bytes)
        _ = cursor.accept("+-")
        let start = cursor.index
        if cursor.accept("0"), cursor.accept("xXoObB") {
            return cursor.digits(allowing: "0123456789abcdefABCDEF_") > 0 && cursor.atEnd
        }
        cursor.index = start
        let integerDigits = cursor.digits(allowing: "0123456789_")
        var sawDigit = integerDigits > 0
        while cursor.accept(":") {
            // Sexagesimal: 1:30, 190:20:30.
            guard sawDigit, cursor.digits(allowing: "0123456789") > 0 else { return false }
        }
        if cursor.accept(".") {
            sawDigit = cursor.digits(allowing: "0123456789_") > 0 || sawDigit
        }
        guard sawDigit else { return false }
        if cursor.accept("eE") {
            _ = cursor.accept("+-")
            guard cursor.digits(allowing: "0123456789") > 0 else { return false }
        }
        return cursor.atEnd
    }

    /// `2001-12-14`, `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`.
    private static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(bytes)
        guard cursor.digits(allowing: "0123456789") == 4, cursor.accept("-"),
            (1...2).contains(cursor.digits(allowing: "0123456789")), cursor.accept("-"),
            (1...2).contains(cursor.digits(allowing: "0123456789"))
        else { return false }
        if cursor.atEnd { return true }
        guard cursor.accept("Tt") || cursor.digits(allowing: " \t") > 0 else { return false }
        guard (1...2).contains(cursor.digits(allowing: "0123456789")), cursor.accept(":"),
            cursor.digits(allowing: "0123456789") == 2, cursor.accept(":"),
            cursor.digits(allowing: "0123456789") == 2
        else { return false }
        if cursor.accept(".") { _ = cursor.digits(allowing: "0123456789") }
        _ = cursor.digits(allowing: " \t")
        if cursor.accept("Z") { return cursor.atEnd }
        if cursor.accept("+-") {
            guard (1...2).contains(cursor.digits(allowing: "0123456789")) else { return false }
            if cursor.accept(":") { guard cursor.digits(allowing: "0123456789") == 2 else { return false } }
        }
        return cursor.atEnd
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func accept(_ characters: StaticString) -> Bool {
            guard index < bytes.count, contains(characters, bytes[index]) else { return false }
            index += 1
            return true
        }

        mutating func digits(allowing characters: StaticString) -> Int {
            let start = index
            while index < bytes.count, contains(characters, bytes[index]) { index += 1 }
            return index - start
        }

        private func contains(_ characters: StaticString, _ byte: UInt8) -> Bool {
            characters.withUTF8Buffer { $0.contains(byte) }
        }
    }
}
