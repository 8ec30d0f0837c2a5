/// A failure a command reports as `error: …` on stderr with an exit code, stdout left empty.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    /// Wrong input (values, rules, files): exit code 1.
    static func input(_ error: some Error) -> CommandFailure {
        CommandFailure(message: "error: \(error)", exitCode: 1)
    }

    /// Several input errors, one `error:` line each: exit code 1.
    static func input(lines: [String]) -> CommandFailure {
        CommandFailure(message: lines.map { "error: \($0)" }.joined(separator: "\n"), exitCode: 1)
    }

    /// A wrong command line: exit code 2.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: "error: \(message)", exitCode: 2)
    }
}
