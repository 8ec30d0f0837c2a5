import OrderedCollections

/// A `v1` Service: a stable address for the pods its selector picks.
public struct Service: KubernetesResource {
    public static let apiVersion = "v1"
    public static let kind = "Service"

    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// Type, ports and selector.
    public var spec: ServiceSpec

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta, spec: ServiceSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from reader: ManifestReader) throws {
        let (fields, metadata) = try Self.topLevelFields(reader)
        self.metadata = metadata
        spec = try fields["spec"]?.decode() ?? ServiceSpec()
    }

    public func encoded() -> Values {
        var writer = topLevelWriter()
        writer.put("spec", spec)
        return writer.values
    }
}

/// How a Service is exposed.
public enum ServiceType: String, ManifestWord {
    /// A virtual IP inside the cluster only (the default).
    case clusterIP = "ClusterIP"
    /// A cluster IP plus a port on every node.
    case nodePort = "NodePort"
    /// A node port plus an external load balancer.
    case loadBalancer = "LoadBalancer"
    /// A DNS alias for a name outside the cluster.
    case externalName = "ExternalName"
}

/// The transport protocol of a port.
public enum PortProtocol: String, ManifestWord {
    /// TCP (the default).
    case tcp = "TCP"
    /// UDP.
    case udp = "UDP"
    /// SCTP.
    case sctp = "SCTP"
}

/// The `spec` of a ``Service``.
public struct ServiceSpec: ManifestCodable {
    /// The type; nil leaves Kubernetes' default, ClusterIP (see ``effectiveType``).
    public var type: ServiceType?
    /// A fixed cluster IP, or `None` for a headless Service (see ``isHeadless``).
    public var clusterIP: String?
    /// The DNS name an ExternalName Service aliases.
    public var externalName: String?
    /// The labels of the pods this Service routes to.
    public var selector: OrderedDictionary<String, String>
    /// The ports it exposes.
    public var ports: [ServicePort]
    /// Whether pods that are not ready get DNS records and endpoints too.
    public var publishNotReadyAddresses: Bool?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        type: ServiceType? = nil,
        clusterIP: String? = nil,
        externalName: String? = nil,
        selector: OrderedDictionary<String, String> = [:],
        ports: [ServicePort] = [],
        publishNotReadyAddresses: Bool? = nil
    ) {
        self.type = type
        self.clusterIP = clusterIP
        self.externalName = externalName
        self.selector = selector
        self.ports = ports
        self.publishNotReadyAddresses = publishNotReadyAddresses
    }

    /// The type Kubernetes applies: ``type``, or ClusterIP when unset.
    public var effectiveType: ServiceType { type ?? .clusterIP }

    /// True for a headless Service (`clusterIP: None`), which gives each pod its own DNS record.
    public var isHeadless: Bool { clusterIP == "None" }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        type = try fields["type"]?.word()
        clusterIP = try fields["clusterIP"]?.string()
        externalName = try fields["externalName"]?.string()
        selector = try fields["selector"]?.stringMap() ?? [:]
        ports = try fields["ports"]?.list() ?? []
        publishNotReadyAddresses = try fields["publishNotReadyAddresses"]?.bool()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("type", type)
        writer.put("clusterIP", clusterIP)
        writer.put("externalName", externalName)
        writer.put("selector", selector)
        writer.put("ports", ports)
        writer.put("publishNotReadyAddresses", publishNotReadyAddresses)
        return writer.values
    }
}

/// One port of a ``Service``.
public struct ServicePort: ManifestCodable {
    /// The port's name; Kubernetes requires one when a Service has several ports.
    public var name: String?
    /// The protocol; nil means TCP.
    public var `protocol`: PortProtocol?
    /// The port the Service listens on.
    public var port: Int
    /// The pod's port, by number or by container port name; nil means the same as ``port``.
    public var targetPort: IntOrString?
    /// The port on every node, for NodePort and LoadBalancer Services; nil lets Kubernetes pick.
    public var nodePort: Int?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        name: String? = nil,
        protocol: PortProtocol? = nil,
        port: Int,
        targetPort: IntOrString? = nil,
        nodePort: Int? = nil
    ) {
        self.name = name
        self.protocol = `protocol`
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields["name"]?.string()
        `protocol` = try fields["protocol"]?.word()
        port = try fields.required("port").int()
        targetPort = try fields["targetPort"]?.decode()
        nodePort = try fields["nodePort"]?.int()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name)
        writer.put("protocol", `protocol`)
        writer.put("port", port)
        writer.put("targetPort", targetPort)
        writer.put("nodePort", nodePort)
        return writer.values
    }
}
