/// The values flags of one command line: `-f` files and the `--set` family, each in order.
public struct ValuesOptions: Sendable, Hashable {
    /// `-f/--values` files, `-` for standard input.
    public var valueFiles: [String]
    /// `--set` expressions.
    public var set: [String]
    /// `--set-string` expressions.
    public var setString: [String]
    /// `--set-json` expressions, `key=JSON` or a whole JSON object.
    public var setJSON: [String]
    /// `--set-file` expressions, `key=PATH`.
    public var setFile: [String]
    /// `--set-literal` expressions, `key=TEXT`.
    public var setLiteral: [String]

    public init(
        valueFiles: [String] = [], set: [String] = [], setString: [String] = [],
        setJSON: [String] = [], setFile: [String] = [], setLiteral: [String] = []
    ) {
        self.valueFiles = valueFiles
        self.set = set
        self.setString = setString
        self.setJSON = setJSON
        self.setFile = setFile
        self.setLiteral = setLiteral
    }

    /// True when no flag was given.
    public var isEmpty: Bool {
        valueFiles.isEmpty && set.isEmpty && setString.isEmpty && setJSON.isEmpty && setFile.isEmpty
            && setLiteral.isEmpty
    }

    /// The user's values: what Helm v4's `MergeValues` builds before the chart's defaults.
    ///
    /// Files first, in order, each deep-merged over the ones before (maps merge, anything
    /// else replaces); then every `--set-json`, `--set`, `--set-string`, `--set-file` and
    /// `--set-literal`, in that order, each written into the tree built so far.
    public func merge(files: some FileSource) throws(ValuesError) -> Values {
        var base = GoMap()
        for path in valueFiles {
            if Self.isURL(path) { throw .remoteValuesFile(path) }
            let bytes: [UInt8]
            do {
                bytes = try files.contents(of: path)
            } catch {
                throw .unreadableValuesFile(error)
            }
            let source = StandardInput.displayName(of: path)
            base = HelmMaps.merge(base, try HelmValuesFile.read(bytes, source: source))
        }
        for expression in setJSON {
            let trimmed = expression.trimmingWhiteSpace()
            if trimmed.hasPrefix("{") {
                base = HelmMaps.merge(base, try Self.jsonObject(trimmed, expression: expression))
            } else {
                try Self.parse(expression, .setJSON, mode: .json, into: base)
            }
        }
        for expression in set { try Self.parse(expression, .set, mode: .typed, into: base) }
        for expression in setString { try Self.parse(expression, .setString, mode: .string, into: base) }
        for expression in setFile {
            try Self.parse(expression, .setFile, mode: .file, into: base) { path throws(SetExpressionProblem) in
                do throws(FileReadError) {
                    return String(decoding: try files.contents(of: path), as: UTF8.self)
                } catch {
                    throw .unreadableFile(path: path, reason: error.reason)
                }
            }
        }
        for expression in setLiteral { try Self.parse(expression, .setLiteral, mode: .literal, into: base) }
        return .map(base.frozen)
    }

    private static func parse(
        _ expression: String, _ flag: ValuesFlagKind, mode: StrvalsParser.Mode, into base: GoMap,
        readFile: StrvalsParser.FileReader? = nil
    ) throws(ValuesError) {
        var parser = readFile.map { StrvalsParser(expression, mode: mode, readFile: $0) }
            ?? StrvalsParser(expression, mode: mode)
        do {
            try parser.parse(into: base)
        } catch {
            throw .badExpression(flag: flag, expression: expression, problem: error)
        }
    }

    /// `--set-json '{…}'`: one JSON object, merged like a values file.
    private static func jsonObject(_ text: String, expression: String) throws(ValuesError) -> GoMap {
        let value: Values
        do {
            value = try JSONReader.parseReadingNumbersAsReals(text, source: "--set-json")
        } catch {
            if case .malformed(_, _, _, let reason) = error { throw .badJSONObject(expression: expression, reason: reason) }
            throw .badJSONObject(expression: expression, reason: error.description)
        }
        guard case .map(let map) = HelmScalar.goNumbers(value) else {
            throw .badJSONObject(expression: expression, reason: "the text is \(value.kindDescription), not an object")
        }
        return GoMap(copying: map)
    }

    /// Helm fetches `http://` and `https://` values files; kubegrid works offline.
    private static func isURL(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("oci://")
    }
}
