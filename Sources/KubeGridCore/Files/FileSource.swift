/// Where kubegrid reads its input files from: the disk, or a stand-in in tests.
public protocol FileSource {
    /// The bytes of the file at `path`; `-` is standard input.
    func contents(of path: String) throws(FileReadError) -> [UInt8]

    /// The names in the directory at `path` (without `.` and `..`), or nil when `path`
    /// is not a directory.
    func directoryEntries(at path: String) -> [String]?
}

/// A file that could not be read.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// Why, in lowercase ("no such file or directory").
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

/// Joins two path parts with one slash.
public func joinPath(_ directory: String, _ name: String) -> String {
    if directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// Standard input, as a path on the command line (`-f -`).
public enum StandardInput {
    /// What messages call standard input.
    public static let displayName = "<stdin>"

    /// True for `-` (Helm allows spaces around it).
    public static func isNamed(by path: String) -> Bool {
        path.trimmingWhiteSpace() == "-"
    }

    /// The name messages give a file: `<stdin>` for `-`, else the path as given.
    public static func displayName(of path: String) -> String {
        isNamed(by: path) ? displayName : path
    }
}
