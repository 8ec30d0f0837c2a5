import OrderedCollections

/// The pod a controller stamps out: labels and annotations, and the pod's spec.
public struct PodTemplateSpec: ManifestCodable {
    /// Labels and annotations of each pod; a template has no name. Left out when empty.
    public var metadata: ObjectMeta
    /// The pod.
    public var spec: PodSpec

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta = ObjectMeta(), spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        metadata = try fields["metadata"]?.decode() ?? ObjectMeta()
        spec = try fields.required("spec").decode()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        if metadata != ObjectMeta() { writer.put("metadata", metadata) }
        writer.put("spec", spec)
        return writer.values
    }
}

/// What a pod runs and where it may be scheduled.
public struct PodSpec: ManifestCodable {
    /// Containers that run to completion, in order, before the others start.
    public var initContainers: [Container]
    /// The pod's containers.
    public var containers: [Container]
    /// Node and pod (anti-)affinity.
    public var affinity: Affinity?
    /// Node labels a node must carry to run the pod.
    public var nodeSelector: OrderedDictionary<String, String>
    /// Seconds between SIGTERM and SIGKILL when the pod stops; nil means Kubernetes' 30.
    public var terminationGracePeriodSeconds: Int?
    /// Volumes the containers can mount.
    public var volumes: [Volume]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        initContainers: [Container] = [],
        containers: [Container],
        affinity: Affinity? = nil,
        nodeSelector: OrderedDictionary<String, String> = [:],
        terminationGracePeriodSeconds: Int? = nil,
        volumes: [Volume] = []
    ) {
        self.initContainers = initContainers
        self.containers = containers
        self.affinity = affinity
        self.nodeSelector = nodeSelector
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.volumes = volumes
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        initContainers = try fields["initContainers"]?.list() ?? []
        containers = try fields.required("containers").list()
        affinity = try fields["affinity"]?.decode()
        nodeSelector = try fields["nodeSelector"]?.stringMap() ?? [:]
        terminationGracePeriodSeconds = try fields["terminationGracePeriodSeconds"]?.int()
        volumes = try fields["volumes"]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("initContainers", initContainers)
        writer.put("containers", .list(containers.map { $0.encoded() }))
        writer.put("affinity", affinity)
        writer.put("nodeSelector", nodeSelector)
        writer.put("terminationGracePeriodSeconds", terminationGracePeriodSeconds)
        writer.put("volumes", volumes)
        return writer.values
    }
}

/// A pod volume: its name and its source (`emptyDir`, `configMap`, …), the source kept as written.
public struct Volume: ManifestCodable {
    /// The name mounts refer to.
    public var name: String
    /// The remaining fields, such as `["emptyDir": [:]]`, in the order written.
    public var source: Values.Map

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(name: String, source: Values.Map) {
        self.name = name
        self.source = source
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields.required("name").string()
        var source = fields.map
        source.removeValue(forKey: "name")
        self.source = source
    }

    public func encoded() -> Values {
        var map: Values.Map = ["name": .string(name)]
        for (key, value) in source where key != "name" {
            map[key] = value
        }
        return .map(map)
    }
}
