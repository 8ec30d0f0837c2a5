import CJansson

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `Values` tree as JSON text through jansson.
public enum JSONWriter {
    /// The layout of the text.
    public enum Style: Sendable {
        /// Two-space indentation, one member per line.
        case pretty
        /// One line, no spaces.
        case compact
    }

    /// Returns the JSON text of `values`, ending in a newline when `style` is `.pretty`.
    public static func write(_ values: Values, style: Style = .pretty) throws(JSONError) -> String {
        let root = try json(of: values, path: "")
        defer { kg_json_decref(root) }
        // JSON_ENCODE_ANY: without it jansson dumps only objects and arrays, and a scalar
        // (a README's default, say) came out as "null".
        var flags = kg_json_real_precision(Int32(realPrecision(of: values))) | Int(JSON_ENCODE_ANY)
        flags |= style == .pretty ? kg_json_indent(2) : Int(JSON_COMPACT)
        guard let text = json_dumps(root, flags) else { throw .unrepresentable(path: "", value: "\(values)") }
        defer { free(text) }
        let body = String(cString: text)
        return style == .pretty ? body + "\n" : body
    }

    /// The fewest significant digits with which `%g` gives back every float in the tree.
    ///
    /// jansson formats all reals of one call with one precision; taking the largest any
    /// float needs keeps `0.1` as `0.1` instead of `0.10000000000000001`.
    static func realPrecision(of values: Values) -> Int {
        switch values {
        case .float(let number):
            return shortestPrecision(of: number)
        case .list(let items):
            return items.map(realPrecision(of:)).max() ?? 1
        case .map(let map):
            return map.values.map(realPrecision(of:)).max() ?? 1
        default:
            return 1
        }
    }

    /// Swift's `description` is the shortest text that reads back as the same double, so
    /// its significant digits are the precision that number needs; without an exponent
    /// there, the precision also covers every digit before the point (`1000.0`, not `1e3`).
    private static func shortestPrecision(of number: Double) -> Int {
        guard number.isFinite else { return 1 }
        let text = number.magnitude.description
        let parts = text.split(separator: "e")
        let digits = parts[0].filter(\.isNumber).drop(while: { $0 == "0" })
        var precision = String(digits).reversed().drop(while: { $0 == "0" }).count
        if parts.count == 1 {
            let integerDigits = parts[0].prefix(while: { $0 != "." }).drop(while: { $0 == "0" }).count
            precision = max(precision, integerDigits)
        }
        return min(max(precision, 1), 17)
    }

    private static func json(of values: Values, path: String) throws(JSONError) -> UnsafeMutablePointer<json_t> {
        switch values {
        case .null:
            return json_null()
        case .bool(let flag):
            return flag ? json_true() : json_false()
        case .int(let number):
            return json_integer(json_int_t(number))
        case .float(let number):
            guard number.isFinite, let real = json_real(number) else {
                throw .unrepresentable(path: path, value: "\(number)")
            }
            return real
        case .string(let text):
            return text.utf8CString.withUnsafeBufferPointer { buffer in
                json_stringn_nocheck(buffer.baseAddress, buffer.count - 1)
            }
        case .list(let items):
            let array = json_array()!
            for (index, item) in items.enumerated() {
                let element: UnsafeMutablePointer<json_t>
                do {
                    element = try json(of: item, path: "\(path)[\(index)]")
                } catch {
                    kg_json_decref(array)
                    throw error
                }
                json_array_append_new(array, element)
            }
            return array
        case .map(let map):
            let object = json_object()!
            for (key, item) in map {
                let element: UnsafeMutablePointer<json_t>
                do {
                    element = try json(of: item, path: path.isEmpty ? key : "\(path).\(key)")
                } catch {
                    kg_json_decref(object)
                    throw error
                }
                json_object_setn_new_nocheck(object, key, key.utf8.count, element)
            }
            return object
        }
    }
}
