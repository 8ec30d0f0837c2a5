import KubeGridSim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file `simulate --history FILE` writes the operations to, opened before the run so a
/// path that cannot be written stops it at once.
struct HistoryOutput {
    let path: String
    let descriptor: Int32
    let file: HistoryFile

    /// Why the history file could not be written.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func create(_ path: String) throws(Problem) -> HistoryOutput {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Problem(description: "--history \(path): cannot open it for writing: \(String(cString: strerror(errno)))")
        }
        return HistoryOutput(path: path, descriptor: descriptor, file: HistoryFile(descriptor: descriptor))
    }

    func finish() throws(Problem) {
        do {
            try file.finish()
        } catch {
            throw Problem(description: "--history \(path): \(error)")
        }
    }

    func release() {
        _ = close(descriptor)
    }
}
