/// Where a finding points: a file, and a line and column when there is one.
public struct LintLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it, or the chart when no file is behind the finding.
    public var file: String
    /// 1-based; nil for a finding about a whole file or a chart's defaults.
    public var line: Int?
    /// 1-based, with `line`.
    public var column: Int?

    /// A place in a file; without a line, the file as a whole.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The place a YAML reader recorded.
    public init(_ position: SourcePosition) {
        self.init(file: position.file, line: position.line, column: position.column)
    }

    /// `values.yaml:12:3`, or the file alone.
    public var description: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    /// By file, then line, then column; a place without a line comes first.
    public static func < (lhs: LintLocation, rhs: LintLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}

/// One thing `kubegrid lint` found: a rule, where, and a message that says what to do.
public struct LintFinding: Sendable, Hashable {
    /// The rule id, `KG201`.
    public var rule: String
    /// The rule's severity.
    public var severity: Diagnostic.Severity
    /// Where the finding points.
    public var location: LintLocation
    /// One line that says what is wrong and what to do.
    public var message: String
    /// The input (as given on the command line) the finding belongs to; JUnit groups by it.
    public var input: String

    /// A finding; the severity defaults to the rule's in the catalogue.
    public init(rule: String, severity: Diagnostic.Severity? = nil, location: LintLocation, message: String, input: String) {
        self.rule = rule
        self.severity = severity ?? RuleCatalogue.severity(of: rule)
        self.location = location
        self.message = message
        self.input = input
    }
}
