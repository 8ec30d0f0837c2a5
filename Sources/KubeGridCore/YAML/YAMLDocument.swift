/// One document of a YAML stream, with where each of its values was written.
public struct YAMLDocument: Sendable {
    /// The document's content; `.null` for an empty document.
    public var root: Values
    /// The position of every map key and list item, by the path of the value it introduces.
    ///
    /// Empty unless the reader was asked to record positions.
    public var positions: [ValuePath: SourcePosition]
    /// Where the document starts in its file.
    public var start: SourcePosition

    public init(root: Values, positions: [ValuePath: SourcePosition] = [:], start: SourcePosition) {
        self.root = root
        self.positions = positions
        self.start = start
    }

    /// The position of the value at `path`, or of the closest enclosing value that has one.
    public func position(of path: ValuePath) -> SourcePosition {
        var probe = path
        while !probe.isRoot {
            if let position = positions[probe] { return position }
            probe.components.removeLast()
        }
        return positions[.root] ?? start
    }
}
