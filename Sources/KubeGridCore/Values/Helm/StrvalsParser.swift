/// Reads one `--set`, `--set-string`, `--set-json`, `--set-file` or `--set-literal`
/// expression into a values tree, the way Helm v4's `strvals` package does.
///
/// The grammar is Helm's: `a.b=1,c[2]=x,d={e,f}`, with `\` escaping the next character
/// (not in `--set-literal`). The parser walks the text once, rune by rune, and writes into
/// a map that may already hold values from files and earlier flags, so a key path that
/// runs into a value of the wrong kind fails as it does in Helm. Where Helm stops quietly
/// at the end of the text (`a[0]`, `a.`), so does this parser, keeping what was set.
struct StrvalsParser {
    /// How the text after `=` becomes a value.
    enum Mode {
        /// `--set`: typed scalars and `{a,b}` lists.
        case typed
        /// `--set-string`: strings and `{a,b}` lists of strings.
        case string
        /// `--set-json`: one JSON value after each `=`.
        case json
        /// `--set-file`: the value is a path, replaced by the file's text.
        case file
        /// `--set-literal`: one key; the rest of the text is the value, verbatim.
        case literal
    }

    /// Reads the text of a `--set-file` path.
    typealias FileReader = (String) throws(SetExpressionProblem) -> String

    private var scanner: RuneScanner
    private let mode: Mode
    private let readFile: FileReader
    /// Where the assignment being read starts, to show what was written in messages.
    private var assignmentStart = 0
    /// How many `[N]` the key being read has gone through, each one a level of recursion.
    private var indexDepth = 0

    init(_ expression: String, mode: Mode, readFile: @escaping FileReader = { path throws(SetExpressionProblem) in
        throw .unreadableFile(path: path, reason: "files are not available here")
    }) {
        self.scanner = RuneScanner(expression)
        self.mode = mode
        self.readFile = readFile
    }

    /// Reads every assignment of the expression into `data`.
    mutating func parse(into data: GoMap) throws(SetExpressionProblem) {
        while true {
            assignmentStart = scanner.position
            do {
                if mode == .literal {
                    try literalKey(data, level: 0, path: "")
                } else {
                    try key(data, level: 0, path: "")
                }
            } catch {
                // Helm treats any error that wraps the end of input as a normal end.
                if case .problem(let problem) = error { throw problem }
                return
            }
        }
    }

    // MARK: - Keys

    private mutating func key(_ data: GoMap, level: Int, path: String) throws(Failure) {
        let (name, stop) = scanner.runes(until: ["=", "[", ",", "."], escapes: true)
        let here = Self.join(path, name)
        guard let stop else {
            if name.isEmpty { throw .endOfInput }
            throw .problem(.keyWithoutValue(key: name, written: written()))
        }
        switch stop {
        case "[":
            try indexedKey(data, name, path: here, level: level, escapes: true)
        case "=":
            try assign(to: data, name, path: here)
        case ",":
            Self.set(data, name, .scalar(.string("")))
            throw .problem(.keyBeforeComma(key: name, written: String(written().dropLast())))
        default:  // "."
            try descend(into: data, name, level: level, path: here) { (parser, inner, level) throws(Failure) in
                try parser.key(inner, level: level, path: here)
            }
        }
    }

    /// `name[i]…`: item `i` of the list under `name` (a new list when there is none) is
    /// read next; anything but a list already there is an error.
    private mutating func indexedKey(
        _ data: GoMap, _ name: String, path here: String, level: Int, escapes: Bool
    ) throws(Failure) {
        let index = try self.index(path: here, escapes: escapes)
        var list = GoList()
        if let existing = data[name] {
            guard case .list(let found) = existing else {
                throw .problem(.notAList(path: here, found: existing.kindDescription))
            }
            list = found
        }
        let (result, failure) = listItem(list, index, level: level, path: "\(here)[\(index)]")
        Self.set(data, name, .list(result))
        if let failure { throw failure }
    }

    private mutating func literalKey(_ data: GoMap, level: Int, path: String) throws(Failure) {
        let (name, stop) = scanner.runes(until: ["=", "[", "."], escapes: false)
        let here = Self.join(path, name)
        guard let stop else {
            if name.isEmpty { throw .endOfInput }
            throw .problem(.keyWithoutValue(key: name, written: written()))
        }
        switch stop {
        case "=":
            Self.set(data, name, .scalar(.string(scanner.rest())))
        case "[":
            try indexedKey(data, name, path: here, level: level, escapes: false)
        default:  // "."
            try descend(into: data, name, level: level, path: here) { (parser, inner, level) throws(Failure) in
                try parser.literalKey(inner, level: level, path: here)
            }
        }
    }

