/// Reads the objects of manifest documents into entries, and what cannot be read into
/// findings (KG216) at the line of the offending field.
enum ManifestLoader {
    static func entries(
        of documents: [YAMLDocument], input: String
    ) -> (entries: [ManifestEntry], findings: [LintFinding]) {
        var entries: [ManifestEntry] = []
        var findings: [LintFinding] = []
        for document in documents {
            switch document.root {
            case .null:
                continue
            case .map(let map) where map["kind"] == "List" && map["items"]?.listValue != nil:
                for (index, item) in (map["items"]?.listValue ?? []).enumerated() {
                    let prefix = ValuePath.fields("items").appending(index: index)
                    read(item, document: document, prefix: prefix, input: input, into: &entries, &findings)
                }
            default:
                read(document.root, document: document, prefix: .root, input: input, into: &entries, &findings)
            }
        }
        return (entries, findings)
    }

    private static func read(
        _ values: Values, document: YAMLDocument, prefix: ValuePath, input: String,
        into entries: inout [ManifestEntry], _ findings: inout [LintFinding]
    ) {
        func fail(_ path: ValuePath, _ message: String) {
            findings.append(LintFinding(
                rule: "KG216", location: LintLocation(document.position(of: prefix.appending(path))), message: message,
                input: input))
        }
        guard case .map = values else {
            fail(.root, "a manifest document must be a Kubernetes object (a map), got \(values.kindDescription)")
            return
        }
        let title = [values["kind"]?.stringValue, values.value(at: .fields("metadata.name"))?.stringValue]
            .compactMap { $0 }.joined(separator: " ")
        let named = title.isEmpty ? "the object" : title
        do {
            let object = try KubernetesObject(decoding: values)
            if case .other = object, object.name.isEmpty,
                values.value(at: .fields("metadata.generateName"))?.stringValue == nil
            {
                fail(.fields("metadata"), "\(named) has no metadata.name; add one")
                return
            }
            entries.append(ManifestEntry(object: object, origin: .document(document, prefix: prefix), input: input))
        } catch let error as ManifestDecodingError {
            fail(error.valuePath ?? .root, "\(named): \(error)")
        } catch {
            fail(.root, "\(named): \(error)")
        }
    }
}

extension ManifestDecodingError {
    /// The field the error is about, as a values path for positions.
    var valuePath: ValuePath? {
        let path: FieldPath
        switch self {
        case .typeMismatch(let at, _, _), .missingField(let at), .unknownValue(let at, _, _), .invalidQuantity(let at, _):
            path = at
        case .wrongKind:
            return nil
        }
        return ValuePath(path.components.map { component in
            switch component {
            case .key(let key): .key(key)
            case .index(let index): .index(index)
            }
        })
    }
}
