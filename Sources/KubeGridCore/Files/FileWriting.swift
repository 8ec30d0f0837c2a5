#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a set of files all or nothing: each to a temporary name beside its destination,
/// then renamed into place once every one of them is written.
public struct AtomicFileSet {
    /// A file that could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    private var files: [(path: String, bytes: [UInt8])] = []

    public init() {}

    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        files.append((path, bytes))
    }

    public mutating func add(_ path: String, _ text: String) {
        add(path, Array(text.utf8))
    }

    /// Writes every file, or none of them when one fails.
    public func commit() throws(Failure) {
        var staged: [(temporary: String, final: String)] = []
        do {
            for file in files {
                try Self.makeDirectories(for: file.path)
                let temporary = Self.temporaryName(for: file.path)
                try Self.write(file.bytes, to: temporary, reportedAs: file.path)
                staged.append((temporary, file.path))
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
        for file in staged where rename(file.temporary, file.final) != 0 {
            let reason = Self.lastReason()
            for leftover in staged { unlink(leftover.temporary) }
            throw Failure(path: file.final, reason: reason)
        }
    }

    private static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).kubegrid-\(getpid()).tmp"
    }

    private static func write(_ bytes: [UInt8], to path: String, reportedAs shown: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: shown, reason: lastReason()) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: shown, reason: lastReason())
            }
            offset += written
        }
    }

    /// `mkdir -p` of the folder a file goes in.
    static func makeDirectories(for filePath: String) throws(Failure) {
        var prefix = ""
        let parts = filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            prefix += (index == 0 ? "" : "/") + part
            if prefix.isEmpty { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: prefix, reason: lastReason())
            }
        }
    }

    private static func lastReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
