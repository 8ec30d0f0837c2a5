import ArgumentParser
import KubeGridCore

/// `kubegrid values CHART`: the effective values after defaults, files and flags.
struct ValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Print the effective values after merging defaults, -f files and --set flags."
    )

    /// How the values are written.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @Argument(help: ArgumentHelp("A built-in chart name or a chart directory (one holding Chart.yaml).", valueName: "CHART"))
    var chart: String

    @OptionGroup var valuesFlags: ValuesFlags

    @Option(name: .long, help: "The output format: yaml or json.")
    var output: OutputFormat = .yaml

    func run() throws {
        let files = LocalFiles()
        let text: String
        do {
            let chart = try ChartLocator(files: files).chart(named: chart)
            let values = try EffectiveValues.compute(chart: chart, options: valuesFlags.options, files: files)
            switch output {
            case .yaml: text = try YAMLWriter().document(values)
            case .json: text = try JSONWriter.write(values, style: .pretty)
            }
        } catch {
            throw CommandFailure.input(error)
        }
        Terminal.writeOutput(text)
    }
}
