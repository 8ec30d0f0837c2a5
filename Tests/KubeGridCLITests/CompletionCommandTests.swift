import Testing

@Suite struct CompletionCommandTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func printsAScriptThatKnowsTheCommands(shell: String) throws {
        let result = try KubeGridProcess.run(["completion", shell])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("render") && result.stdout.contains("simulate"))
    }

    @Test func anUnknownShellIsACommandLineError() throws {
        let result = try KubeGridProcess.run(["completion", "tcsh"])
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
    }
}
