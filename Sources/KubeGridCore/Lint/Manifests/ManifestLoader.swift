/// Turns what the shared ``ManifestObjectReader`` finds in a manifest file into lint
/// entries, and what cannot be read into findings (KG216) at the line of the offending field.
enum ManifestLoader {
    static func entries(
        of documents: [YAMLDocument], input: String
    ) -> (entries: [ManifestEntry], findings: [LintFinding]) {
        var entries: [ManifestEntry] = []
        var findings: [LintFinding] = []
        func fail(_ position: SourcePosition, _ message: String) {
            findings.append(LintFinding(rule: "KG216", location: LintLocation(position), message: message, input: input))
        }
        for item in ManifestObjectReader.objects(in: documents, source: input).items {
            switch item {
            case .object(let read):
                let object = read.object
                if case .other(let values) = object, object.name.isEmpty,
                    values.value(at: .fields("metadata.generateName"))?.stringValue == nil
                {
                    fail(read.position(of: .fields("metadata")), "\(object.kind.isEmpty ? "the object" : object.kind) has no metadata.name; add one")
                    continue
                }
                entries.append(ManifestEntry(object: object, origin: .document(read), input: input))
            case .problem(let problem):
                let named = problem.title ?? "the object"
                switch problem.reason {
                case .notAnObject(let found):
                    fail(problem.position, "a manifest document must be a Kubernetes object (a map), got \(found)")
                case .invalidObject(let error):
                    fail(problem.position, "\(named): \(error)")
                case .undecodable(let description):
                    fail(problem.position, "\(named): \(description)")
                }
            }
        }
        return (entries, findings)
    }
}
