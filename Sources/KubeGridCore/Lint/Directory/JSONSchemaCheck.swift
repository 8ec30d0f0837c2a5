/// Checks values against a chart's `values.schema.json`, for charts kubegrid has no typed
/// model of.
///
/// A subset of JSON Schema that covers what chart schemas use: `type`, `enum`, `const`,
/// `properties`, `required`, `additionalProperties`, `items`, `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`, `minItems`,
/// `maxItems`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else` and local `$ref`s.
/// `pattern`, `format` and remote references are not checked.
struct JSONSchemaCheck {
    /// A value that breaks the schema.
    struct Problem: Sendable, Hashable {
        var path: ValuePath
        var message: String
    }

    /// How many subschema checks one run may make: a hostile schema (`anyOf` of `$ref`s to
    /// itself) would otherwise take exponential time.
    static let checkBudget = 100_000

    /// The checks left in the current run.
    private final class Budget {
        var remaining = JSONSchemaCheck.checkBudget
    }

    let schema: Values
    private let budget = Budget()

    init(_ schema: Values) {
        self.schema = schema
    }

    func problems(_ value: Values) -> [Problem] {
        var found: [Problem] = []
        budget.remaining = Self.checkBudget
        check(value, against: schema, at: .root, depth: 0, &found)
        if budget.remaining <= 0 {
            found.append(Problem(path: .root, message: "values.schema.json is too intricate to check in full (more than \(Self.checkBudget) subschema checks); simplify its anyOf, oneOf and $ref nesting"))
        }
        return found
    }

    private func check(_ value: Values, against schema: Values, at path: ValuePath, depth: Int, _ found: inout [Problem]) {
        // Recursive `$ref`s cannot loop forever on finite values, but a self-referencing
        // schema without progress could; stop deep below any real chart.
        budget.remaining -= 1
        guard depth < 64, budget.remaining > 0 else { return }
        guard case .map(let rules) = schema else {
            if schema == .bool(false) { found.append(Problem(path: path, message: "is not allowed here by the schema")) }
            return
        }
        if let reference = rules["$ref"]?.stringValue, let target = resolve(reference) {
            check(value, against: target, at: path, depth: depth + 1, &found)
        }
        if let types = rules["type"], !Self.hasType(value, types) {
            let wanted = (types.listValue ?? [types]).compactMap(\.stringValue).joined(separator: " or ")
            found.append(Problem(path: path, message: "must be \(wanted) (values.schema.json), got \(Self.typeName(value))"))
            return
        }
        if let allowed = rules["enum"]?.listValue, !allowed.contains(where: { Self.equal($0, value) }) {
            let words = allowed.map(Self.display).joined(separator: ", ")
            found.append(Problem(path: path, message: "\(Self.display(value)) is not one of \(words) (values.schema.json)"))
        }
        if let constant = rules["const"], !Self.equal(constant, value) {
            found.append(Problem(path: path, message: "must be \(Self.display(constant)) (values.schema.json), got \(Self.display(value))"))
        }
        checkNumber(value, rules, path, &found)
        checkString(value, rules, path, &found)
        checkObject(value, rules, path, depth, &found)
        checkArray(value, rules, path, depth, &found)
        checkCombinations(value, rules, path, depth, &found)
    }

    private func checkNumber(_ value: Values, _ rules: Values.Map, _ path: ValuePath, _ found: inout [Problem]) {
        guard let number = Self.number(value) else { return }
        let bounds: [(String, (Double, Double) -> Bool, String)] = [
            ("minimum", { $0 >= $1 }, "at least"), ("maximum", { $0 <= $1 }, "at most"),
            ("exclusiveMinimum", { $0 > $1 }, "more than"), ("exclusiveMaximum", { $0 < $1 }, "less than"),
        ]
        for (key, holds, words) in bounds {
            if let bound = rules[key].flatMap(Self.number), !holds(number, bound) {
                found.append(Problem(path: path, message: "must be \(words) \(Self.display(rules[key]!)) (values.schema.json), got \(Self.display(value))"))
            }
        }
    }

    private func checkString(_ value: Values, _ rules: Values.Map, _ path: ValuePath, _ found: inout [Problem]) {
        guard case .string(let text) = value else { return }
        let length = text.unicodeScalars.count
        if let minimum = rules["minLength"].flatMap(Self.number), Double(length) < minimum {
            found.append(Problem(path: path, message: "must be at least \(Self.display(rules["minLength"]!)) characters (values.schema.json), got \(length)"))
        }
        if let maximum = rules["maxLength"].flatMap(Self.number), Double(length) > maximum {
            found.append(Problem(path: path, message: "must be at most \(Self.display(rules["maxLength"]!)) characters (values.schema.json), got \(length)"))
        }
    }

