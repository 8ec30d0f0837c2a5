import OrderedCollections

/// The typed values of the `insightedge-zeppelin` chart.
public struct ZeppelinValues: Sendable, Hashable {
    public var nameOverride: String?
    public var fullnameOverride: String?
    public var image: ImageSettings
    public var terminationGracePeriodSeconds: Int
    public var serviceType: ExposureType
    public var port: Int
    public var nodePort: Int?
    /// `space.name`, when set; the release name otherwise.
    public var spaceName: String?
    /// `manager.name`, when set; the release name otherwise.
    public var managerName: String?
    public var lookupPort: Int
    public var javaOptions: String
    public var resources: ResourceSettings
    public var livenessProbe: ProbeSettings
    public var readinessProbe: ProbeSettings
    public var nodeSelector: OrderedDictionary<String, String>
    /// Security contexts and image pull Secrets, read as the grid charts read them (no
    /// ServiceAccount, license or NetworkPolicy: the notebook calls no Kubernetes API).
    public var security: SecuritySettings

    /// Reads values the Zeppelin schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        nameOverride = reader.optionalString("nameOverride")
        fullnameOverride = reader.optionalString("fullnameOverride")
        image = ImageSettings(reader.object("image"))
        terminationGracePeriodSeconds = reader.int("terminationGracePeriodSeconds")
        let service = reader.object("service")
        serviceType = ExposureType(rawValue: service.string("type")) ?? .loadBalancer
        port = service.object("api").int("port")
        nodePort = service.object("api").optionalInt("nodePort")
        spaceName = reader.object("space").optionalString("name")
        let manager = reader.object("manager")
        managerName = manager.optionalString("name")
        lookupPort = manager.object("ports").int("lus")
        javaOptions = reader.object("java").string("options")
        resources = ResourceSettings(reader.object("resources"))
        livenessProbe = ProbeSettings(reader.object("livenessProbe"))
        readinessProbe = ProbeSettings(reader.object("readinessProbe"))
        nodeSelector = reader.stringMap("nodeSelector")
        security = SecuritySettings(reader)
    }

    /// The chart's rules beyond single keys.
    func ruleDiagnostics() -> [Diagnostic] {
        guard serviceType == .clusterIP, nodePort != nil else { return [] }
        return [Diagnostic(
            .error, rule: "KG106", path: ValuePath(dotted: "service.api.nodePort"),
            "a ClusterIP Service has no node ports; remove the nodePort or set service.type=NodePort")]
    }
}
