import ArgumentParser
import KubeGridCore

/// `kubegrid lint`: charts with their values, chart directories and rendered manifests, for CI.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint charts, values files and rendered manifests; for CI pipelines.",
        discussion: """
            Each INPUT is a built-in chart name, a chart directory, a values file (linted against \
            the one chart given), a manifest file, or a folder of manifests (as render --output-dir \
            writes them). All manifests of a run are linted as one cluster. Exit 0 when there are no \
            errors (and, with --strict, no warnings), 1 otherwise, 2 for a wrong command line.
            """
    )

    @Argument(help: ArgumentHelp("Charts, chart directories, values files and manifest files.", valueName: "INPUT"))
    var inputs: [String] = []

    @OptionGroup var valuesFlags: ValuesFlags

    @Option(name: .long, help: "The release name charts are linted for, as render names it.")
    var name: String = "release-name"

    @Option(name: [.customShort("n"), .long], help: "The namespace charts are linted for.")
    var namespace: String = "default"

    @OptionGroup var kubeVersion: KubeVersionFlag

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: "The output format.")
    var format: LintFormat = .text

    @Option(name: .long, help: "The number of nodes in the target cluster, to check required anti-affinity fits.")
    var nodes: Int?

    @Flag(name: .customLong("list-rules"), help: "List every rule with its id, severity and documentation.")
    var listRules = false

    func validate() throws {
        if !listRules && inputs.isEmpty {
            throw ValidationError("give at least one chart, chart directory, values file or manifest file to lint")
        }
        if let nodes, nodes < 1 {
            throw ValidationError("--nodes must be at least 1")
        }
    }

    func run() throws {
        if listRules {
            do {
                switch format {
                case .json: Terminal.writeOutput(try RuleListing.json())
                case .sarif: Terminal.writeOutput(try LintFormat.sarif.render(LintReport(inputs: [], findings: []), strict: strict))
                default: Terminal.writeOutput(RuleListing.text())
                }
            } catch {
                throw CommandFailure.input(error)
            }
            return
        }
        let options = LintOptions(
            inputs: inputs, values: valuesFlags.options, release: ReleaseOptions(name: name, namespace: namespace, kubeVersion: try kubeVersion.version),
            nodes: nodes)
        let report = Linter(options: options).run(files: LocalFiles())
        do {
            Terminal.writeOutput(try format.render(report, strict: strict))
        } catch {
            throw CommandFailure.input(error)
        }
        if !report.passes(strict: strict) { throw ExitCode(1) }
    }
}

extension LintFormat: ExpressibleByArgument {}
