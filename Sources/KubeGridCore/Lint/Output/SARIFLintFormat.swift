/// SARIF 2.1.0, the format code-scanning services read, with every rule of the
/// catalogue in `tool.driver.rules`.
enum SARIFLintFormat {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    static func render(_ report: LintReport) throws(JSONError) -> String {
        let rules = RuleCatalogue.all
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results: [Values] = report.findings.map { finding in
            var region: Values.Map = ["startLine": .int(finding.location.line ?? 1)]
            if let column = finding.location.column { region["startColumn"] = .int(column) }
            var result: Values.Map = ["ruleId": .string(finding.rule)]
            if let ruleIndex = index[finding.rule] { result["ruleIndex"] = .int(ruleIndex) }
            result["level"] = .string(level(finding.severity))
            result["message"] = ["text": .string(finding.message)]
            result["locations"] = [
                [
                    "physicalLocation": [
                        "artifactLocation": ["uri": .string(uri(finding.location.file))],
                        "region": .map(region),
                    ]
                ]
            ]
            return .map(result)
        }
        let document: Values = [
            "$schema": .string(schema),
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "kubegrid",
                            "version": .string(KubeGridVersion.current),
                            "rules": .list(rules.map(descriptor)),
                        ]
                    ],
                    "columnKind": "unicodeCodePoints",
                    "results": .list(results),
                ]
            ],
        ]
        return try JSONWriter.write(document, style: .pretty)
    }

    /// A SARIF `reportingDescriptor` for a rule.
    static func descriptor(_ rule: LintRule) -> Values {
        [
            "id": .string(rule.id),
            "name": .string(rule.name),
            "shortDescription": ["text": .string(rule.title)],
            "fullDescription": ["text": .string(rule.documentation)],
            "help": ["text": .string(rule.help)],
            "defaultConfiguration": ["level": .string(level(rule.severity))],
            "properties": ["tags": [.string(rule.scope.rawValue)]],
        ]
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative file path as a URI reference: `%`, spaces and other reserved bytes encoded.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/:@!$&'()*+,;=".contains(character) {
                result.append(character)
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return result
    }
}
