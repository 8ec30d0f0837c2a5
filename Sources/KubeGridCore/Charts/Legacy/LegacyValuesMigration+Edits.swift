/// The line edits `LegacyValuesMigration` makes: renaming a key, lifting a group's keys
/// one level up, taking an entry out and writing one in, and writing a flow map as a block.
extension LegacyValuesMigration {
    /// Rewrites the flow collection holding `keys` (`service: {type: NodePort, port: 8200}`)
    /// in block style, from the deepest key written at the start of its line; a comment
    /// after the collection goes on the line above. False when there is no such key.
    func writeInBlockStyle(around keys: [String], in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) -> Bool {
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

    func rename(_ keys: [String], to newKey: String, in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) {
        let (line, column) = try keyPosition(keys, document, lines)
        let end = lines.keyEnd(line: line, column: column)
        var characters = Array(lines.lines[line])
        characters.replaceSubrange(column..<end, with: Array(newKey))
        lines.lines[line] = String(characters)
    }

    // MARK: Hoisting a group (service.ports.api.port to service.api.port)

    /// The group whose level a move drops (`service.ports` for `service.ports.api.port` to
    /// `service.api.port`), when the move does nothing else but rename its first key.
    func hoistedGroup(_ keys: [String], _ target: [String]) -> [String]? {
        guard keys.count == target.count + 1, target.count >= 1 else { return nil }
        // The dropped key is keys[dropped]; the key after it may be renamed as it moves up.
        for dropped in stride(from: target.count - 1, through: 0, by: -1)
        where Array(keys[..<dropped]) == Array(target[..<dropped]) && Array(keys[(dropped + 2)...]) == Array(target[(dropped + 1)...]) {
            return Array(keys[...dropped])
        }
        return nil
    }

    /// The children of `group` that the table renames as they move up (`lookupService` to `lus`).
    func renames(under group: [String], prefix: [String], subchart: BuiltInChart) -> [String: String] {
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

    func hoist(_ group: [String], renames: [String: String], in lines: inout BlockLines, _ document: YAMLDocument) throws(Failure) {
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
    struct Carried {
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
    func remove(
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
    func insert(
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
