#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files from the disk and standard input, without Foundation.
///
/// Standard input is read when asked for, so a second `-` gets whatever is left of it
/// (nothing), as with Helm.
public struct LocalFiles: FileSource {
    public init() {}

    public func contents(of path: String) throws(FileReadError) -> [UInt8] {
        if StandardInput.isNamed(by: path) {
            return try readAll(from: STDIN_FILENO, path: "standard input")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: Self.lastReason()) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw FileReadError(path: path, reason: "it is a directory, not a file")
        }
        return try readAll(from: descriptor, path: path)
    }

    public func directoryEntries(at path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private func readAll(from descriptor: Int32, path: String) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: Self.lastReason())
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    private static func lastReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

extension String {
    /// The text without leading and trailing white space (Go's `strings.TrimSpace`).
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
