import CJansson

/// Reads JSON text into a `Values` tree through jansson.
///
/// Objects keep their key order (jansson preserves insertion order) and integers stay
/// integers.
public enum JSONReader {
    /// Parses a whole JSON document: any value, with nothing but white space after it.
    public static func parse(_ text: String, source: String = "<json>") throws(JSONError) -> Values {
        try decode(text, flags: JSON_DECODE_ANY, source: source).value
    }

    /// Parses the first JSON value at the start of `text` and says how many UTF-8 bytes it took.
    ///
    /// This is what Helm's `--set-json` does: a value is followed by more of the expression.
    /// With `integersAsReals`, every number is read as a double, as Go's `encoding/json`
    /// reads them, so an integer too big for 64 bits is a float instead of an error.
    public static func parseLeadingValue(
        _ text: String, source: String = "<json>", integersAsReals: Bool = false
    ) throws(JSONError) -> (value: Values, consumedBytes: Int) {
        let numbers = integersAsReals ? JSON_DECODE_INT_AS_REAL : 0
        return try decode(text, flags: JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | numbers, source: source)
    }

    /// Parses a whole JSON document, reading every number as a double (see `parseLeadingValue`).
    public static func parseReadingNumbersAsReals(_ text: String, source: String = "<json>") throws(JSONError) -> Values {
        try decode(text, flags: JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, source: source).value
    }

    private static func decode(
        _ text: String, flags: Int32, source: String
    ) throws(JSONError) -> (value: Values, consumedBytes: Int) {
        var error = json_error_t()
        let utf8 = Array(text.utf8)
        // JSON_ALLOW_NUL: `"\u0000"` is a valid string, as in Go's encoding/json (object
        // keys holding one are still refused: jansson cannot store them).
        let root = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                json_loadb($0, buffer.count, Int(flags | JSON_ALLOW_NUL), &error)
            }
        }
        guard let root else {
            let reason = withUnsafeBytes(of: error.text) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            throw .malformed(
                source: source, line: Int(error.line), column: Int(error.column), reason: reason)
        }
        defer { kg_json_decref(root) }
        return (values(of: root), Int(error.position))
    }

    private static func values(of json: UnsafeMutablePointer<json_t>) -> Values {
        switch json_type(UInt32(kg_json_typeof(json))) {
        case JSON_OBJECT:
            var map = Values.Map()
            var iterator = json_object_iter(json)
            while let current = iterator {
                let key = String(cString: json_object_iter_key(current))
                map[key] = values(of: json_object_iter_value(current))
                iterator = json_object_iter_next(json, current)
            }
            return .map(map)
        case JSON_ARRAY:
            return .list((0..<json_array_size(json)).map { values(of: json_array_get(json, $0)) })
        case JSON_STRING:
            let bytes = UnsafeRawBufferPointer(start: json_string_value(json), count: json_string_length(json))
            return .string(String(decoding: bytes, as: UTF8.self))
        case JSON_INTEGER:
            return .int(Int(json_integer_value(json)))
        case JSON_REAL:
            return .float(json_real_value(json))
        case JSON_TRUE:
            return .bool(true)
        case JSON_FALSE:
            return .bool(false)
        default:
            return .null
        }
    }
}
