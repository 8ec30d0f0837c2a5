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

    private func read(_ text: String, file: String) throws(Failure) -> YAMLDocument {
        do {
            return try YAMLReader(source: file, recordsPositions: true).valuesDocument(from: Array(text.utf8))
        } catch {
            throw .unreadable(error)
        }
    }

    /// The legacy keys of the chart: the table's, then the deprecated spellings the
    /// models declare (`service.lrmi.InitialNodePort`), which are renames in place.
    private func entries(for chart: BuiltInChart) -> [LegacyKey] {
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
    private func keyPosition(_ keys: [String], _ document: YAMLDocument, _ lines: BlockLines) throws(Failure) -> (line: Int, column: Int) {
        let path = ValuePath(keys: keys)
        guard let position = document.positions[path] else { throw .flowStyle(document.start, path: path) }
        let line = position.line - 1, column = position.column - 1
        let before = lines.lines[line].prefix(column)
        guard before.allSatisfy({ $0 == " " }) else { throw .flowStyle(position, path: path) }
        return (line, column)
    }

    /// Rewrites the flow collection holding `keys` (`service: {type: NodePort, port: 8200}`)
    /// in block style, from the deepest key written at the start of its line; a comment
    /// after the collection goes on the line above. False when there is no such key.
    private func writeInBlockStyle(around keys: [String], in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) -> Bool {
        var ancestor = Array(keys.dropLast())
        while !ancestor.isEmpty {
            if let (line, column) = try? keyPosition(ancestor, document, lines), let value = document.root.value(at: ancestor) {
                let extent = lines.extent(of: line, indent: column)
                let lastLine = lines.lines[extent.upperBound - 1]
                let closing = lastLine.lastIndex { $0 == "}" || $0 == "]" }
                let trailing = closing.map { lastLine[lastLine.index(after: $0)...] }?.drop { $0 == " " } ?? ""
                var replacement: [String] = []
                if trailing.hasPrefix("#") { replacement.append(String(repeating: " ", count: column) + trailing) }
                let written = (try? YAMLWriter().document([ancestor.last!: value])) ?? ""
                replacement += BlockLines.shifted(written.split(separator: "\n").map(String.init), by: column)
                lines.lines.replaceSubrange(extent, with: replacement)
                return true
            }
            ancestor.removeLast()
        }
        return false
    }

    private func rename(_ keys: [String], to newKey: String, in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) {
        let (line, column) = try keyPosition(keys, document, lines)
        let end = lines.keyEnd(line: line, column: column)
        var characters = Array(lines.lines[line])
        characters.replaceSubrange(column..<end, with: Array(newKey))
        lines.lines[line] = String(characters)
    }

    // MARK: Hoisting a group (service.ports.api.port to service.api.port)

    /// The group whose level a move drops (`service.ports` for `service.ports.api.port` to
    /// `service.api.port`), when the move does nothing else but rename its first key.
    private func hoistedGroup(_ keys: [String], _ target: [String]) -> [String]? {
        guard keys.count == target.count + 1, target.count >= 1 else { return nil }
        // The dropped key is keys[dropped]; the key after it may be renamed as it moves up.
        for dropped in stride(from: target.count - 1, through: 0, by: -1)
        where Array(keys[..<dropped]) == Array(target[..<dropped]) && Array(keys[(dropped + 2)...]) == Array(target[(dropped + 1)...]) {
            return Array(keys[...dropped])
        }
        return nil
    }

    /// The children of `group` that the table renames as they move up (`lookupService` to `lus`).
    private func renames(under group: [String], prefix: [String], subchart: BuiltInChart) -> [String: String] {
        var renames: [String: String] = [:]
        for entry in entries(for: subchart) {
            guard case .movedTo(let target) = entry.change else { continue }
            let keys = prefix + entry.keys, targetKeys = prefix + target.split(separator: ".").map(String.init)
            guard keys.count > group.count, Array(keys[..<group.count]) == group, hoistedGroup(keys, targetKeys) == group else { continue }
            let old = keys[group.count], new = targetKeys[group.count - 1]
            if old != new { renames[old] = new }
        }
        return renames
    }

    private func hoist(_ group: [String], renames: [String: String], in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) {
        let (line, column) = try keyPosition(group, document, lines)
        let extent = lines.extent(of: line, indent: column)
        for (old, new) in renames {
            guard document.positions[ValuePath(keys: group + [old])] != nil else { continue }
            try rename(group + [old], to: new, in: &lines, document)
        }
        let childIndent = (extent.dropFirst().first { !BlockLines.isBlank(lines.lines[$0]) && !BlockLines.isComment(lines.lines[$0]) })
            .map { BlockLines.indentation(of: lines.lines[$0]) } ?? column
        let body = BlockLines.shifted(lines.lines[extent.dropFirst()], by: column - childIndent)
        lines.lines.replaceSubrange(extent, with: body)
    }

    // MARK: Removing and inserting entries

    /// An entry taken out of the file, with what moving it needs.
    private struct Carried {
        /// Where the entry was (its first line, comments included).
        var index: Int
        var keyLine: String
        var keyColumn: Int
        var keyEnd: Int
        var body: [String]
        var comments: [String]

        /// The entry's lines from column 0, its key replaced: the value as the user wrote it.
        func entryLines(renamedTo key: String) -> [String] {
            let characters = Array(keyLine)
            let rest = String(characters[min(keyEnd, characters.count)...])
            return [key + rest] + BlockLines.shifted(body, by: -keyColumn)
        }
    }

    /// Takes the entry at `keys` out; its comments go with it, or stay (with `note` as
    /// a comment in its place) when `keepingComments`. Groups it leaves empty go too.
    private func remove(
        _ keys: [String], from lines: inout BlockLines, _ document: YAMLDocument, keepingComments: Bool, note: String? = nil
    ) throws(Failure) -> Carried {
        let (line, column) = try keyPosition(keys, document, lines)
        let extent = lines.extent(of: line, indent: column)
        let commentStart = lines.attachedComments(of: line, indent: column)
        let body = Array(lines.lines[extent.dropFirst()])
        var carried = Carried(
            index: commentStart, keyLine: lines.lines[line], keyColumn: column,
            keyEnd: lines.keyEnd(line: line, column: column), body: body,
            comments: BlockLines.shifted(lines.lines[commentStart..<line], by: -column))
        var replacement: [String] = []
        if keepingComments {
            replacement = Array(lines.lines[commentStart..<line]) + body.filter(BlockLines.isComment)
            if let note { replacement.append(String(repeating: " ", count: column) + "# kubegrid values --migrate removed \(note)") }
            carried.comments = []
        }
        lines.lines.replaceSubrange(commentStart..<extent.upperBound, with: replacement)
        carried.index += replacement.count
        // A group left without keys goes as well; its comments stay where they were.
        var parent = Array(keys.dropLast())
        while !parent.isEmpty, let position = document.positions[ValuePath(keys: parent)] {
            let parentLine = position.line - 1
            guard parentLine < carried.index, parentLine < lines.lines.count else { break }
            let parentIndent = position.column - 1
            let rest = lines.extent(of: parentLine, indent: parentIndent).dropFirst()
            let hasKeys = rest.contains { !BlockLines.isBlank(lines.lines[$0]) && !BlockLines.isComment(lines.lines[$0]) }
            let keyLineHoldsValue = lines.lines[parentLine].contains(where: { $0 == "{" || $0 == "[" })
            guard !hasKeys, !keyLineHoldsValue else { break }
            lines.lines.remove(at: parentLine)
            carried.index -= 1
            parent.removeLast()
        }
        return carried
    }

    /// Writes `entryLines` (a key and its value, from column 0) at `keys`, creating the
    /// groups on the way: where the old key was when that is inside the same group, else
    /// at the end of the deepest group that exists.
    private func insert(
        _ entryLines: [String], comments: [String], at keys: [String], near index: Int, into lines: inout BlockLines,
        _ document: YAMLDocument, file: String
    ) {
        var existing = 0
        while existing < keys.count - 1, document.root.value(at: Array(keys[...existing]))?.mapValue != nil,
            document.positions[ValuePath(keys: Array(keys[...existing]))] != nil
        {
            existing += 1
        }
        let ancestor = Array(keys[..<existing])
        let ancestorLine: Int? = ancestor.isEmpty ? nil : document.positions[ValuePath(keys: ancestor)].map { $0.line - 1 }
        let ancestorIndent = ancestor.isEmpty ? -2 : (document.positions[ValuePath(keys: ancestor)]?.column ?? 1) - 1
        let span: Range<Int> = ancestorLine.map { lines.extent(of: $0, indent: ancestorIndent) } ?? 0..<lines.lines.count
        let children = document.positions.filter { path, _ in
            path.components.count == ancestor.count + 1 && Array(path.components.prefix(ancestor.count)) == ValuePath(keys: ancestor).components
        }.map { (line: $0.value.line - 1, column: $0.value.column - 1) }.sorted { $0.line < $1.line }
        let step = 2
        let childIndent = children.first?.column ?? (ancestorIndent + step)
        var position = span.upperBound
        if span.contains(index) || index == span.upperBound, index > (ancestorLine ?? -1) {
            position = index
            // Not inside another entry of the group: before that entry (and its comments).
            for child in children {
                let childSpan = lines.extent(of: child.line, indent: child.column)
                if childSpan.contains(index), index > child.line {
                    position = lines.attachedComments(of: child.line, indent: child.column)
                }
            }
        }
        var inserted: [String] = []
        var indent = childIndent
        for key in keys[existing..<(keys.count - 1)] {
            inserted.append(String(repeating: " ", count: indent) + key + ":")
            indent += step
        }
        inserted += BlockLines.shifted(comments, by: indent)
        inserted += BlockLines.shifted(entryLines, by: indent)
        lines.lines.insert(contentsOf: inserted, at: min(position, lines.lines.count))
    }
}
