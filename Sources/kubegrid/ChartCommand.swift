import ArgumentParser
import KubeGridCore

/// `kubegrid chart`: maintenance of the Helm charts kubegrid ships.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Generate the shipped Helm charts' files from kubegrid's typed models.",
        subcommands: [GenerateCommand.self]
    )

    /// `kubegrid chart generate [--check]`.
    struct GenerateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write charts/<name>/{Chart.yaml,values.yaml,values.schema.json,README.md} from the models.",
            discussion: "With --check nothing is written: exit 1 and a diff when the files on disk differ."
        )

        @Flag(help: "Check that the files on disk are up to date instead of writing them.")
        var check = false

        @Option(name: .long, help: "The folder the charts live in.")
        var output = "charts"

        @Option(name: .long, help: "The folder holding chart-readme.md.mustache.")
        var templates = "templates"

        func run() throws {
            let generation = ChartGeneration(outputDirectory: output, templatesDirectory: templates)
            do {
                if check {
                    try generation.check(reading: LocalFiles())
                } else {
                    for path in try generation.write(reading: LocalFiles()) {
                        Terminal.writeOutput("wrote \(path)\n")
                    }
                }
            } catch let drift as ChartGeneration.Drift {
                Terminal.writeError(drift.diffs.joined())
                throw CommandFailure.input(drift)
            } catch {
                throw CommandFailure.input(error)
            }
        }
    }
}
