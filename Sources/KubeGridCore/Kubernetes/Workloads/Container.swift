/// One container of a pod: image, command, environment, ports, resources, probes, mounts.
public struct Container: ManifestCodable {
    /// When the kubelet pulls the image.
    public enum PullPolicy: String, ManifestWord {
        /// On every start.
        case always = "Always"
        /// Only when the node does not have it.
        case ifNotPresent = "IfNotPresent"
        /// Never; the image must be on the node.
        case never = "Never"
    }

    /// The container's name, unique in the pod.
    public var name: String
    /// The image reference, such as `gigaspaces/insightedge-enterprise:15.5`.
    public var image: String?
    /// When to pull the image; nil leaves Kubernetes' default.
    public var imagePullPolicy: PullPolicy?
    /// The entrypoint, replacing the image's.
    public var command: [String]
    /// Arguments to the entrypoint.
    public var args: [String]
    /// Environment variables, in order.
    public var env: [EnvVar]
    /// Ports the container listens on.
    public var ports: [ContainerPort]
    /// CPU and memory limits and requests.
    public var resources: ResourceRequirements
    /// Restarts the container when it fails.
    public var livenessProbe: Probe?
    /// Keeps the pod out of Service endpoints until it passes.
    public var readinessProbe: Probe?
    /// Volumes mounted into the container.
    public var volumeMounts: [VolumeMount]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        name: String,
        image: String? = nil,
        imagePullPolicy: PullPolicy? = nil,
        command: [String] = [],
        args: [String] = [],
        env: [EnvVar] = [],
        ports: [ContainerPort] = [],
        resources: ResourceRequirements = ResourceRequirements(),
        livenessProbe: Probe? = nil,
        readinessProbe: Probe? = nil,
        volumeMounts: [VolumeMount] = []
    ) {
        self.name = name
        self.image = image
        self.imagePullPolicy = imagePullPolicy
        self.command = command
        self.args = args
        self.env = env
        self.ports = ports
        self.resources = resources
        self.livenessProbe = livenessProbe
        self.readinessProbe = readinessProbe
        self.volumeMounts = volumeMounts
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields.required("name").string()
        image = try fields["image"]?.string()
        imagePullPolicy = try fields["imagePullPolicy"]?.word()
        command = try fields["command"]?.stringList() ?? []
        args = try fields["args"]?.stringList() ?? []
        env = try fields["env"]?.list() ?? []
        ports = try fields["ports"]?.list() ?? []
        resources = try fields["resources"]?.decode() ?? ResourceRequirements()
        livenessProbe = try fields["livenessProbe"]?.decode()
        readinessProbe = try fields["readinessProbe"]?.decode()
        volumeMounts = try fields["volumeMounts"]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name)
        writer.put("image", image)
        writer.put("imagePullPolicy", imagePullPolicy)
        writer.put("command", command)
        writer.put("args", args)
        writer.put("env", env)
        writer.put("ports", ports)
        if !resources.isEmpty { writer.put("resources", resources) }
        writer.put("livenessProbe", livenessProbe)
        writer.put("readinessProbe", readinessProbe)
        writer.put("volumeMounts", volumeMounts)
        return writer.values
    }
}

/// An environment variable of a container.
public struct EnvVar: ManifestCodable {
    /// The variable's name.
    public var name: String
    /// A literal value.
    public var value: String?
    /// A value taken from elsewhere (`fieldRef`, `secretKeyRef`, …), kept as written.
    public var valueFrom: Values?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(name: String, value: String? = nil, valueFrom: Values? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields.required("name").string()
        value = try fields["value"]?.string()
        valueFrom = fields["valueFrom"]?.value
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name)
        writer.put("value", value)
        if let valueFrom { writer.put("valueFrom", valueFrom) }
        return writer.values
    }
}

/// A port a container listens on.
public struct ContainerPort: ManifestCodable {
    /// A name that Services and probes can use instead of the number.
    public var name: String?
    /// The port number in the pod.
    public var containerPort: Int
    /// The protocol; nil means TCP.
    public var `protocol`: PortProtocol?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(name: String? = nil, containerPort: Int, protocol: PortProtocol? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.protocol = `protocol`
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields["name"]?.string()
        containerPort = try fields.required("containerPort").int()
        `protocol` = try fields["protocol"]?.word()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name)
        writer.put("containerPort", containerPort)
        writer.put("protocol", `protocol`)
        return writer.values
    }
}

/// A volume mounted into a container.
public struct VolumeMount: ManifestCodable {
    /// The name of a pod volume or a volume claim template.
    public var name: String
    /// Where it appears in the container.
    public var mountPath: String
    /// Whether it is mounted read-only.
    public var readOnly: Bool?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(name: String, mountPath: String, readOnly: Bool? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        name = try fields.required("name").string()
        mountPath = try fields.required("mountPath").string()
        readOnly = try fields["readOnly"]?.bool()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("name", name)
        writer.put("mountPath", mountPath)
        writer.put("readOnly", readOnly)
        return writer.values
    }
}
