import OrderedCollections

/// One object of the manifests being linted, and where it came from.
struct ManifestEntry: Sendable {
    /// Where an object was read or rendered.
    enum Origin: Sendable {
        /// An object of a manifest file, with its document and its place inside a `List`.
        case document(ManifestObject)
        /// An object `kubegrid` rendered from a chart, by template (`insightedge/charts/pu/templates/…`).
        case rendered(template: String)
    }

    var object: KubernetesObject
    var origin: Origin
    /// The input (as given on the command line) the object was read from.
    var input: String

    /// `StatefulSet demo-insightedge-pu-1`.
    var title: String {
        "\(object.kind) \(object.name)"
    }

    /// `metadata.labels`, for modelled kinds and others alike.
    var labels: OrderedDictionary<String, String> {
        if let metadata = object.metadata { return metadata.labels }
        guard case .other(let values) = object else { return [:] }
        return (values.value(at: .fields("metadata.labels"))?.mapValue ?? [:]).compactMapValues(\.stringValue)
    }

    /// The object's namespace; nil when the manifest leaves it to `kubectl`.
    var namespace: String? { object.namespace }

    /// Where the field at `path` (from the object's root) was written, for a file.
    func location(of path: ValuePath) -> LintLocation? {
        guard case .document(let read) = origin else { return nil }
        return LintLocation(read.position(of: path))
    }

    /// `b.yaml:14:15`, or the template an object was rendered from.
    func place(of path: ValuePath) -> String {
        switch origin {
        case .document: return location(of: path)?.description ?? input
        case .rendered(let template): return template
        }
    }
}

extension ValuePath {
    /// A path of keys from a manifest's root, such as `spec.template.spec`.
    static func fields(_ dotted: String) -> ValuePath {
        ValuePath(dotted: dotted)
    }

    /// This path followed by the keys of a dotted path.
    func appending(fields dotted: String) -> ValuePath {
        appending(ValuePath(dotted: dotted))
    }
}

/// Two namespaces that may be the same: a manifest without one lands in `kubectl`'s.
func sameNamespace(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return true }
    return a == b
}
