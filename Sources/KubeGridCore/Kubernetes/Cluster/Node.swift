import OrderedCollections

/// A `v1` Node: a machine the scheduler places pods on, as `kubegrid simulate --cluster` reads it.
public struct Node: KubernetesResource {
    public static let apiVersion = "v1"
    public static let kind = "Node"

    /// The node's name and labels (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`, …).
    public var metadata: ObjectMeta
    /// Whether new pods may be placed on it.
    public var spec: NodeSpec
    /// Its capacity, what pods may use of it, and its addresses.
    public var status: NodeStatus

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta, spec: NodeSpec = NodeSpec(), status: NodeStatus = NodeStatus()) {
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public init(from reader: ManifestReader) throws {
        let (fields, metadata) = try Self.topLevelFields(reader)
        self.metadata = metadata
        spec = try fields["spec"]?.decode() ?? NodeSpec()
        status = try fields["status"]?.decode() ?? NodeStatus()
    }

    public func encoded() -> Values {
        var writer = topLevelWriter()
        if spec != NodeSpec() { writer.put("spec", spec) }
        if status != NodeStatus() { writer.put("status", status) }
        return writer.values
    }
}

/// The `spec` of a ``Node``.
public struct NodeSpec: ManifestCodable {
    /// True when the node is cordoned: no new pods go there.
    public var unschedulable: Bool?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(unschedulable: Bool? = nil) {
        self.unschedulable = unschedulable
    }

    public init(from reader: ManifestReader) throws {
        unschedulable = try reader.fields()["unschedulable"]?.bool()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("unschedulable", unschedulable)
        return writer.values
    }
}

/// The `status` of a ``Node``: resources and addresses.
public struct NodeStatus: ManifestCodable {
    /// The machine's total resources.
    public var capacity: OrderedDictionary<String, Quantity>
    /// What pods may request in total: `cpu`, `memory`, `pods`, …
    public var allocatable: OrderedDictionary<String, Quantity>
    /// The node's addresses (`InternalIP`, `ExternalIP`, `Hostname`).
    public var addresses: [NodeAddress]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        capacity: OrderedDictionary<String, Quantity> = [:],
        allocatable: OrderedDictionary<String, Quantity> = [:],
        addresses: [NodeAddress] = []
    ) {
        self.capacity = capacity
        self.allocatable = allocatable
        self.addresses = addresses
    }

    /// Allocatable CPU (`allocatable.cpu`).
    public var allocatableCPU: Quantity? { allocatable["cpu"] }
    /// Allocatable memory (`allocatable.memory`).
    public var allocatableMemory: Quantity? { allocatable["memory"] }
    /// How many pods the node takes (`allocatable.pods`).
    public var allocatablePods: Quantity? { allocatable["pods"] }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        capacity = try fields["capacity"]?.quantityMap() ?? [:]
        allocatable = try fields["allocatable"]?.quantityMap() ?? [:]
        addresses = try fields["addresses"]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("capacity", capacity)
        writer.put("allocatable", allocatable)
        writer.put("addresses", addresses)
        return writer.values
    }
}

/// One address of a ``Node``.
public struct NodeAddress: ManifestCodable {
    /// `InternalIP`, `ExternalIP`, `Hostname`, …
    public var type: String
    /// The address.
    public var address: String

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(type: String, address: String) {
        self.type = type
        self.address = address
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        type = try fields.required("type").string()
        address = try fields.required("address").string()
    }

    public func encoded() -> Values {
        ["type": .string(type), "address": .string(address)]
    }
}
