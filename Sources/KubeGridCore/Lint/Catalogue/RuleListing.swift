/// The catalogue written out: `kubegrid lint --list-rules` and the README's table.
public enum RuleListing {
    /// One block per rule: id, severity, name and title, then the help and documentation.
    public static func text() -> String {
        var text = ""
        for rule in RuleCatalogue.all {
            text += "\(rule.id)  \(rule.severity.rawValue.padding(7))  \(rule.name): \(rule.title)\n"
            text += "    fix: \(rule.help)\n"
            text += "    why: \(rule.documentation)\n"
        }
        return text
    }

    /// A JSON array of every rule.
    public static func json() throws(JSONError) -> String {
        let rules: [Values] = RuleCatalogue.all.map { rule in
            [
                "id": .string(rule.id), "name": .string(rule.name), "severity": .string(rule.severity.rawValue),
                "scope": .string(rule.scope.rawValue), "title": .string(rule.title), "help": .string(rule.help),
                "documentation": .string(rule.documentation),
            ]
        }
        return try JSONWriter.write(.list(rules), style: .pretty)
    }

    /// The README's Markdown table of the rules.
    public static func markdownTable() -> String {
        var text = "| id | severity | checks | rule | why | what to do |\n| --- | --- | --- | --- | --- | --- |\n"
        for rule in RuleCatalogue.all {
            let cells = [
                rule.id, rule.severity.rawValue, rule.scope.rawValue, "`\(rule.name)`: \(rule.title)", rule.documentation, rule.help,
            ]
            text += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// A table cell: `|` escaped, so a cell cannot split the row.
    private static func cell(_ text: String) -> String {
        text.reduce(into: "") { result, character in
            if character == "|" { result += "\\|" } else { result.append(character) }
        }
    }
}

extension String {
    /// The text padded with spaces to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
