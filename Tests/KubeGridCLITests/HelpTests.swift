import Testing

/// `--help` on every subcommand prints its help on stdout and exits 0.
@Suite struct HelpTests {
    static let commands: [[String]] = [[], ["render"], ["template"], ["values"], ["chart"], ["chart", "generate"]]

    @Test(arguments: commands)
    func helpIsPrintedNotAnError(command: [String]) throws {
        let result = try KubeGridProcess.run(command + ["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("USAGE:"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
