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
            if let labels, !labels.matches(Dictionary(uniqueKeysWithValues: object.metadata.labels.map { ($0.key, $0.value) })) {
                continue
            }
            let values = encoding.encode(object)
            if let fields, !fields.requirements.allSatisfy({ requirement in
                (Self.lookup(requirement.field, in: values) == requirement.value) == requirement.equal
            }) {
                continue
            }
            result.append((object, values))
        }
        return result
    }

    private static func lookup(_ path: String, in values: Values) -> String {
        var current: Values? = values
        for part in path.split(separator: ".") { current = current?.mapValue?[String(part)] }
        return current?.stringValue ?? ""
    }
}
