import ArgumentParser
import KubeGridCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `kubegrid` command: renders, lints and simulates GigaSpaces InsightEdge charts.
@main
struct KubeGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubegrid",
        abstract: "Render, lint and smoke-test GigaSpaces InsightEdge charts for Kubernetes.",
        version: KubeGridVersion.current,
        subcommands: [
            RenderCommand.self, ValuesCommand.self, LintCommand.self, ChartCommand.self, SimulateCommand.self,
            ServeCommand.self, CompletionCommand.self,
        ]
    )

    /// Runs the command line with kubegrid's exit codes: 1 for wrong input, 2 for a wrong
    /// command line (argument-parser's own default for that is 64).
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitForParseError(error)
        }
        do {
            var command = command
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.writeError(failure.message)
            Terminal.exit(failure.exitCode)
        } catch let exit as ExitCode {
            Terminal.exit(exit.rawValue)
        } catch {
            // argument-parser's own errors can surface from run() too (`--help` and
            // `help COMMAND` are answered by throwing), so they go the same way.
            exitForParseError(error)
        }
        Terminal.exit(0)
    }

    private static func exitForParseError(_ error: Error) -> Never {
        let code = exitCode(for: error).rawValue
        let message = fullMessage(for: error)
        if code == 0 {
            Terminal.writeOutput(message.isEmpty ? "" : message + "\n")
            Terminal.exit(0)
        }
        Terminal.writeError(message.hasPrefix("Error: ") ? "error: " + message.dropFirst(7) : message)
        Terminal.exit(code == ExitCode.validationFailure.rawValue ? 2 : code)
    }
}
