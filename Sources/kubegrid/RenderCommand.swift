import ArgumentParser
import KubeGridCore

/// `kubegrid render`: the chart's Kubernetes manifests, ready for `kubectl apply -f -`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a chart into Kubernetes manifests, ready for kubectl apply -f -.",
        discussion: """
            Helm's positional form works too: kubegrid render RELEASE CHART.
            Notes (load balancers needed, HA warnings) go to stderr; the manifests to stdout.
            """,
        aliases: ["template"]
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: ArgumentHelp("[RELEASE] CHART: a built-in chart name or a chart directory.", valueName: "CHART"))
    var positionals: [String] = []

    @Option(name: .long, help: "The release name (default: release-name, as in helm template).")
    var name: String?

    @Option(name: [.customShort("n"), .long], help: "The namespace the objects go in.")
    var namespace: String = "default"

    @OptionGroup var valuesFlags: ValuesFlags

    @Option(name: .long, help: "The output format: yaml or json.")
    var output: OutputFormat = .yaml

    @Option(name: .customLong("output-dir"), help: "Write one file per template under DIR (Helm's layout) instead of stdout.")
    var outputDirectory: String?

    @OptionGroup var kubeVersion: KubeVersionFlag

    @Option(name: .customLong("show-only"), help: "Only the templates matching this path, e.g. templates/service.yaml (repeatable).")
    var showOnly: [String] = []

    func validate() throws {
        guard (1...2).contains(positionals.count) else {
            throw ValidationError("render takes CHART, or RELEASE CHART")
        }
        if positionals.count == 2 && name != nil {
            throw ValidationError("give the release either as --name or as the first argument, not both")
        }
        if outputDirectory != nil && output == .json {
            throw ValidationError("--output-dir writes YAML files; leave out --output json")
        }
    }

    func run() throws {
        let chart = positionals.last!
        let release = ReleaseOptions(
            name: positionals.count == 2 ? positionals[0] : (name ?? "release-name"), namespace: namespace,
            kubeVersion: try kubeVersion.version)
        let job = RenderJob(chart: chart, release: release, options: valuesFlags.options, showOnly: showOnly)
        do {
            let outcome = try job.plan(files: LocalFiles())
            for note in outcome.notes { Terminal.writeError(note) }
            let writer = ManifestWriter()
            if let outputDirectory {
                try RenderedFiles(templates: outcome.templates, directory: outputDirectory).write()
            } else if output == .json {
                Terminal.writeOutput(try writer.jsonList(outcome.templates))
            } else {
                try writer.stream(outcome.templates, to: .standardOutput())
            }
        } catch RenderJob.Failure.invalidValues(let lines) {
            throw CommandFailure.input(lines: lines)
        } catch {
            throw CommandFailure.input(error)
        }
    }
}
