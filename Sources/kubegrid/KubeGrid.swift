import ArgumentParser
import KubeGridCore

/// The `kubegrid` command: renders, lints and simulates GigaSpaces InsightEdge charts.
@main
struct KubeGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubegrid",
        abstract: "Render, lint and smoke-test GigaSpaces InsightEdge charts for Kubernetes.",
        version: KubeGridVersion.current,
        subcommands: []
    )
}