    /// `name.` then more key: finds or makes the map at `name` and reads the rest into it.
    private mutating func descend(
        into data: GoMap, _ name: String, level: Int, path: String,
        rest: (inout StrvalsParser, GoMap, Int) throws(Failure) -> Void
    ) throws(Failure) {
        let level = level + 1
        if level > StrvalsLimits.maximumNesting {
            throw .problem(.tooDeep(limit: StrvalsLimits.maximumNesting))
        }
        var inner = GoMap()
        if let existing = data[name] {
            guard case .map(let found) = existing else {
                throw .problem(.notAMap(path: path, found: existing.kindDescription))
            }
            inner = found
        }
        var failure: Failure?
        do {
            try rest(&self, inner, level)
        } catch {
            failure = error
        }
        if failure == nil && inner.isEmpty {
            throw .problem(.dotWithoutKey(path: path))
        }
        if !inner.isEmpty { Self.set(data, name, .map(inner)) }
        if let failure { throw failure }
    }

    // MARK: - Values

    /// `name=` then a value, in every mode but literal.
    private mutating func assign(to data: GoMap, _ name: String, path: String) throws(Failure) {
        if mode == .json {
            if scanner.skipEmptyValue() {
                Self.set(data, name, .null)
                return
            }
            Self.set(data, name, try jsonValue())
            _ = scanner.skipEmptyValue()
            return
        }
        switch try valueList() {
        case .list(let items):
            Self.set(data, name, .list(GoList(items)))
        case .endOfInput:
            Self.set(data, name, .scalar(.string("")))
            throw .endOfInput
        case .notAList:
            let text = scanner.runes(until: [","], escapes: true).text
            Self.set(data, name, try value(of: text))
        }
    }

    private enum ListOutcome {
        case list([GoValue])
        case endOfInput
        case notAList
    }

    /// `{a,b,c}`, or word that the value is not a list.
    private mutating func valueList() throws(Failure) -> ListOutcome {
        guard let first = scanner.next() else { return .endOfInput }
        guard first == "{" else {
            scanner.unread()
            return .notAList
        }
        var items: [GoValue] = []
        while true {
            let (text, stop) = scanner.runes(until: [",", "}"], escapes: true)
            guard let stop else { throw .problem(.unterminatedList) }
            items.append(try value(of: text))
            if stop == "}" {
                if let next = scanner.next(), next != "," { scanner.unread() }
                return .list(items)
            }
        }
    }

    /// The value of the text after `=` (or of one list item).
    private func value(of text: String) throws(Failure) -> GoValue {
        switch mode {
        case .typed:
            return GoValue(copying: HelmScalar.typed(text))
        case .file:
            do {
                return .scalar(.string(try readFile(text)))
            } catch {
                throw .problem(error)
            }
        default:
            return .scalar(.string(text))
        }
    }

    /// One JSON value at the scanner, which Helm reads with Go's `json.Decoder`.
    private mutating func jsonValue() throws(Failure) -> GoValue {
        let rest = scanner.rest(consuming: false)
        do {
            let token = Self.goStopsEarly(rest) ?? rest
            let (value, consumedBytes) = try JSONReader.parseLeadingValue(token, integersAsReals: true)
            scanner.advance(byUTF8Count: consumedBytes)
            return GoValue(copying: HelmScalar.goNumbers(value))
        } catch {
            throw .problem(.badJSON(reason: "\(Self.jsonReason(error))"))
        }
    }

