import KubeGridSim

/// What a request path names: a resource, maybe in a namespace, maybe one object of it.
struct ResourcePath: Sendable {
    var resource: APIResource
    var namespace: String?
    var name: String?
    var subresource: String?
    /// What follows a `proxy` subresource: the path to hand to the proxied service.
    var proxiedPath: [String] = []

    /// The object the path names, if it names one.
    var objectKey: ObjectKey? { name.map { ObjectKey(resource.kind, namespace: namespace, $0) } }

    /// Reads `/api/v1/...` or `/apis/GROUP/VERSION/...`; nil for a path that names no
    /// resource; throws the API server's 404 for a resource it does not serve.
    static func parse(_ segments: [String]) throws(StatusBody) -> ResourcePath? {
        var rest: ArraySlice<String>
        let group: String
        let version: String
        if segments.first == "api", segments.count >= 3 {
            group = ""
            version = segments[1]
            rest = segments[2...]
        } else if segments.first == "apis", segments.count >= 4 {
            group = segments[1]
            version = segments[2]
            rest = segments[3...]
        } else {
            return nil
        }
        var namespace: String?
        if rest.first == "namespaces", rest.count >= 3 {
            namespace = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        let name = rest.first!
        guard let resource = APIResource.all.first(where: { $0.group == group && $0.version == version && $0.name == name })
        else { throw StatusBody.pageNotFound() }
        if namespace != nil && !resource.namespaced { throw StatusBody.pageNotFound() }
        let objectName = rest.dropFirst().first
        let subresource = rest.dropFirst(2).first
        guard rest.count <= 3 || subresource == "proxy" else { throw StatusBody.pageNotFound() }
        if let subresource, !resource.subresources.contains(where: { $0.name == subresource }) {
            throw StatusBody.pageNotFound()
        }
        return ResourcePath(
            resource: resource, namespace: namespace, name: objectName, subresource: subresource,
            proxiedPath: Array(rest.dropFirst(3)))
    }
}

/// `labelSelector`: equality (`a=b`, `a==b`), inequality (`a!=b`), existence (`a`, `!a`),
/// and set-based (`a in (x,y)`, `a notin (x)`), joined by commas.
struct LabelSelectorQuery: Sendable {
    enum Requirement: Sendable {
        case equals(String, String)
        case notEquals(String, String)
        case exists(String)
        case notExists(String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
    }

    var requirements: [Requirement] = []

    init(_ text: String) throws(StatusBody) {
        for part in Self.split(text) {
            let term = part.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            if let range = term.range(of: " notin ") ?? term.range(of: " in ") {
                let key = String(term[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
                let list = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("("), list.hasSuffix(")"), Self.isKey(key) else { throw Self.invalid(text) }
                let values = Set(list.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                requirements.append(term[range].contains("notin") ? .notIn(key, values) : .isIn(key, values))
            } else if let range = term.range(of: "!=") {
                requirements.append(.notEquals(try Self.key(term[..<range.lowerBound], text), String(term[range.upperBound...])))
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                requirements.append(.equals(try Self.key(term[..<range.lowerBound], text), String(term[range.upperBound...])))
            } else if term.hasPrefix("!") {
                requirements.append(.notExists(try Self.key(term.dropFirst(), text)))
            } else {
                requirements.append(.exists(try Self.key(Substring(term), text)))
            }
        }
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .exists(let key): return labels[key] != nil
            case .notExists(let key): return labels[key] == nil
            case .isIn(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return !(labels[key].map(values.contains) ?? false)
            }
        }
    }

    /// Commas outside parentheses separate requirements.
    private static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    }

    private static func key(_ text: Substring, _ whole: String) throws(StatusBody) -> String {
        let key = text.trimmingCharacters(in: .whitespaces)
        guard isKey(key) else { throw invalid(whole) }
        return key
    }

    static func invalid(_ text: String) -> StatusBody {
        StatusBody.badRequest("unable to parse requirement: found '\(text)', expected: valid label selector")
    }
}

/// `fieldSelector`: `metadata.name`, `metadata.namespace`, `spec.nodeName` and
/// `status.phase`, and an Event's `involvedObject.*`, `reason`, `type` and
/// `reportingComponent` (the fields kubectl describe selects events by), with `=`, `==`
/// or `!=`.
struct FieldSelectorQuery: Sendable {
    var requirements: [(field: String, value: String, equal: Bool)] = []

    static let fields = [
        "metadata.name", "metadata.namespace", "spec.nodeName", "status.phase", "involvedObject.kind",
        "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
        "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "type", "reportingComponent",
    ]

    init(_ text: String) throws(StatusBody) {
        for part in text.split(separator: ",") {
            let term = String(part)
            let equal: Bool
            let pieces: [String]
            if let range = term.range(of: "!=") {
                equal = false
                pieces = [String(term[..<range.lowerBound]), String(term[range.upperBound...])]
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                equal = true
                pieces = [String(term[..<range.lowerBound]), String(term[range.upperBound...])]
            } else {
                throw StatusBody.badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            requirements.append((pieces[0], pieces[1], equal))
        }
    }
}
