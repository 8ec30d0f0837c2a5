import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `Values` trees as block-style YAML through libyaml's emitter.
///
/// The bytes are libyaml's; the choice of quoting is ours: a string a YAML 1.1 or 1.2
/// reader would take for another type is double-quoted, a string with line breaks is
/// written as a literal block, and every other string is left to libyaml (plain where
/// its syntax allows). Lines are never folded.
public struct YAMLWriter: Sendable {
    public init() {}

    /// The YAML text of one document, without a `---` line, ending in a newline.
    public func document(_ values: Values) throws(YAMLError) -> String {
        var bytes: [UInt8] = []
        try append(values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the YAML text of one document (no `---` line) to `output`.
    public func append(_ values: Values, to output: inout [UInt8]) throws(YAMLError) {
        let sink = EmitterSink(output)
        output = []
        defer { output = sink.bytes }
        // libyaml keeps pointers into its emitter, so it lives at one address, not in a Swift var.
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else { throw .emitterFailed("out of memory") }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(emitter, { context, buffer, size in
            let sink = Unmanaged<EmitterSink>.fromOpaque(context!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())

        let emitting = Emitting(emitter: emitter)
        try emitting.emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        try emitting.emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        try emitting.node(values)
        try emitting.emit { yaml_document_end_event_initialize(&$0, 1) }
        try emitting.emit { yaml_stream_end_event_initialize(&$0) }
        withExtendedLifetime(sink) {}
    }

    /// A float as YAML reads it back as a float: `0.5`, `1.0`, `1e+20`, `.inf`, `.nan`.
    public static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return number.description
    }

    /// The text of a scalar that is not a string.
    static func plainText(of values: Values) -> String? {
        switch values {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return text(of: number)
        case .string, .list, .map: return nil
        }
    }
}

/// Collects what the emitter writes; a class so libyaml's C callback can reach it.
private final class EmitterSink {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// Feeds a tree to an emitter as events.
private struct Emitting {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>

    /// Initialises an event and hands it to the emitter, which takes ownership of it.
    func emit(_ initialize: (inout yaml_event_t) -> Int32) throws(YAMLError) {
        var event = yaml_event_t()
        guard initialize(&event) == 1 else { throw .emitterFailed("out of memory") }
        try emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) throws(YAMLError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            throw .emitterFailed(emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error")
        }
    }

    func node(_ values: Values) throws(YAMLError) {
        switch values {
        case .map(let map):
            try emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            for (key, item) in map {
                try string(key)
                try node(item)
            }
            try emit { yaml_mapping_end_event_initialize(&$0) }
        case .list(let items):
            try emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
            for item in items { try node(item) }
            try emit { yaml_sequence_end_event_initialize(&$0) }
        case .string(let text):
            try string(text)
        default:
            try scalar(YAMLWriter.plainText(of: values) ?? "", style: YAML_PLAIN_SCALAR_STYLE)
        }
    }

    private func string(_ text: String) throws(YAMLError) {
        var text = text
        var event = text.withUTF8 { bytes in
            let style: yaml_scalar_style_t
            if ImplicitTypes.isAmbiguous(utf8: bytes) {
                style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
            } else if bytes.contains(UInt8(ascii: "\n")) {
                style = YAML_LITERAL_SCALAR_STYLE
            } else {
                style = YAML_ANY_SCALAR_STYLE
            }
            return Self.scalarEvent(bytes, style: style)
        }
        guard event.data.scalar.value != nil else { throw .emitterFailed("out of memory") }
        try emit(&event)
    }

    private func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLError) {
        var text = text
        var event = text.withUTF8 { Self.scalarEvent($0, style: style) }
        guard event.data.scalar.value != nil else { throw .emitterFailed("out of memory") }
        try emit(&event)
    }

    /// A scalar event over a copy of `bytes`, which libyaml frees with the event.
    ///
    /// `yaml_scalar_event_initialize` would validate the UTF-8 once more; Swift strings
    /// are valid UTF-8 already, and skipping that pass is a measurable part of a large render.
    private static func scalarEvent(_ bytes: UnsafeBufferPointer<UInt8>, style: yaml_scalar_style_t) -> yaml_event_t {
        var event = yaml_event_t()
        guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: UInt8.self) else { return event }
        if let base = bytes.baseAddress { memcpy(copy, base, bytes.count) }
        copy[bytes.count] = 0
        event.type = YAML_SCALAR_EVENT
        event.data.scalar.value = copy
        event.data.scalar.length = bytes.count
        event.data.scalar.plain_implicit = 1
        event.data.scalar.quoted_implicit = 1
        event.data.scalar.style = style
        return event
    }
}
