/// What one `kubegrid lint` run checked and found.
public struct LintReport: Sendable {
    /// One input of the run: a chart, a chart directory, a values file or a manifest file.
    public struct Input: Sendable, Hashable {
        /// As given on the command line (`insightedge-pu`, `charts/insightedge-pu`, `a.yaml`).
        public var name: String
        /// The ids of the rules checked on it, in id order.
        public var rules: [String]

        /// An input and the rules checked on it.
        public init(name: String, rules: [String]) {
            self.name = name
            self.rules = rules
        }
    }

    /// The inputs, in command-line order.
    public var inputs: [Input]
    /// The findings, sorted by input, then file, line, column and rule; no duplicates.
    public var findings: [LintFinding]

    /// A report of the findings, sorted and without duplicates.
    public init(inputs: [Input], findings: [LintFinding]) {
        self.inputs = inputs
        let order = Dictionary(inputs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<LintFinding>()
        self.findings = findings.filter { seen.insert($0).inserted }.sorted { a, b in
            let (x, y) = (order[a.input] ?? Int.max, order[b.input] ?? Int.max)
            if x != y { return x < y }
            if a.location != b.location { return a.location < b.location }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
    }

    /// The number of errors.
    public var errorCount: Int { findings.count { $0.severity == .error } }
    /// The number of warnings.
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    /// The number of infos, which never fail a run.
    public var infoCount: Int { findings.count { $0.severity == .info } }

    /// Whether the run passes: no errors, and under `strict` no warnings either.
    public func passes(strict: Bool) -> Bool {
        errorCount == 0 && (!strict || warningCount == 0)
    }

    /// `3 file(s) linted, 1 error(s), 2 warning(s)`.
    public var summary: String {
        "\(inputs.count) file(s) linted, \(errorCount) error(s), \(warningCount) warning(s)"
    }
}
