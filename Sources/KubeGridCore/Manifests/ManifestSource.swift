/// One manifest input: a file's name (for messages) and its bytes.
public struct ManifestSource: Sendable {
    /// The file name as the user gave it, or what the command calls standard input.
    public var name: String
    /// The file's contents: YAML (any number of documents) or JSON.
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// A source from text, for tests and generated manifests.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
