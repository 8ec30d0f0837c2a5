import ArgumentParser
import KubeGridCore
import KubeGridSim

/// Writes a simulation's verdict the same way for `simulate` and `serve`: the HTML report
/// first (all or nothing), then the verdict on stdout in the chosen format, and exit 1 when
/// a scenario failed.
enum SimulationVerdictOutput {
    static func write(_ report: SimulationReport, format: SimulateCommand.OutputFormat, reportFile: String?) throws {
        if let path = reportFile {
            do {
                var set = AtomicFileSet()
                set.add(path, try HTMLReport.text(report))
                try set.commit()
            } catch {
                throw CommandFailure.input(error)
            }
        }
        let text: String
        switch format {
        case .text: text = TextReport.text(report)
        case .json:
            do { text = try JSONReport.text(report) } catch { throw CommandFailure.input(error) }
        case .junit: text = JUnitReport.text(report)
        }
        Terminal.writeOutput(text)
        if !report.passed { throw ExitCode(1) }
    }
}