    private func checkObject(_ value: Values, _ rules: Values.Map, _ path: ValuePath, _ depth: Int, _ found: inout [Problem]) {
        guard case .map(let map) = value else { return }
        for key in rules["required"]?.listValue?.compactMap(\.stringValue) ?? [] where map[key] == nil {
            found.append(Problem(path: path.appending(key: key), message: "is required by values.schema.json; set it"))
        }
        let properties = rules["properties"]?.mapValue ?? [:]
        for (key, item) in map {
            if let property = properties[key] {
                check(item, against: property, at: path.appending(key: key), depth: depth + 1, &found)
            } else if let additional = rules["additionalProperties"] {
                if additional == .bool(false) {
                    let hint = Suggestion.closest(to: key, among: Array(properties.keys)).map { "; did you mean \($0)?" } ?? ""
                    found.append(Problem(path: path.appending(key: key), message: "is not a key values.schema.json allows\(hint)"))
                } else {
                    check(item, against: additional, at: path.appending(key: key), depth: depth + 1, &found)
                }
            }
        }
    }

    private func checkArray(_ value: Values, _ rules: Values.Map, _ path: ValuePath, _ depth: Int, _ found: inout [Problem]) {
        guard case .list(let items) = value else { return }
        if let minimum = rules["minItems"].flatMap(Self.number), Double(items.count) < minimum {
            found.append(Problem(path: path, message: "must have at least \(Self.display(rules["minItems"]!)) items (values.schema.json), got \(items.count)"))
        }
        if let maximum = rules["maxItems"].flatMap(Self.number), Double(items.count) > maximum {
            found.append(Problem(path: path, message: "must have at most \(Self.display(rules["maxItems"]!)) items (values.schema.json), got \(items.count)"))
        }
        switch rules["items"] {
        case .list(let tuple)?:
            for (index, item) in items.enumerated() where index < tuple.count {
                check(item, against: tuple[index], at: path.appending(index: index), depth: depth + 1, &found)
            }
        case let schema?:
            for (index, item) in items.enumerated() {
                check(item, against: schema, at: path.appending(index: index), depth: depth + 1, &found)
            }
        case nil:
            break
        }
    }

    private func checkCombinations(_ value: Values, _ rules: Values.Map, _ path: ValuePath, _ depth: Int, _ found: inout [Problem]) {
        func passes(_ schema: Values) -> Bool {
            var trial: [Problem] = []
            check(value, against: schema, at: path, depth: depth + 1, &trial)
            return trial.isEmpty
        }
        for schema in rules["allOf"]?.listValue ?? [] {
            check(value, against: schema, at: path, depth: depth + 1, &found)
        }
        if let options = rules["anyOf"]?.listValue, !options.isEmpty, !options.contains(where: passes) {
            found.append(Problem(path: path, message: "matches none of the anyOf choices of values.schema.json\(Self.described(rules))"))
        }
        if let options = rules["oneOf"]?.listValue, !options.isEmpty, options.filter(passes).count != 1 {
            found.append(Problem(path: path, message: "must match exactly one of the oneOf choices of values.schema.json\(Self.described(rules))"))
        }
        if let negated = rules["not"], passes(negated) {
            let what = negated["description"]?.stringValue.map { ": \($0)" } ?? ""
            found.append(Problem(path: path, message: "is ruled out by values.schema.json\(what)"))
        }
        if let condition = rules["if"] {
            if passes(condition) {
                if let then = rules["then"] { check(value, against: then, at: path, depth: depth + 1, &found) }
            } else if let otherwise = rules["else"] {
                check(value, against: otherwise, at: path, depth: depth + 1, &found)
            }
        }
    }

    /// A local reference, `#/definitions/x` or `#/$defs/x`.
    private func resolve(_ reference: String) -> Values? {
        guard reference.hasPrefix("#") else { return nil }
        var current = schema
        for part in reference.dropFirst().split(separator: "/") {
            guard let next = current[Self.unescaped(part)] else { return nil }
            current = next
        }
        return current
    }

    /// A JSON Pointer token: `~1` is `/`, `~0` is `~`.
    private static func unescaped(_ token: Substring) -> String {
        var result = ""
        var escaping = false
        for character in token {
            if escaping {
                result.append(character == "1" ? "/" : character == "0" ? "~" : character)
                escaping = false
            } else if character == "~" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func described(_ rules: Values.Map) -> String {
        rules["description"]?.stringValue.map { " (\($0))" } ?? ""
    }

    static func hasType(_ value: Values, _ types: Values) -> Bool {
        let names = (types.listValue ?? [types]).compactMap(\.stringValue)
        return names.contains { name in
            switch (name, value) {
            case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .list), ("object", .map): true
            case ("integer", .int), ("number", .int), ("number", .float): true
            case ("integer", .float(let number)): number.rounded() == number
            default: false
            }
        }
    }

    static func typeName(_ value: Values) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        case .list: "an array"
        case .map: "an object"
        }
    }

    static func number(_ value: Values) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }

    /// JSON equality: 1 and 1.0 are the same number.
    static func equal(_ a: Values, _ b: Values) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        return a == b
    }

    static func display(_ value: Values) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .int(let number): String(number)
        case .float(let number): YAMLWriter.text(of: number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .list, .map: (try? JSONWriter.write(value, style: .compact)) ?? value.kindDescription
        }
    }
}
