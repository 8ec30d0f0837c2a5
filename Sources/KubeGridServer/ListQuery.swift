import Foundation
import KubeGridCore
import KubeGridSim

/// Query parameters by name (the last occurrence wins).
struct Query: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { text in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            values[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A boolean parameter, read as Go's `strconv.ParseBool` reads it (`true`, `True`, `1`, `t`…),
    /// as the API server does (the PyPI client sends `watch=True`).
    func flag(_ name: String) -> Bool {
        ["1", "t", "T", "TRUE", "true", "True"].contains(values[name] ?? "")
    }
}

/// A list's or watch's label and field selectors.
struct Selection: Sendable {
    var labels: LabelSelectorQuery?
    var fields: FieldSelectorQuery?

    init(_ query: Query) throws(StatusBody) {
        if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelectorQuery(text) }
        if let text = query["fieldSelector"], !text.isEmpty {
            let fields = try FieldSelectorQuery(text)
            for requirement in fields.requirements where !FieldSelectorQuery.fields.contains(requirement.field) {
                throw StatusBody.badRequest("field label not supported: \(requirement.field)")
            }
            self.fields = fields
        }
    }

    /// The objects that match, each with its encoding.
    func filter(_ objects: [StoredObject], encoding: ObjectEncoding) -> [(object: StoredObject, values: Values)] {
        var result: [(StoredObject, Values)] = []
        for object in objects {
            var values: Values?
            let encoded = { values = values ?? encoding.encode(object); return values! }
            if matches(object, encoded: encoded) { result.append((object, encoded())) }
        }
        return result
    }

    /// Whether it selects every object (no label or field selector).
    var isEmpty: Bool { labels == nil && fields == nil }

    /// Whether `object` is selected; `encoded` gives it as served, asked only when a field
    /// selector needs it.
    func matches(_ object: StoredObject, encoded: () -> Values) -> Bool {
        if let labels, !labels.matches(Dictionary(uniqueKeysWithValues: object.metadata.labels.map { ($0.key, $0.value) })) {
            return false
        }
        guard let fields else { return true }
        let values = encoded()
        return fields.requirements.allSatisfy { requirement in
            (Self.lookup(requirement.field, in: values) == requirement.value) == requirement.equal
        }
    }

    private static func lookup(_ path: String, in values: Values) -> String {
        var current: Values? = values
        for part in path.split(separator: ".") { current = current?.mapValue?[String(part)] }
        return current?.stringValue ?? ""
    }
}
