import Hummingbird
import KubeGridCore
import KubeGridSim

/// `fieldValidation`: with `Strict` (what kubectl sends once the OpenAPI document lists the
/// parameter) a field the kind's schema does not define refuses the request with the API
/// server's 400, `Kind in version "v1" cannot be handled as a Kind: strict decoding error:
/// unknown field "spec.foo"`; with `Warn` (`kubectl --validate=warn`) each such field is a
/// `Warning` header and the request goes on; with `Ignore` nothing is checked. The schema is
/// the served OpenAPI definitions'.
enum UnknownFields {
    /// The warnings to send when `fieldValidation` is `Warn`; throws the API server's refusal
    /// when it is `Strict` and `object` (a manifest, or the fields of a merge patch) has
    /// fields the kind does not define.
    static func check(_ object: Values, resource: APIResource, query: Query) throws(StatusBody) -> [String] {
        let directive = query["fieldValidation"]
        guard directive == "Strict" || directive == "Warn", let root = definitionNames[resource.kind.rawValue] else { return [] }
        var unknown: [String] = []
        walk(object, schema: .map(["$ref": .string("#/definitions/\(root)")]), path: "", into: &unknown)
        let messages = unknown.map { "unknown field \"\($0)\"" }
        guard directive == "Strict", !messages.isEmpty else { return messages }
        let kind = resource.kind.rawValue
        throw StatusBody.badRequest(
            "\(kind) in version \"\(resource.version)\" cannot be handled as a \(kind): strict decoding error: "
                + messages.joined(separator: ", "))
    }

    /// `response` with one `Warning: 299 - "…"` header per message, as the API server sends them.
    static func warning(_ response: Response, _ messages: [String]) -> Response {
        var response = response
        for message in messages {
            let quoted = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            response.headers.append(HTTPFields.Element(name: HTTPFields.Element.Name("Warning")!, value: "299 - \"\(quoted)\""))
        }
        return response
    }

    /// The definition of each served kind, by kind.
    private static let definitionNames: [String: String] = {
        var names: [String: String] = [:]
        for resource in APIResource.all {
            names[resource.kind.rawValue] = OpenAPIDocuments.definitionName(resource)
        }
        return names
    }()

    private static func walk(_ value: Values, schema: Values, path: String, into unknown: inout [String]) {
        var schema = schema
        while let reference = schema["$ref"]?.stringValue,
              let target = OpenAPIDocuments.definitions[String(reference.split(separator: "/").last ?? "")] {
            schema = target
        }
        if schema["x-kubernetes-preserve-unknown-fields"] == .bool(true) { return }
        switch value {
        case .map(let map):
            if let properties = schema["properties"]?.mapValue {
                for (key, field) in map where !key.hasPrefix("$") {
                    let fieldPath = path.isEmpty ? key : "\(path).\(key)"
                    if let fieldSchema = properties[key] {
                        walk(field, schema: fieldSchema, path: fieldPath, into: &unknown)
                    } else if schema["additionalProperties"] == nil {
                        unknown.append(fieldPath)
                    }
                }
            } else if let additional = schema["additionalProperties"], additional.mapValue != nil {
                for (key, field) in map { walk(field, schema: additional, path: "\(path).\(key)", into: &unknown) }
            }
        case .list(let items):
            guard let itemSchema = schema["items"] else { return }
            for (index, item) in items.enumerated() { walk(item, schema: itemSchema, path: "\(path)[\(index)]", into: &unknown) }
        default:
            return
        }
    }
}
