/// One object read from a manifest file, with where it was written, so a finding or an
/// error about any of its fields can name the file, line and column.
public struct ManifestObject: Sendable {
    /// The object, typed when kubegrid models its kind.
    public var object: KubernetesObject
    /// The document the object was read from.
    public var document: YAMLDocument
    /// The object's path inside its document: the root, or `items[n]` of a `kind: List`.
    public var prefix: ValuePath
    /// The input's name, as given to the reader.
    public var source: String

    /// Where the field at `path` (from the object's root) was written, or the closest
    /// enclosing value that has a position (positions are recorded only when the reader
    /// was asked to).
    public func position(of path: ValuePath) -> SourcePosition {
        document.position(of: prefix.appending(path))
    }
}
