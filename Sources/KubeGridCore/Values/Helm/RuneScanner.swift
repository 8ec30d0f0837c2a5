/// Reads an expression one Unicode scalar at a time, as Go's `bytes.Buffer.ReadRune` does.
struct RuneScanner {
    private let runes: [Unicode.Scalar]
    /// The index of the next rune to read.
    private(set) var position = 0

    init(_ text: String) {
        runes = Array(text.unicodeScalars)
    }

    mutating func next() -> Unicode.Scalar? {
        guard position < runes.count else { return nil }
        defer { position += 1 }
        return runes[position]
    }

    /// Steps back over the rune just read.
    mutating func unread() {
        position -= 1
    }

    /// Reads up to and including the first rune in `stops`, and returns the runes before it.
    ///
    /// `stop` is nil when the text ran out first, also when it ends in a lone backslash.
    /// With `escapes`, a backslash makes the next rune part of the text whatever it is.
    mutating func runes(until stops: [Unicode.Scalar], escapes: Bool) -> (text: String, stop: Unicode.Scalar?) {
        var text = String.UnicodeScalarView()
        while let rune = next() {
            if stops.contains(rune) { return (String(text), rune) }
            if escapes && rune == "\\" {
                guard let escaped = next() else { return (String(text), nil) }
                text.append(escaped)
            } else {
                text.append(rune)
            }
        }
        return (String(text), nil)
    }

    /// The rest of the text; consumed unless `consuming` is false.
    mutating func rest(consuming: Bool = true) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: runes[position...])
        if consuming { position = runes.count }
        return String(text)
    }

    /// Skips white space up to a comma (consumed) or the end: true when no value follows.
    ///
    /// Helm's `emptyVal`: another rune means a value starts there, and it is left unread.
    mutating func skipEmptyValue() -> Bool {
        while let rune = next() {
            if rune == "," { return true }
            if !rune.properties.isWhitespace {
                unread()
                return false
            }
        }
        return true
    }

    /// Moves past as many runes as make up `count` UTF-8 bytes.
    mutating func advance(byUTF8Count count: Int) {
        var remaining = count
        while remaining > 0, position < runes.count {
            remaining -= UTF8.width(runes[position])
            position += 1
        }
    }

    /// The text from rune index `start` up to the current position.
    func text(from start: Int) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: runes[start..<position])
        return String(text)
    }
}
