/// The lines of a block-style YAML file, with the measures a line-by-line edit needs:
/// where an entry's lines end, which comments belong to it, where its key is.
///
/// libyaml gives each key's line and column; the rest follows from indentation, which
/// in block style is what nests one entry in another. Editing lines rather than writing
/// the tree out again keeps every comment and the user's own spelling of each value.
struct BlockLines {
    var lines: [String]
    /// Whether the text ended with a line break.
    var endsWithNewline: Bool

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
    }

    var text: String {
        lines.joined(separator: "\n") + (endsWithNewline || lines.isEmpty ? "\n" : "")
    }

    static func indentation(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    static func isComment(_ line: String) -> Bool {
        line.drop { $0 == " " }.first == "#"
    }

    /// The lines of the entry whose key starts line `index` at `indent`: the key line and
    /// every line after it that is blank or indented deeper, without trailing blank lines.
    func extent(of index: Int, indent: Int) -> Range<Int> {
        var end = index + 1
        while end < lines.count, Self.isBlank(lines[end]) || Self.indentation(of: lines[end]) > indent {
            end += 1
        }
        while end > index + 1, Self.isBlank(lines[end - 1]) { end -= 1 }
        return index..<end
    }

    /// Where the comment lines right above line `index`, at its indentation, begin.
    func attachedComments(of index: Int, indent: Int) -> Int {
        var start = index
        while start > 0, Self.isComment(lines[start - 1]), Self.indentation(of: lines[start - 1]) == indent {
            start -= 1
        }
        return start
    }

    /// The end (exclusive, in characters) of the key that starts at `column` of line `index`.
    func keyEnd(line index: Int, column: Int) -> Int {
        let characters = Array(lines[index])
        guard column < characters.count else { return column }
        if characters[column] == "\"" || characters[column] == "'" {
            var end = column + 1
            while end < characters.count, characters[end] != characters[column] { end += 1 }
            return min(end + 1, characters.count)
        }
        var end = column
        while end < characters.count, !(characters[end] == ":" && (end + 1 == characters.count || characters[end + 1] == " ")) {
            end += 1
        }
        return end
    }

    /// The lines shifted right (or left) by `delta` spaces; blank lines stay blank.
    static func shifted(_ lines: some Collection<String>, by delta: Int) -> [String] {
        lines.map { line in
            if isBlank(line) { return "" }
            if delta >= 0 { return String(repeating: " ", count: delta) + line }
            return String(line.dropFirst(min(-delta, indentation(of: line))))
        }
    }
}
