import OrderedCollections

/// The `metadata` of an object or a pod template: name, namespace, labels, annotations.
///
/// A pod template has no name: an empty `name` is left out of the encoding.
public struct ObjectMeta: ManifestCodable {
    /// The object's name; empty in pod templates.
    public var name: String
    /// The namespace, or nil to leave it to the one `kubectl apply` targets.
    public var namespace: String?
    /// Labels, in the order they are written.
    public var labels: OrderedDictionary<String, String>
    /// Annotations, in the order they are written.
    public var annotations: OrderedDictionary<String, String>

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        name: String = "",
        namespace: String? = nil,
        labels: OrderedDictionary<String, String> = [:],
        annotations: OrderedDictionary<String, String> = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields["name"]?.string() ?? ""
        namespace = try fields["namespace"]?.string()
        labels = try fields["labels"]?.stringMap() ?? [:]
        annotations = try fields["annotations"]?.stringMap() ?? [:]
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name.isEmpty ? nil : name)
        writer.put("namespace", namespace)
        writer.put("labels", labels)
        writer.put("annotations", annotations)
        return writer.values
    }
}
