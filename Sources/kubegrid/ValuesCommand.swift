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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Print FILE, a values file for GigaSpaces' own 14.5-16.x charts, rewritten into CHART's keys with its comments kept (- reads standard input).",
            valueName: "FILE"))
    var migrate: String?

    func validate() throws {
        guard migrate != nil else { return }
        if !valuesFlags.options.isEmpty {
            throw ValidationError("--migrate rewrites one file; leave out -f and the --set flags")
        }
        if output == .json {
            throw ValidationError("--migrate writes the file as YAML; leave out --output json")
        }
    }

    func run() throws {
        let files = LocalFiles()
        if let migrate {
            try runMigration(of: migrate, files: files)
            return
        }
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

    /// `--migrate FILE`: the new file on stdout, a note per changed key on stderr.
    private func runMigration(of file: String, files: LocalFiles) throws {
        let migrated: (text: String, notes: [String])
        let name = StandardInput.isNamed(by: file) ? StandardInput.displayName : file
        do {
            let located = try ChartLocator(files: files).chart(named: chart)
            guard let builtIn = BuiltInChart(rawValue: located.name) else {
                let charts = BuiltInChart.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure.input(lines: [
                    "--migrate: kubegrid knows the old keys of its own charts only (\(charts)); \"\(located.name)\" is none of them"
                ])
            }
            let bytes = try files.contents(of: file)
            migrated = try LegacyValuesMigration(chart: builtIn).migrate(String(decoding: bytes, as: UTF8.self), file: name)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.input(error)
        }
        for note in migrated.notes {
            Terminal.writeError("note: \(note)")
        }
        Terminal.writeOutput(migrated.text)
    }
}
