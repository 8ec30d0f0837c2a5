import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One YAML document written as events straight into libyaml's emitter, appended to a
/// byte buffer: what ``YAMLWriter`` does for a `Values` tree, and what the Kubernetes types
/// do field by field (``ManifestWritable/emitManifest(to:)``) without building a tree first.
///
/// The quoting rule lives here once: a string a YAML 1.1 or 1.2 reader would take for
/// another type is double-quoted, a string with line breaks is a literal block, every
/// other string is left to libyaml. A failure (only an allocation can fail) is kept and
/// the events after it are dropped; ``finish()`` reports it.
public final class YAMLEventEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    fileprivate let sink: EmitterSink
    private var failure: YAMLError?
    /// Whether `failure` is set: checked before every event, where a plain flag costs less
    /// than comparing the optional error.
    private var hasFailed = false

    /// Starts a document whose bytes are appended to `output`.
    init(appendingTo output: [UInt8]) throws(YAMLError) {
        sink = EmitterSink(output)
        // libyaml keeps pointers into its emitter, so it lives at one address, not in a Swift var.
        emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw .emitterFailed("out of memory")
        }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        yaml_emitter_set_output(emitter, { context, buffer, size in
            let sink = Unmanaged<EmitterSink>.fromOpaque(context!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
        emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Ends the document; throws the first failure, if any.
    func finish() throws(YAMLError) {
        emit { yaml_document_end_event_initialize(&$0, 1) }
        emit { yaml_stream_end_event_initialize(&$0) }
        if let failure { throw failure }
    }

    /// Writes one document of `body`'s events after the bytes of `output`.
    static func document(appendingTo output: inout [UInt8], _ body: (YAMLEventEmitter) -> Void) throws(YAMLError) {
        let emitter = try YAMLEventEmitter(appendingTo: output)
        output = []
        defer { output = emitter.sink.bytes }
        body(emitter)
        try emitter.finish()
    }

    func beginMap() {
        emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
    }

    func endMap() {
        emit { yaml_mapping_end_event_initialize(&$0) }
    }

    func beginList() {
        emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
    }

    func endList() {
        emit { yaml_sequence_end_event_initialize(&$0) }
    }

    /// A string, quoted only where it must be to read back as a string.
    func string(_ text: String) {
        var text = text
        text.withUTF8 { scalar($0, style: Self.style(ofUTF8: $0)) }
    }

    /// A string whose style was decided beforehand with ``style(of:)`` (a field's key).
    func string(_ text: String, style: yaml_scalar_style_t) {
        var text = text
        text.withUTF8 { scalar($0, style: style) }
    }

    /// A scalar that is not a string (a number, a boolean, null), written plain.
    func plain(_ text: String) {
        var text = text
        text.withUTF8 { scalar($0, style: YAML_PLAIN_SCALAR_STYLE) }
    }

    func int(_ number: Int) {
        plain(String(number))
    }

    func bool(_ flag: Bool) {
        plain(flag ? "true" : "false")
    }

    /// Any tree of values.
    func node(_ values: Values) {
        switch values {
        case .map(let map):
            beginMap()
            for (key, item) in map {
                string(key)
                node(item)
            }
            endMap()
        case .list(let items):
            beginList()
            for item in items { node(item) }
            endList()
        case .string(let text):
            string(text)
        default:
            plain(YAMLWriter.plainText(of: values) ?? "")
        }
    }

    /// How `text` is written as a string.
    static func style(of text: String) -> yaml_scalar_style_t {
        var text = text
        return text.withUTF8 { style(ofUTF8: $0) }
    }

    private static func style(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> yaml_scalar_style_t {
        if ImplicitTypes.isAmbiguous(utf8: bytes) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        if bytes.contains(UInt8(ascii: "\n")) { return YAML_LITERAL_SCALAR_STYLE }
        return YAML_ANY_SCALAR_STYLE
    }

    /// Initialises an event and hands it to the emitter, which takes ownership of it.
    private func emit(_ initialize: (inout yaml_event_t) -> Int32) {
        guard !hasFailed else { return }
        var event = yaml_event_t()
        guard initialize(&event) == 1 else {
            fail(.emitterFailed("out of memory"))
            return
        }
        emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            fail(.emitterFailed(emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"))
            return
        }
    }

    private func fail(_ error: YAMLError) {
        failure = error
        hasFailed = true
    }

    /// A scalar event over a copy of `bytes`, which libyaml frees with the event.
    ///
    /// `yaml_scalar_event_initialize` would validate the UTF-8 once more; Swift strings
    /// are valid UTF-8 already, and skipping that pass is a measurable part of a large render.
    private func scalar(_ bytes: UnsafeBufferPointer<UInt8>, style: yaml_scalar_style_t) {
        guard !hasFailed else { return }
        guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: UInt8.self) else {
            fail(.emitterFailed("out of memory"))
            return
        }
        if let base = bytes.baseAddress { memcpy(copy, base, bytes.count) }
        copy[bytes.count] = 0
        var event = yaml_event_t()
        event.type = YAML_SCALAR_EVENT
        event.data.scalar.value = copy
        event.data.scalar.length = bytes.count
        event.data.scalar.plain_implicit = 1
        event.data.scalar.quoted_implicit = 1
        event.data.scalar.style = style
        emit(&event)
    }
}

/// Collects what the emitter writes; a class so libyaml's C callback can reach it.
private final class EmitterSink {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}
