/// `kubegrid values CHART --migrate FILE`: a values file written for GigaSpaces' own
/// charts, rewritten into kubegrid's keys with its comments, order and spelling kept.
///
/// Each step finds the first legacy key still in the file (`LegacyKeys`, and the
/// deprecated spellings the chart models declare), edits the lines it sits on, and
/// reads the file again, so every step sees true positions. Renders of the old and the
/// new file are the same; the new one draws no legacy warnings.
public struct LegacyValuesMigration {
    public var chart: BuiltInChart

    public init(chart: BuiltInChart) {
        self.chart = chart
    }

    /// Why a file cannot be migrated.
    public enum Failure: Error, CustomStringConvertible {
        /// The file is not YAML, or not a map.
        case unreadable(YAMLError)
        /// A legacy key sits in a flow collection that no key at the start of a line holds
        /// (a whole document written as `{…}`), so no block can be written in its place.
        case flowStyle(SourcePosition, path: ValuePath)
        /// An old and a current key disagree; one line per conflict.
        case conflicts([String])

        public var description: String {
            switch self {
            case .unreadable(let error):
                return "\(error)"
            case .flowStyle(let position, let path):
                return "\(position): \(path): cannot migrate a key written in flow style ({…}); write its map in block style (one key per line) and run --migrate again"
            case .conflicts(let lines):
                return lines.joined(separator: "\n")
            }
        }
    }

    /// The migrated text, and a note for every key changed or removed (`file:line:col: key: what`).
    public func migrate(_ text: String, file: String) throws(Failure) -> (text: String, notes: [String]) {
        let original = try read(text, file: file)
        let (_, diagnostics) = LegacyValues.translate(original.root, for: chart)
        let conflicts = diagnostics.errors.map { "\(original.position(of: $0.path ?? .root)): \($0)" }
        guard conflicts.isEmpty else { throw .conflicts(conflicts) }
        var lines = BlockLines(text)
        // Every step removes one legacy key; the bound only guards against a table that loops.
        for _ in 0..<1000 {
            let document = try read(lines.text, file: file)
            guard let (prefix, entry) = nextEntry(in: document.root) else { break }
            do {
                try apply(entry, prefix: prefix, to: &lines, document, file: file)
            } catch .flowStyle(let position, let path) {
                // Lines cannot be edited inside `{…}`: write that map in block style, then go on.
                let keys = path.components.compactMap { component -> String? in
                    if case .key(let key) = component { return key }
                    return nil
                }
                guard try writeInBlockStyle(around: keys, in: &lines, document) else { throw .flowStyle(position, path: path) }
            }
        }
        return (lines.text, diagnostics.map { "\(original.position(of: $0.path ?? .root)): \($0)" })
    }

    func read(_ text: String, file: String) throws(Failure) -> YAMLDocument {
        do {
            return try YAMLReader(source: file, recordsPositions: true).valuesDocument(from: Array(text.utf8))
        } catch {
            throw .unreadable(error)
        }
    }

    /// The legacy keys of the chart: the table's, then the deprecated spellings the
    /// models declare (`service.lrmi.InitialNodePort`), which are renames in place.
    func entries(for chart: BuiltInChart) -> [LegacyKey] {
        LegacyKeys.entries(for: chart) + Self.aliasRenames(chart.schema.fields, under: "")
    }

    private static func aliasRenames(_ fields: [ValueField], under prefix: String) -> [LegacyKey] {
        fields.flatMap { field in
            field.deprecatedAliases.map { LegacyKey(prefix + $0, documented: "documentation", .movedTo(prefix + field.key)) }
                + aliasRenames(field.type.fields, under: prefix + field.key + ".")
        }
    }

    private func nextEntry(in root: Values) -> (prefix: [String], entry: LegacyKey)? {
        for (prefix, subchart) in LegacyValues.placements(of: chart) {
            for entry in entries(for: subchart) where root.value(at: prefix + entry.keys).map(entry.applies) ?? false {
                return (prefix, entry)
            }
        }
        return nil
    }

    // MARK: - One step

    private func apply(_ entry: LegacyKey, prefix: [String], to lines: inout BlockLines, _ document: YAMLDocument, file: String) throws(Failure) {
        let keys = prefix + entry.keys
        let subchart = LegacyValues.placements(of: chart).first { $0.prefix == prefix }?.chart ?? chart
        switch entry.change {
        case .movedTo(let target):
            let targetKeys = prefix + target.split(separator: ".").map(String.init)
            if Array(keys.dropLast()) == Array(targetKeys.dropLast()) {
                try rename(keys, to: targetKeys.last!, in: &lines, document)
            } else if let group = hoistedGroup(keys, targetKeys) {
                try hoist(group, renames: renames(under: group, prefix: prefix, subchart: subchart), in: &lines, document)
            } else {
                let carried = try remove(keys, from: &lines, document, keepingComments: false)
                let moved = try read(lines.text, file: file)
                insert(carried.entryLines(renamedTo: targetKeys.last!), comments: carried.comments, at: targetKeys,
                       near: carried.index, into: &lines, moved, file: file)
            }
        case .translated(let meaning, let rule):
            let value = document.root.value(at: keys) ?? .null
            let writes = rule(value, document.root.value(at: prefix) ?? .emptyMap, subchart.defaults)
                .map { (keys: prefix + $0.path.split(separator: ".").map(String.init), value: $0.value) }
            // A write to the group holding the old key (nodeSelector) replaces the group.
            let removed = writes.first { keys.starts(with: $0.keys) }?.keys ?? keys
            if writes.isEmpty {
                _ = try remove(removed, from: &lines, document, keepingComments: true,
                               note: "\(ValuePath(keys: keys)) (GigaSpaces \(entry.documented): \(meaning)) set nothing here")
                return
            }
            var carried = try remove(removed, from: &lines, document, keepingComments: false)
            for write in writes {
                let current = try read(lines.text, file: file)
                if current.root.value(at: write.keys).map(LegacyKeys.integral) == LegacyKeys.integral(write.value) { continue }
                let written = (try? YAMLWriter().document([write.keys.last!: write.value])) ?? ""
                let entryLines = written.split(separator: "\n").map(String.init)
                insert(entryLines, comments: carried.comments, at: write.keys, near: carried.index, into: &lines, current, file: file)
                carried.comments = []
            }
        case .dropped(let advice):
            _ = try remove(keys, from: &lines, document, keepingComments: true,
                           note: "\(ValuePath(keys: keys)) (GigaSpaces \(entry.documented)): \(advice)")
        }
    }

    /// The key's line and column (0-based), checked to be in block style.
    func keyPosition(_ keys: [String], _ document: YAMLDocument, _ lines: BlockLines) throws(Failure) -> (line: Int, column: Int) {
        let path = ValuePath(keys: keys)
        guard let position = document.positions[path] else { throw .flowStyle(document.start, path: path) }
        let line = position.line - 1, column = position.column - 1
        let before = lines.lines[line].prefix(column)
        guard before.allSatisfy({ $0 == " " }) else { throw .flowStyle(position, path: path) }
        return (line, column)
    }
}