    /// The token Go's decoder stops after where jansson would read on and fail.
    ///
    /// Go ends `true`, `false` and `null` after their last letter and a number after a
    /// leading zero (`truex=1` is `true` then the key `x`; `01=2` is `0` then the key
    /// `1`); jansson takes `truex` and `01` as one bad token.
    static func goStopsEarly(_ text: String) -> String? {
        for word in ["true", "false", "null"] where text.hasPrefix(word) {
            return word
        }
        let sign = text.hasPrefix("-") ? "-" : ""
        let digits = text.utf8.dropFirst(sign.count)
        if digits.count >= 2, digits.first == UInt8(ascii: "0"),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[digits.index(after: digits.startIndex)])
        {
            return sign + "0"
        }
        return nil
    }

    private static func jsonReason(_ error: JSONError) -> String {
        if case .malformed(_, _, _, let reason) = error { return reason }
        return error.description
    }

    // MARK: - Lists

    /// `[N]` has been read: reads what follows into `list` at `index`.
    ///
    /// Returns the list to store (a new one when it grew) and the failure, if any; like
    /// Helm, a failure still stores the list as it stands.
    private mutating func listItem(
        _ list: GoList, _ index: Int, level: Int, path: String
    ) -> (GoList, Failure?) {
        if index < 0 { return (list, .problem(.negativeIndex(index))) }
        // Helm has no such limit, but here each index is a stack frame: bound them before the stack is.
        indexDepth += 1
        defer { indexDepth -= 1 }
        if indexDepth > StrvalsLimits.maximumIndexDepth {
            return (list, .problem(.tooManyIndexes(limit: StrvalsLimits.maximumIndexDepth)))
        }
        let literal = mode == .literal
        let (text, stop) = scanner.runes(until: ["[", ".", "="], escapes: !literal)
        if !text.isEmpty {
            return (list, .problem(.textAfterIndex(text: text, path: path)))
        }
        guard let stop else { return (list, .endOfInput) }
        switch stop {
        case "=":
            if literal { return Self.setIndex(list, index, .scalar(.string(scanner.rest()))) }
            if mode == .json {
                if scanner.skipEmptyValue() { return Self.setIndex(list, index, .null) }
                let value: GoValue
                do { value = try jsonValue() } catch { return (list, error) }
                let (result, failure) = Self.setIndex(list, index, value)
                if failure != nil { return (result, failure) }
                _ = scanner.skipEmptyValue()
                return (result, nil)
            }
            do {
                switch try valueList() {
                case .list(let items):
                    return Self.setIndex(list, index, .list(GoList(items)))
                case .endOfInput:
                    return Self.setIndex(list, index, .scalar(.string("")))
                case .notAList:
                    let text = scanner.runes(until: [","], escapes: true).text
                    return Self.setIndex(list, index, try value(of: text))
                }
            } catch {
                return (list, error)
            }
        case "[":
            let next: Int
            do { next = try self.index(path: path, escapes: !literal) } catch { return (list, error) }
            var current = GoList()
            if index < list.items.count, !list.items[index].isNull {
                guard case .list(let found) = list.items[index] else {
                    return (list, .problem(.notAList(path: path, found: list.items[index].kindDescription)))
                }
                current = found
            }
            let (inner, failure) = listItem(current, next, level: level, path: "\(path)[\(next)]")
            if let failure { return (list, failure) }
            return Self.setIndex(list, index, .list(inner))
        default:  // "."
            var inner = GoMap()
            if index < list.items.count {
                if case .map(let found) = list.items[index] {
                    inner = found
                } else {
                    // Helm replaces whatever sat there, in place, before reading on.
                    list.items[index] = .map(inner)
                }
            }
            do {
                if literal {
                    try literalKey(inner, level: level, path: path)
                } else {
                    try key(inner, level: level, path: path)
                }
            } catch {
                return (list, error)
            }
            return Self.setIndex(list, index, .map(inner))
        }
    }

    /// The index between `[` and `]`, read as Go's `strconv.Atoi` reads it.
    private mutating func index(path: String, escapes: Bool = true) throws(Failure) -> Int {
        let (text, stop) = scanner.runes(until: ["]"], escapes: escapes)
        guard stop != nil else { throw .endOfInput }
        switch GoDecimal.parse(text) {
        case .value(let index): return index
        case .outOfRange: throw .problem(.indexOutOfRange(text: text))
        case .invalid: throw .problem(.badIndex(text: text, path: path))
        }
    }

    private static func setIndex(_ list: GoList, _ index: Int, _ value: GoValue) -> (GoList, Failure?) {
        if index < 0 { return (list, .problem(.negativeIndex(index))) }
        if index > StrvalsLimits.maximumIndex {
            return (list, .problem(.indexTooLarge(index, limit: StrvalsLimits.maximumIndex)))
        }
        if list.items.count <= index {
            var items = list.items
            items.append(contentsOf: repeatElement(GoValue.null, count: index + 1 - items.count))
            items[index] = value
            return (GoList(items), nil)
        }
        list.items[index] = value
        return (list, nil)
    }

    // MARK: - Helpers

    /// Helm never stores an empty key.
    private static func set(_ data: GoMap, _ key: String, _ value: GoValue) {
        if !key.isEmpty { data[key] = value }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    /// The text of the current assignment read so far.
    private func written() -> String {
        scanner.text(from: assignmentStart)
    }

    /// Why reading stopped: Helm's `io.EOF` (a quiet end), or a problem to report.
    enum Failure: Error {
        case endOfInput
        case problem(SetExpressionProblem)
    }
}
