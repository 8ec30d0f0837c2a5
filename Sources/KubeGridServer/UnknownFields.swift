import KubeGridCore
import KubeGridSim

/// `fieldValidation=Strict` (what kubectl sends once the OpenAPI document lists the
/// parameter): a field the kind's schema does not define refuses the request with the API
/// server's 400, `Kind in version "v1" cannot be handled as a Kind: strict decoding error:
/// unknown field "spec.foo"`. The schema is the served OpenAPI definitions'.
enum UnknownFields {
    /// Throws the API server's refusal when `fieldValidation` is `Strict` and `object` (a
    /// manifest, or the fields of a merge patch) has fields the kind does not define.
    static func check(_ object: Values, resource: APIResource, query: Query) throws(StatusBody) {
        guard query["fieldValidation"] == "Strict", let root = definitionNames[resource.kind.rawValue] else { return }
        var unknown: [String] = []
        walk(object, schema: .map(["$ref": .string("#/definitions/\(root)")]), path: "", into: &unknown)
        guard !unknown.isEmpty else { return }
        let kind = resource.kind.rawValue
        throw StatusBody.badRequest(
            "\(kind) in version \"\(resource.version)\" cannot be handled as a \(kind): strict decoding error: "
                + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
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
