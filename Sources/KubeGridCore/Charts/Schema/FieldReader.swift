import OrderedCollections

/// Reads typed settings out of values the `SchemaValidator` has already checked.
///
/// Validation has guaranteed every type, so a mismatch here is a programming error in a
/// chart's schema, not a user error; the reader then falls back to the empty value.
struct FieldReader {
    let map: Values.Map

    init(_ values: Values) {
        self.map = values.mapValue ?? [:]
    }

    func object(_ key: String) -> FieldReader {
        FieldReader(map[key] ?? .emptyMap)
    }

    func bool(_ key: String) -> Bool {
        if case .bool(let flag)? = map[key] { return flag }
        return false
    }

    func int(_ key: String) -> Int {
        optionalInt(key) ?? 0
    }

    func optionalInt(_ key: String) -> Int? {
        if case .int(let number)? = map[key] { return number }
        return nil
    }

    func string(_ key: String) -> String {
        optionalString(key) ?? ""
    }

    /// A string, with an empty string read as absent.
    func optionalString(_ key: String) -> String? {
        if case .string(let text)? = map[key], !text.isEmpty { return text }
        return nil
    }

    func stringMap(_ key: String) -> OrderedDictionary<String, String> {
        guard case .map(let inner)? = map[key] else { return [:] }
        return inner.compactMapValues(\.stringValue)
    }

    func stringList(_ key: String) -> [String] {
        guard case .list(let items)? = map[key] else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// Quantities as Kubernetes spells them: strings stay, numbers are written out.
    ///
    /// A whole number is written without a fraction whatever its YAML spelling (`1e3`,
    /// `2.0`), as Helm prints it: Helm reads every values-file number as a float64.
    func quantityTexts(_ key: String) -> OrderedDictionary<String, String> {
        guard case .map(let inner)? = map[key] else { return [:] }
        return inner.compactMapValues { value in
            switch value {
            case .string(let text): return text
            case .int(let number): return String(number)
            case .float(let number) where number.rounded() == number && abs(number) < 9.0e15: return String(Int(number))
            case .float(let number): return YAMLWriter.text(of: number)
            default: return nil
            }
        }
    }
}
