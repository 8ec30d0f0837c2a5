import KubeGridCore

/// The properties every fuzz input must keep, one check per fuzz target.
///
/// The libFuzzer targets in `Fuzz/` trap on a `Violation`; the corpus replay test in
/// `Tests/KubeGridCoreTests/Fuzzing` (which links this very file) expects none. A crash
/// inside the library is caught by both the same way: the process dies.
public enum FuzzOracles {
    /// An input on which the library broke one of its promises.
    public struct Violation: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Trees bigger than this (aliases counted at full size) skip the round trips: they are
    /// legal, but writing them out makes one input take seconds.
    static let roundTripBudget = 100_000

    // MARK: - YAML

    /// Reads `bytes` as a YAML stream; every document must write back as YAML that reads
    /// as the same tree (key order included, NaN equal to NaN), and as JSON that reads
    /// back the same where JSON can hold it.
    public static func checkYAML(_ bytes: [UInt8]) throws(Violation) {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLReader(source: "fuzz.yaml", recordsPositions: true).documents(from: bytes)
        } catch {
            try checkMessage(error.description)
            return
        }
        for document in documents {
            if depth(of: document.root) > YAMLReader.maximumDepth {
                throw Violation("the reader built a tree deeper than its limit of \(YAMLReader.maximumDepth)")
            }
            _ = document.position(of: ValuePath(keys: ["a", "b"]).appending(index: 0))
            try checkYAMLRoundTrip(document.root)
            try checkJSONRoundTrip(document.root)
        }
        do {
            _ = try YAMLReader(source: "fuzz.yaml").valuesDocument(from: bytes)
        } catch {
            try checkMessage(error.description)
        }
    }

    // MARK: - JSON

    /// Reads `bytes` as JSON in each of the reader's modes; a whole document must write
    /// back as JSON and as YAML that read as the same tree.
    public static func checkJSON(_ bytes: [UInt8]) throws(Violation) {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let value = try JSONReader.parse(text, source: "fuzz.json")
            try checkJSONRoundTrip(value)
            try checkYAMLRoundTrip(value)
        } catch let violation as Violation {
            throw violation
        } catch {
            try checkMessage("\(error)")
        }
        do {
            let (_, consumed) = try JSONReader.parseLeadingValue(text, integersAsReals: true)
            guard (0...text.utf8.count).contains(consumed) else {
                throw Violation("parseLeadingValue consumed \(consumed) of \(text.utf8.count) bytes")
            }
        } catch let violation as Violation {
            throw violation
        } catch {
            try checkMessage("\(error)")
        }
        do {
            _ = try JSONReader.parseReadingNumbersAsReals(text)
        } catch {
            try checkMessage(error.description)
        }
    }

    // MARK: - The --set family

    /// Reads `bytes` as a command line of values flags, one per line (`--set a=1`,
    /// `--set-json …`, `--set-string …`, `--set-file …`, `--set-literal …`, `-f FILE`;
    /// a line without a flag is a `--set` expression), merged over the files of
    /// `FuzzFiles`. The result must write back as YAML and JSON that read the same, and
    /// coalesce with a chart and trace its origins without trapping.
    public static func checkSetFlags(_ bytes: [UInt8]) throws(Violation) {
        let options = commandLine(bytes)
        let files = FuzzFiles()
        let user: Values
        do {
            user = try options.merge(files: files)
        } catch {
            try checkMessage(error.description)
            return
        }
        guard case .map = user else { throw Violation("the merged values are \(user.kindDescription), not a map") }
        try checkYAMLRoundTrip(user)
        try checkJSONRoundTrip(user)

        let origins = ValueOrigins(options: options, files: files)
        for path in leafPaths(of: user, limit: 64) { _ = origins.origin(of: path) }

        do {
            let effective = try HelmCoalescing.coalesce(user, with: FuzzFiles.chart)
            try checkYAMLRoundTrip(effective)
        } catch let violation as Violation {
            throw violation
        } catch {
            try checkMessage("\(error)")
        }
    }

    /// The flags of a `checkSetFlags` input.
    public static func commandLine(_ bytes: [UInt8]) -> ValuesOptions {
        var options = ValuesOptions()
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            if let file = line.dropPrefix("-f ") { options.valueFiles.append(file) }
            else if let expression = line.dropPrefix("--set-string ") { options.setString.append(expression) }
            else if let expression = line.dropPrefix("--set-json ") { options.setJSON.append(expression) }
            else if let expression = line.dropPrefix("--set-file ") { options.setFile.append(expression) }
            else if let expression = line.dropPrefix("--set-literal ") { options.setLiteral.append(expression) }
            else if let expression = line.dropPrefix("--set ") { options.set.append(expression) }
            else { options.set.append(line) }
        }
        return options
    }

    // MARK: - Shared checks

    static func checkYAMLRoundTrip(_ tree: Values) throws(Violation) {
        guard size(of: tree, budget: roundTripBudget) <= roundTripBudget else { return }
        let text: String
        do {
            text = try YAMLWriter().document(tree)
        } catch {
            throw Violation("a tree that was read cannot be written as YAML: \(error)")
        }
        let back: [YAMLDocument]
        do {
            back = try YAMLReader(source: "written.yaml").documents(from: Array(text.utf8))
        } catch {
            // A tree from JSON or --set may nest deeper than the YAML reader's documented limit.
            if case .tooDeep = error, depth(of: tree) > YAMLReader.maximumDepth { return }
            throw Violation("written YAML does not read back: \(error)\n\(text)")
        }
        guard back.count == 1, identical(back[0].root, tree) else {
            throw Violation("YAML round trip changed \(tree)\nwritten as:\n\(text)\nread back as \(back.map(\.root))")
        }
    }

    static func checkJSONRoundTrip(_ tree: Values) throws(Violation) {
        // JSON has no NaN or infinity, and jansson cannot read a key holding a NUL.
        guard size(of: tree, budget: roundTripBudget) <= roundTripBudget, isFinite(tree), !hasNULKey(tree) else {
            return
        }
        for style in [JSONWriter.Style.pretty, .compact] {
            let text: String
            do {
                text = try JSONWriter.write(tree, style: style)
            } catch {
                throw Violation("a finite tree cannot be written as JSON: \(error)")
            }
            let back: Values
            do {
                back = try JSONReader.parse(text, source: "written.json")
            } catch {
                throw Violation("written JSON does not read back: \(error)\n\(text)")
            }
            guard identical(back, tree) else {
                throw Violation("JSON round trip changed \(tree)\nwritten as:\n\(text)\nread back as \(back)")
            }
        }
    }

    /// Error messages are shown to users: they must say something.
    static func checkMessage(_ message: String) throws(Violation) {
        if message.isEmpty { throw Violation("an error with an empty message") }
    }

    /// Equality with key order, NaN equal to NaN, and -0.0 apart from 0.0 only by sign.
    static func identical(_ a: Values, _ b: Values) -> Bool {
        switch (a, b) {
        case (.float(let x), .float(let y)):
            return x == y || (x.isNaN && y.isNaN)
        case (.list(let xs), .list(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy(identical)
        case (.map(let xs), .map(let ys)):
            return xs.keys.elementsEqual(ys.keys) && zip(xs.values, ys.values).allSatisfy(identical)
        default:
            return a == b
        }
    }

    /// How many values the tree holds, counting stops once past `budget`.
    static func size(of tree: Values, budget: Int) -> Int {
        var count = 0
        var pending = [tree]
        while let next = pending.popLast(), count <= budget {
            count += 1
            switch next {
            case .list(let items): pending.append(contentsOf: items)
            case .map(let map): pending.append(contentsOf: map.values)
            default: break
            }
        }
        return count
    }

    /// How many collections nest at the deepest point (0 for a scalar).
    static func depth(of tree: Values) -> Int {
        switch tree {
        case .list(let items): return 1 + (items.map(depth).max() ?? 0)
        case .map(let map): return 1 + (map.values.map(depth).max() ?? 0)
        default: return 0
        }
    }

    static func isFinite(_ tree: Values) -> Bool {
        switch tree {
        case .float(let number): return number.isFinite
        case .list(let items): return items.allSatisfy(isFinite)
        case .map(let map): return map.values.allSatisfy(isFinite)
        default: return true
        }
    }

    static func hasNULKey(_ tree: Values) -> Bool {
        switch tree {
        case .list(let items): return items.contains(where: hasNULKey)
        case .map(let map): return map.contains { $0.key.utf8.contains(0) || hasNULKey($0.value) }
        default: return false
        }
    }

    static func leafPaths(of tree: Values, limit: Int) -> [ValuePath] {
        var paths: [ValuePath] = []
        var pending: [(ValuePath, Values)] = [(.root, tree)]
        while let (path, value) = pending.popLast(), paths.count < limit {
            switch value {
            case .list(let items):
                for (index, item) in items.enumerated().prefix(limit) { pending.append((path.appending(index: index), item)) }
            case .map(let map):
                for (key, item) in map.prefix(limit) { pending.append((path.appending(key: key), item)) }
            default:
                paths.append(path)
            }
        }
        return paths
    }
}

/// The files a fuzzed command line can name: a few values files and `--set-file` texts.
public struct FuzzFiles: FileSource {
    static let contents: [String: String] = [
        "base.yaml": "m: {k: v, n: 1}\nl: [1, {x: 1}, [2]]\ns: text\nz: null\nsub: {x: 5, global: {g: 2}}\n",
        "docs.yaml": "---\na: 1\n---\n---\nb: [x]\nm: {q: 1}\n",
        "list.yaml": "- 1\n- 2\n",
        "bad.yaml": "a: [1\n",
        "text.txt": "line one\nline two, with a comma\n",
        "-": "stdin: true\n",
    ]

    /// A parent chart with one subchart, defaults that clash with `base.yaml`, and globals.
    public static let chart = HelmChart(
        name: "parent",
        values: [
            "global": ["g": 1, "shared": ["a": 1]], "m": ["k": "default", "d": nil], "l": [9],
            "s": ["not": "a string"], "sub": ["x": 1],
        ],
        dependencies: [
            HelmChart(name: "sub", values: ["global": ["h": 2], "x": 0, "y": ["z": 1, "n": nil]])
        ]
    )

    public init() {}

    public func contents(of path: String) throws(FileReadError) -> [UInt8] {
        let key = path == " -" || path == "- " ? "-" : path
        guard let text = Self.contents[key] else { throw FileReadError(path: path, reason: "no such file") }
        return Array(text.utf8)
    }

    public func directoryEntries(at path: String) -> [String]? { nil }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
