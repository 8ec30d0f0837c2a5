/// Checks merged values against a chart's declaration: types, ranges, enums, unknown keys.
///
/// Returns the values with deprecated spellings folded into their current keys, unset
/// keys at their defaults and integral floats made integers, so the typed models can
/// read them without doubt.
public struct SchemaValidator {
    public let schema: ValuesSchema

    public init(_ schema: ValuesSchema) {
        self.schema = schema
    }

    /// Validates `values`; the diagnostics say what is wrong, where.
    public func validate(_ values: Values) -> (values: Values, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let normalized = check(values, against: .object(schema.fields), nullable: false, at: .root, &diagnostics)
        return (normalized, diagnostics)
    }

    private func check(
        _ value: Values, against type: ValueType, nullable: Bool, at path: ValuePath, _ diagnostics: inout [Diagnostic]
    ) -> Values {
        if value.isNull {
            switch type {
            case .object, .stringMap, .quantityMap:
                // A group the user nulled out reads as empty: its leaves then say what they need.
                return check(.emptyMap, against: type, nullable: nullable, at: path, &diagnostics)
            case .stringList:
                return .list([])
            default:
                if !nullable {
                    diagnostics.append(Diagnostic(.error, rule: "KG001", path: path, "needs a value, got null; remove the null or set \(path)"))
                }
                return .null
            }
        }
        switch type {
        case .boolean:
            if case .bool = value { return value }
            diagnostics.append(mismatch(path, expected: "true or false", value))
        case .integer(let range):
            guard let integer = integerValue(value) else {
                diagnostics.append(mismatch(path, expected: "an integer", value))
                return value
            }
            if let range, !range.contains(integer) {
                diagnostics.append(Diagnostic(
                    .error, rule: "KG001", path: path,
                    "must be between \(range.lowerBound) and \(range.upperBound), got \(integer)"))
            }
            return .int(integer)
        case .string:
            if case .string = value { return value }
            diagnostics.append(mismatch(path, expected: "a string", value))
        case .enumeration(let allowed):
            guard case .string(let text) = value else {
                diagnostics.append(mismatch(path, expected: "one of \(allowed.joined(separator: ", "))", value))
                return value
            }
            if !allowed.contains(text) {
                let hint = Suggestion.closest(to: text, among: allowed).map { " (did you mean \($0)?)" } ?? ""
                diagnostics.append(Diagnostic(
                    .error, rule: "KG001", path: path,
                    "\"\(text)\" is not one of \(allowed.joined(separator: ", "))\(hint)"))
            }
        case .stringMap, .quantityMap:
            guard case .map(let map) = value else {
                diagnostics.append(mismatch(path, expected: "a map", value))
                return value
            }
            for (key, item) in map {
                switch (type, item) {
                case (.quantityMap, .string(let text)):
                    // The typed model writes the text as it is, so text Kubernetes cannot read must stop here.
                    do {
                        _ = try Quantity(text)
                    } catch {
                        diagnostics.append(Diagnostic(.error, rule: "KG001", path: path.appending(key: key), "\(error)"))
                    }
                case (.stringMap, .string), (.quantityMap, .int), (.quantityMap, .float):
                    continue
                default:
                    let expected = type.isQuantityMap ? "a quantity such as 300Mi" : "a string"
                    diagnostics.append(mismatch(path.appending(key: key), expected: expected, item))
                }
            }
        case .stringList:
            guard case .list(let items) = value else {
                diagnostics.append(mismatch(path, expected: "a list of strings", value))
                return value
            }
            for (index, item) in items.enumerated() where item.stringValue == nil {
                diagnostics.append(mismatch(path.appending(index: index), expected: "a string", item))
            }
        case .object(let fields):
            guard case .map(let map) = value else {
                diagnostics.append(mismatch(path, expected: "a map", value))
                return value
            }
            return .map(checkObject(map, fields: fields, at: path, &diagnostics))
        }
        return value
    }

    private func checkObject(
        _ map: Values.Map, fields: [ValueField], at path: ValuePath, _ diagnostics: inout [Diagnostic]
    ) -> Values.Map {
        var result = Values.Map()
        var consumed: Set<String> = []
        for field in fields {
            var value = map[field.key]
            consumed.insert(field.key)
            for alias in field.deprecatedAliases {
                guard let aliased = map[alias] else { continue }
                consumed.insert(alias)
                diagnostics.append(Diagnostic(
                    .warning, rule: "KG003", path: path.appending(key: alias),
                    "is a deprecated spelling; write \(path.appending(key: field.key)) instead"))
                if value == nil || value == .null || value == field.defaultValue {
                    value = aliased
                } else if value != aliased && !aliased.isNull {
                    // A null old spelling sets nothing, so it cannot disagree (Helm reads it so too).
                    diagnostics.append(Diagnostic(
                        .error, rule: "KG001", path: path.appending(key: alias),
                        "conflicts with \(path.appending(key: field.key)); set only \(field.key)"))
                }
            }
            // A key left out or set to null is unset, and an unset key reads as its default:
            // Helm drops a null before the templates run, and the templates fill in the
            // chart's defaults (`<chart>.applyDefaults`), so both render the same.
            if value == nil || value == .null { value = field.defaultValue }
            let checked = check(value ?? .null, against: field.type, nullable: field.nullable, at: path.appending(key: field.key), &diagnostics)
            result[field.key] = checked
        }
        let known = fields.map(\.key) + fields.flatMap(\.deprecatedAliases)
        // `global` is Helm's key for values every subchart sees; no chart here has a key of that name.
        for key in map.keys where !consumed.contains(key) && key != "global" {
            let hint = Suggestion.closest(to: key, among: known).map { "; did you mean \($0)?" } ?? ""
            diagnostics.append(Diagnostic(
                .warning, rule: "KG002", path: path.appending(key: key),
                "is not a known key of this chart and is ignored\(hint)"))
        }
        return result
    }

    private func integerValue(_ value: Values) -> Int? {
        switch value {
        case .int(let integer):
            return integer
        case .float(let number) where number.rounded() == number && abs(number) < 9.0e15:
            return Int(number)
        default:
            return nil
        }
    }

    private func mismatch(_ path: ValuePath, expected: String, _ value: Values) -> Diagnostic {
        var hint = ""
        switch value {
        case .string where expected == "an integer" || expected == "true or false":
            hint = "; write it without quotes"
        case .int where expected == "a string", .float where expected == "a string", .bool where expected == "a string":
            hint = "; quote it in YAML or use --set-string"
        default:
            break
        }
        return Diagnostic(.error, rule: "KG001", path: path, "must be \(expected), got \(value.kindDescription)\(hint)")
    }
}

extension ValueType {
    fileprivate var isQuantityMap: Bool {
        if case .quantityMap = self { return true }
        return false
    }
}
