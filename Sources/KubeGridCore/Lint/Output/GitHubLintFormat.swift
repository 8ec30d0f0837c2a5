/// `::error file=F,line=L,col=C,title=RULE::message` workflow commands; warnings and infos
/// as `::warning` and `::notice`. The summary follows as a plain line.
enum GitHubLintFormat {
    static func render(_ report: LintReport) -> String {
        var text = ""
        for finding in report.findings {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            var properties = ["file=\(property(finding.location.file))"]
            if let line = finding.location.line { properties.append("line=\(line)") }
            if let column = finding.location.column { properties.append("col=\(column)") }
            properties.append("title=\(property(finding.rule))")
            text += "::\(command) \(properties.joined(separator: ","))::\(data(finding.message))\n"
        }
        return text + report.summary + "\n"
    }

    /// A command's message: `%`, CR and LF escaped, as the Actions runner reads them.
    static func data(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "\r\n": result += "%0D%0A"
            default: result.append(character)
            }
        }
        return result
    }

    /// A property value: as `data`, and `:` and `,` too.
    static func property(_ text: String) -> String {
        data(text).reduce(into: "") { result, character in
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.append(character)
            }
        }
    }
}
