/// Turns the errors of reading inputs into findings with positions, so one unreadable or
/// malformed file is reported beside everything else instead of stopping the run.
enum InputFindings {
    static func finding(_ error: FileReadError, input: String) -> LintFinding {
        LintFinding(rule: "KG010", location: LintLocation(file: error.path), message: "cannot read the file: \(error.reason)", input: input)
    }

    static func finding(_ error: YAMLError, input: String) -> LintFinding {
        switch error {
        case .malformed(let position, _, _), .unknownAnchor(let position, _), .badMerge(let position),
            .tooDeep(let position, _), .tooLarge(let position, _), .badTag(let position, _, _):
            return LintFinding(
                rule: "KG011", location: LintLocation(position), message: withoutPrefix(error.description, position), input: input)
        case .notAMap(let source, let found):
            return LintFinding(
                rule: "KG012", location: LintLocation(file: source),
                message: "the top level must be a map of keys to values, found \(found)", input: input)
        case .emitterFailed:
            return LintFinding(rule: "KG011", location: LintLocation(file: input), message: error.description, input: input)
        }
    }

    static func finding(_ error: JSONError, input: String) -> LintFinding {
        switch error {
        case .malformed(let source, let line, let column, let reason):
            return LintFinding(
                rule: "KG011", location: LintLocation(file: source, line: line, column: column),
                message: "invalid JSON: \(reason); check the syntax there", input: input)
        case .unrepresentable:
            return LintFinding(rule: "KG011", location: LintLocation(file: input), message: error.description, input: input)
        }
    }

    /// A values error of a chart run; `chart` is where findings without a file go.
    static func finding(_ error: ValuesError, chart: String, input: (String) -> String) -> LintFinding {
        switch error {
        case .unreadableValuesFile(let failure):
            return finding(failure, input: input(failure.path))
        case .badValuesFile(let failure):
            var found = finding(failure, input: chart)
            found.input = input(found.location.file)
            return found
        case .remoteValuesFile(let url):
            return LintFinding(
                rule: "KG010", location: LintLocation(file: url),
                message: "kubegrid reads local values files only; download the file and pass its path", input: chart)
        case .badExpression, .badJSONObject:
            return LintFinding(rule: "KG012", location: LintLocation(file: chart), message: error.description, input: chart)
        case .subchartValuesNotAMap:
            return LintFinding(rule: "KG001", location: LintLocation(file: chart), message: error.description, input: chart)
        }
    }

    /// The message without the `file:line:col: ` its description starts with.
    static func withoutPrefix(_ text: String, _ position: SourcePosition) -> String {
        let prefix = "\(position): "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
