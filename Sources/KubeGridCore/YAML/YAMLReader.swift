import CYAML

/// Reads YAML through libyaml's event parser into `Values` trees.
///
/// Scalars get their types as Helm gives them (see `ScalarResolver`); anchors, aliases
/// and merge keys (`<<`) are honoured; nesting and alias expansion are bounded so that a
/// hostile file gets an error, not a crash.
public struct YAMLReader {
    /// How deep collections may nest.
    public static let maximumDepth = 512
    /// How many values a document may expand to through aliases.
    public static let maximumExpandedValues = 10_000_000

    /// The file name used in positions and messages.
    public var source: String
    /// Whether to record the position of every key and item (for lint findings).
    public var recordsPositions: Bool

    public init(source: String, recordsPositions: Bool = false) {
        self.source = source
        self.recordsPositions = recordsPositions
    }

    /// Reads every document of a stream (a manifest file with `---` separators).
    public func documents(from bytes: [UInt8]) throws(YAMLError) -> [YAMLDocument] {
        var builder = TreeBuilder(source: source, recordsPositions: recordsPositions)
        try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw YAMLError.malformed(position(line: 1, column: 1), problem: "out of memory", context: nil)
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            var finished = false
            while !finished {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw parserError(parser, bytes: buffer)
                }
                defer { yaml_event_delete(&event) }
                finished = event.type == YAML_STREAM_END_EVENT
                try builder.handle(event)
            }
        }
        return builder.documents
    }

    /// Reads the first document as a values file: a map, or nothing at all.
    ///
    /// An empty file, or one holding only `null`, gives an empty map, as in Helm.
    public func valuesDocument(from bytes: [UInt8]) throws(YAMLError) -> YAMLDocument {
        guard var document = try documents(from: bytes).first else {
            return YAMLDocument(root: .emptyMap, start: position(line: 1, column: 1))
        }
        switch document.root {
        case .map:
            return document
        case .null:
            document.root = .emptyMap
            return document
        default:
            throw .notAMap(source: source, found: document.root.kindDescription)
        }
    }

    private func position(line: Int, column: Int) -> SourcePosition {
        SourcePosition(file: source, line: line, column: column)
    }

    private func parserError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            // Reader errors (bad encoding) carry a byte offset, not a mark.
            let (line, column) = lineAndColumn(ofOffset: Int(parser.problem_offset), in: bytes)
            return .malformed(position(line: line, column: column), problem: problem, context: context)
        }
        let mark = parser.problem_mark
        return .malformed(
            position(line: Int(mark.line) + 1, column: Int(mark.column) + 1), problem: problem, context: context)
    }

    private func lineAndColumn(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}
