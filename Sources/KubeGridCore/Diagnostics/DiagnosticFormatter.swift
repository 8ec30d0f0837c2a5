/// Turns findings into the lines the CLI prints, with where each value was written.
public struct DiagnosticFormatter {
    public var origins: ValueOrigins?

    public init(origins: ValueOrigins?) {
        self.origins = origins
    }

    /// `values.yaml:12:3: service.lrmi.initialNodePort: …` or `--set 'ha=true': ha: …`.
    public func text(_ diagnostic: Diagnostic) -> String {
        guard let path = diagnostic.path, let origin = origins?.origin(of: path) else { return diagnostic.description }
        return "\(origin): \(diagnostic.description)"
    }

    /// The text with its severity in front: `error: …`, `warning: …`, `note: …`.
    public func line(_ diagnostic: Diagnostic) -> String {
        let label = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
        return "\(label): \(text(diagnostic))"
    }
}
