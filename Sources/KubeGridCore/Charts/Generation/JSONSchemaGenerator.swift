/// Writes a chart's `values.schema.json` from its values declaration.
///
/// Types, enums and ranges come from the fields; rules across keys come
/// from the chart (`crossFieldRules`), so Helm rejects what kubegrid rejects wherever
/// JSON Schema can say it.
enum JSONSchemaGenerator {
    static func schema(for schema: ValuesSchema, title: String, rules: [Values]) -> Values {
        var root = object(schema.fields).mapValue ?? [:]
        root.updateValue("https://json-schema.org/draft-07/schema#", forKey: "$schema", insertingAt: 0)
        root.updateValue(.string(title), forKey: "title", insertingAt: 1)
        if !rules.isEmpty { root["allOf"] = .list(rules) }
        return .map(root)
    }

    static func object(_ fields: [ValueField]) -> Values {
        var properties = Values.Map()
        for field in fields {
            properties[field.key] = property(field)
            for alias in field.deprecatedAliases {
                var aliased = property(field).mapValue ?? [:]
                aliased["deprecated"] = true
                aliased["description"] = .string("Deprecated spelling of \(field.key).")
                properties[alias] = .map(aliased)
            }
        }
        // Nothing is required: a key Helm drops for being null reads as its default.
        return ["type": "object", "properties": .map(properties)]
    }

    private static func property(_ field: ValueField) -> Values {
        var map = Values.Map()
        map["description"] = .string(field.summary)
        switch field.type {
        case .boolean:
            map["type"] = typeName("boolean", nullable: field.nullable)
        case .integer(let range):
            map["type"] = typeName("integer", nullable: field.nullable)
            if let range {
                map["minimum"] = .int(range.lowerBound)
                map["maximum"] = .int(range.upperBound)
            }
        case .string:
            map["type"] = typeName("string", nullable: field.nullable)
        case .enumeration(let allowed):
            map["type"] = typeName("string", nullable: field.nullable)
            map["enum"] = .list(allowed.map(Values.string) + (field.nullable ? [.null] : []))
        case .stringMap:
            map["type"] = ["object", "null"]
            map["additionalProperties"] = ["type": "string"]
        case .quantityMap:
            map["type"] = ["object", "null"]
            map["additionalProperties"] = [
                "type": ["string", "number"],
                "pattern": .string(quantityPattern),
            ]
        case .stringList:
            map["type"] = ["array", "null"]
            map["items"] = ["type": "string"]
        case .object(let fields):
            for (key, value) in object(fields).mapValue ?? [:] { map[key] = value }
        }
        return .map(map)
    }

    private static func typeName(_ name: String, nullable: Bool) -> Values {
        nullable ? [.string(name), "null"] : .string(name)
    }

    /// Kubernetes' quantity syntax: a number with a binary or decimal suffix or an exponent.
    static let quantityPattern = #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$"#
}
