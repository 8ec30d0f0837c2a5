/// A file source that reads each path once, so standard input can be read twice over:
/// once to merge the values, once more to say where a value came from.
public final class CachedFiles: FileSource {
    private let base: any FileSource
    private var cache: [String: Result<[UInt8], FileReadError>] = [:]

    public init(_ base: any FileSource = LocalFiles()) {
        self.base = base
    }

    public func contents(of path: String) throws(FileReadError) -> [UInt8] {
        let key = StandardInput.isNamed(by: path) ? "-" : path
        if let cached = cache[key] { return try cached.get() }
        let result: Result<[UInt8], FileReadError>
        do {
            result = .success(try base.contents(of: path))
        } catch {
            result = .failure(error)
        }
        cache[key] = result
        return try result.get()
    }

    public func directoryEntries(at path: String) -> [String]? {
        base.directoryEntries(at: path)
    }
}
