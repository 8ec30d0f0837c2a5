import CYAML

/// Turns libyaml's events into `Values` trees, one per document.
struct TreeBuilder {
    /// A collection being read, and what it has collected so far.
    private struct Frame {
        enum Content {
            case map(Values.Map, pendingKey: Key?, merges: [Values.Map])
            case list([Values])
        }
        var content: Content
        var path: ValuePath
        var anchor: String?
        var start: SourcePosition
        /// How many values this collection holds, aliases counted at their full size.
        var size = 1
        /// How many collections deep it goes, itself included, aliases at their full depth.
        var height = 1
    }

    private let source: String
    private let recordsPositions: Bool
    private var stack: [Frame] = []
    private var anchors: [String: (value: Values, size: Int, height: Int)] = [:]
    private var expandedValues = 0
    private var positions: [ValuePath: SourcePosition] = [:]
    private var documentStart = SourcePosition(file: "", line: 1, column: 1)
    private var root: Values?
    private(set) var documents: [YAMLDocument] = []

    init(source: String, recordsPositions: Bool) {
        self.source = source
        self.recordsPositions = recordsPositions
    }

    mutating func handle(_ event: yaml_event_t) throws(YAMLError) {
        let position = SourcePosition(
            file: source, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentStart = position
            root = nil
            positions = [:]
            anchors = [:]
            expandedValues = 0
        case YAML_DOCUMENT_END_EVENT:
            documents.append(YAMLDocument(root: root ?? .null, positions: positions, start: documentStart))
        case YAML_MAPPING_START_EVENT:
            try open(.map([:], pendingKey: nil, merges: []), anchor: string(event.data.mapping_start.anchor), at: position)
        case YAML_SEQUENCE_START_EVENT:
            try open(.list([]), anchor: string(event.data.sequence_start.anchor), at: position)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            try close()
        case YAML_SCALAR_EVENT:
            try scalar(event, at: position)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else { throw .unknownAnchor(position, name: name) }
            expandedValues += anchored.size
            if expandedValues > YAMLReader.maximumExpandedValues {
                throw .tooLarge(position, limit: YAMLReader.maximumExpandedValues)
            }
            // Aliases nest without opening collections here, so their depth is checked apart:
            // a chain of them once built a tree deep enough to overflow the stack.
            if stack.count + anchored.height > YAMLReader.maximumDepth {
                throw .tooDeep(position, limit: YAMLReader.maximumDepth)
            }
            try add(anchored.value, size: anchored.size, height: anchored.height, anchor: nil, at: position, isMergeable: true)
        default:
            break
        }
    }

    private mutating func scalar(_ event: yaml_event_t, at position: SourcePosition) throws(YAMLError) {
        let data = event.data.scalar
        let text = String(
            decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
        let tag = string(data.tag)
        let value: Values
        if let tag {
            value = try ScalarResolver.resolveTagged(text, tag: tag, at: position)
        } else if data.plain_implicit == 1 && data.style == YAML_PLAIN_SCALAR_STYLE {
            value = ScalarResolver.resolvePlain(text)
        } else {
            value = .string(text)
        }
        if case .map(let map, nil, let merges)? = stack.last?.content {
            // A scalar where a key is expected is the key.
            let isMergeKey = text == "<<" && tag == nil && data.style == YAML_PLAIN_SCALAR_STYLE
            let key: Key = isMergeKey ? .merge : .name(keyText(of: value))
            stack[stack.count - 1].content = .map(map, pendingKey: key, merges: merges)
            if recordsPositions, case .name(let name) = key {
                positions[stack[stack.count - 1].path.appending(key: name)] = position
            }
            return
        }
        try add(value, size: 1, height: 0, anchor: string(data.anchor), at: position, isMergeable: false)
    }

    private mutating func open(_ content: Frame.Content, anchor: String?, at position: SourcePosition) throws(YAMLError) {
        guard stack.count < YAMLReader.maximumDepth else {
            throw .tooDeep(position, limit: YAMLReader.maximumDepth)
        }
        if case .map(_, nil, _)? = stack.last?.content {
            throw .malformed(position, problem: "a map key must be a plain value, not a map or a list", context: nil)
        }
        stack.append(Frame(content: content, path: childPath(), anchor: anchor, start: position))
    }

    private mutating func close() throws(YAMLError) {
        let frame = stack.removeLast()
        let value: Values
        switch frame.content {
        case .list(let items):
            value = .list(items)
        case .map(var map, _, let merges):
            // Keys written in the map win over merged ones; earlier merges win over later.
            for merged in merges {
                for (key, item) in merged where map[key] == nil {
                    map[key] = item
                }
            }
            value = .map(map)
        }
        try add(value, size: frame.size, height: frame.height, anchor: frame.anchor, at: frame.start, isMergeable: false)
    }

    /// Puts a finished value where it belongs: in the collection being read, or as the root.
    private mutating func add(
        _ value: Values, size: Int, height: Int, anchor: String?, at position: SourcePosition, isMergeable: Bool
    ) throws(YAMLError) {
        if let anchor { anchors[anchor] = (value, size, height) }
        guard var frame = stack.popLast() else {
            root = value
            if recordsPositions { positions[.root] = position }
            return
        }
        frame.size += size
        frame.height = max(frame.height, height + 1)
        switch frame.content {
        case .list(var items):
            if recordsPositions { positions[frame.path.appending(index: items.count)] = position }
            frame.content = .list([])  // let `items` be uniquely referenced while appending
            items.append(value)
            frame.content = .list(items)
        case .map(var map, let key?, var merges):
            frame.content = .map([:], pendingKey: nil, merges: [])
            switch key {
            case .merge: merges += try mergeSources(value, at: position)
            case .name(let name): map[name] = value
            }
            frame.content = .map(map, pendingKey: nil, merges: merges)
        case .map(_, nil, _):
            stack.append(frame)
            throw .malformed(position, problem: "a map key must be a plain value, not a map or a list", context: nil)
        }
        stack.append(frame)
    }

    private func mergeSources(_ value: Values, at position: SourcePosition) throws(YAMLError) -> [Values.Map] {
        switch value {
        case .map(let map):
            return [map]
        case .list(let items):
            var maps: [Values.Map] = []
            for item in items {
                guard case .map(let map) = item else { throw .badMerge(position) }
                maps.append(map)
            }
            return maps
        default:
            throw .badMerge(position)
        }
    }

    /// The path of the value about to be added to the collection being read; only
    /// positions need it, so without them every collection's path is the root.
    private func childPath() -> ValuePath {
        guard recordsPositions, let frame = stack.last else { return .root }
        switch frame.content {
        case .list(let items): return frame.path.appending(index: items.count)
        case .map(_, .name(let name)?, _): return frame.path.appending(key: name)
        case .map: return frame.path.appending(key: "")
        }
    }

    /// A key as Helm's YAML-to-JSON step spells it: `on: x` becomes the key `true`.
    private func keyText(of value: Values) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return YAMLWriter.text(of: number)
        case .null: return "null"
        case .list, .map: return ""
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The key whose value is being read: a name, or a merge key (`<<`).
    ///
    /// Not a sentinel string: a quoted key can hold any text, `"\0<<"` included.
    private enum Key {
        case name(String)
        case merge
    }
}
