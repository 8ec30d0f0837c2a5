import KubeGridSim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report on stderr for long simulations: drawn only when stderr is
/// a terminal and the run has taken more than half a second, redrawn at most ten times a
/// second, and erased when the run ends. Wall-clock time only decides whether and when to
/// draw; it never reaches the simulation or its output.
struct ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = ProgressLine.seconds()
    private var lastDrawn = 0.0
    private var drawn = false

    mutating func update(_ progress: SimulationProgress) {
        guard enabled else { return }
        let now = Self.seconds()
        guard now - start > 0.5, now - lastDrawn > 0.1 else { return }
        lastDrawn = now
        drawn = true
        var text = "kubegrid simulate: \(progress.scenario)"
        if progress.steps > 0 { text += ", fault \(min(progress.step + 1, progress.steps))/\(progress.steps)" }
        if progress.totalOperations > 0 { text += ", \(progress.operations)/\(progress.totalOperations) operations" }
        text += " (\(progress.time) virtual)"
        Terminal.writeRaw("\r\u{1B}[2K" + text)
    }

    /// Erases the line, if one was drawn.
    func finish() {
        if drawn { Terminal.writeRaw("\r\u{1B}[2K") }
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
