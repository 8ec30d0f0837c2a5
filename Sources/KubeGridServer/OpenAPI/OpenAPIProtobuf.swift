import KubeGridCore

/// `/openapi/v2` as kubectl 1.32 asks for it (`Accept: application/com.github.proto-openapi.
/// spec.v2@v1.0+protobuf`, nothing else): the JSON document written as gnostic's
/// `openapi.v2.Document` message (google/gnostic openapiv2/OpenAPIv2.proto, the field
/// numbers below). Vendor extensions and `enum`/`default` values travel as YAML text in
/// `Any.yaml`, which JSON is.
enum OpenAPIProtobuf {
    /// What kubectl asks for (an `@` Go's mime parser does not take back)...
    static let mediaType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
    /// ...and what kube-openapi answers with, as its handler does.
    static let contentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"

    static func document(_ document: Values) -> [UInt8] {
        var writer = ProtobufWriter()
        writer.string(1, document["swagger"]?.stringValue)
        writer.message(2) { info in
            info.string(1, document["info"]?["title"]?.stringValue)
            info.string(2, document["info"]?["version"]?.stringValue)
        }
        writer.message(8) { paths in
            for (path, item) in document["paths"]?.mapValue ?? [:] {
                paths.message(2) { named in
                    named.string(1, path)
                    named.message(2) { pathItem in
                        if let patch = item["patch"] { pathItem.message(8) { operation(&$0, patch) } }
                    }
                }
            }
        }
        writer.message(9) { definitions in
            for (name, schema) in document["definitions"]?.mapValue ?? [:] {
                definitions.message(1) { named in
                    named.string(1, name)
                    named.message(2) { self.schema(&$0, schema) }
                }
            }
        }
        return writer.bytes
    }

    private static func operation(_ writer: inout ProtobufWriter, _ operation: Values) {
        writer.string(5, operation["operationId"]?.stringValue)
        writer.strings(7, (operation["consumes"]?.listValue ?? []).compactMap(\.stringValue))
        for parameter in operation["parameters"]?.listValue ?? [] {
            // ParametersItem.parameter → Parameter.non_body_parameter → query_parameter_sub_schema
            writer.message(8) { item in
                item.message(1) { $0.message(2) { $0.message(3) { query in
                    query.string(2, parameter["in"]?.stringValue)
                    query.string(4, parameter["name"]?.stringValue)
                    query.string(6, parameter["type"]?.stringValue)
                    query.bool(20, parameter["uniqueItems"] == .bool(true))
                } } }
            }
        }
        extensions(&writer, 13, operation)
    }

    private static func schema(_ writer: inout ProtobufWriter, _ schema: Values) {
        writer.string(1, schema["$ref"]?.stringValue)
        writer.string(2, schema["format"]?.stringValue)
        writer.string(3, schema["title"]?.stringValue)
        writer.string(4, schema["description"]?.stringValue)
        if let value = schema["default"] { writer.message(5) { $0.string(2, yaml(value)) } }
        writer.double(6, number(schema["multipleOf"]))
        writer.double(7, number(schema["maximum"]))
        writer.bool(8, schema["exclusiveMaximum"] == .bool(true))
        writer.double(9, number(schema["minimum"]))
        writer.bool(10, schema["exclusiveMinimum"] == .bool(true))
        for (field, key) in [(11, "maxLength"), (12, "minLength"), (14, "maxItems"), (15, "minItems"),
                             (17, "maxProperties"), (18, "minProperties")] {
            if case .int(let value)? = schema[key] { writer.int64(field, value) }
        }
        writer.string(13, schema["pattern"]?.stringValue)
        writer.bool(16, schema["uniqueItems"] == .bool(true))
        writer.strings(19, (schema["required"]?.listValue ?? []).compactMap(\.stringValue))
        for value in schema["enum"]?.listValue ?? [] { writer.message(20) { $0.string(2, yaml(value)) } }
        switch schema["additionalProperties"] {
        case .map?: writer.message(21) { item in item.message(1) { self.schema(&$0, schema["additionalProperties"]!) } }
        case .bool(let allowed)?: writer.message(21) { $0.bool(2, allowed) }
        default: break
        }
        switch schema["type"] {
        case .string(let type)?: writer.message(22) { $0.strings(1, [type]) }
        case .list(let types)?: writer.message(22) { $0.strings(1, types.compactMap(\.stringValue)) }
        default: break
        }
        switch schema["items"] {
        case .map?: writer.message(23) { items in items.message(1) { self.schema(&$0, schema["items"]!) } }
        case .list(let list)?: writer.message(23) { items in for item in list { items.message(1) { self.schema(&$0, item) } } }
        default: break
        }
        for part in schema["allOf"]?.listValue ?? [] { writer.message(24) { self.schema(&$0, part) } }
        if let properties = schema["properties"]?.mapValue {
            writer.message(25) { list in
                for (name, property) in properties {
                    list.message(1) { named in
                        named.string(1, name)
                        named.message(2) { self.schema(&$0, property) }
                    }
                }
            }
        }
        writer.bool(27, schema["readOnly"] == .bool(true))
        if let value = schema["example"] { writer.message(30) { $0.string(2, yaml(value)) } }
        extensions(&writer, 31, schema)
    }

    /// `x-…` keys as `NamedAny` entries.
    private static func extensions(_ writer: inout ProtobufWriter, _ field: Int, _ object: Values) {
        for (key, value) in object.mapValue ?? [:] where key.hasPrefix("x-") {
            writer.message(field) { named in
                named.string(1, key)
                named.message(2) { $0.string(2, yaml(value)) }
            }
        }
    }

    private static func yaml(_ value: Values) -> String {
        KubeResponder.compact(value) + "\n"
    }

    private static func number(_ value: Values?) -> Double? {
        switch value {
        case .int(let number)?: return Double(number)
        case .float(let number)?: return number
        default: return nil
        }
    }
}
