/// A server-side apply refused because other managers own fields it would change: the API
/// server's 409 Conflict, its message and one `FieldManagerConflict` cause per field.
public struct ApplyConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public struct Cause: Equatable, Sendable {
        public let type = "FieldManagerConflict"
        public let message: String
        public let field: String
    }

    public let conflicts: [(manager: String, path: String)]
    public let causes: [Cause]
    public let message: String
    public let code = 409
    public let reason = "Conflict"

    /// `owners` are the managers as the API server prints them (`"kubectl-edit" using apps/v1`).
    init(_ conflicts: [(manager: String, path: String)]) {
        self.conflicts = conflicts
        causes = conflicts.map { Cause(message: "conflict with \($0.manager)", field: $0.path) }
        if conflicts.count == 1 {
            message = "Apply failed with 1 conflict: conflict with \(conflicts[0].manager): \(conflicts[0].path)"
        } else {
            var lines: [String] = []
            for manager in Set(conflicts.map(\.manager)).sorted() {
                lines.append("conflicts with \(manager):")
                lines += conflicts.filter { $0.manager == manager }.map { "- \($0.path)" }
            }
            message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        }
    }

    public var description: String { message }

    public static func == (left: ApplyConflict, right: ApplyConflict) -> Bool {
        left.message == right.message && left.causes == right.causes
    }
}
