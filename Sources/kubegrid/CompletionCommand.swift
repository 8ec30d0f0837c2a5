import ArgumentParser

/// `kubegrid completion bash|zsh|fish`: the shell completion script, for `source <(…)`.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: "bash: source <(kubegrid completion bash); zsh and fish: write it to a file on their completion path."
    )

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: CompletionShell

    func run() throws {
        Terminal.writeOutput(KubeGrid.completionScript(for: shell))
    }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}
