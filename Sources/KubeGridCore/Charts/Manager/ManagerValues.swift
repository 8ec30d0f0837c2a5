import OrderedCollections

/// The typed values of the `insightedge-manager` chart.
public struct ManagerValues: Sendable, Hashable {
    /// A port on the manager's client Service.
    public struct ServicePort: Sendable, Hashable {
        public var enabled: Bool
        public var port: Int
        public var nodePort: Int?

        init(_ reader: FieldReader, alwaysEnabled: Bool = false) {
            enabled = alwaysEnabled || reader.bool("enabled")
            port = reader.int("port")
            nodePort = reader.optionalInt("nodePort")
        }
    }

    public var nameOverride: String?
    public var fullnameOverride: String?
    public var image: ImageSettings
    public var terminationGracePeriodSeconds: Int
    public var ha: Bool
    public var antiAffinity: AntiAffinitySettings
    public var serviceType: ExposureType
    public var api: ServicePort
    public var lus: ServicePort
    public var lrmi: ServicePort
    public var zooKeeperClientPort: Int
    public var zooKeeperServerPort: Int
    public var zooKeeperLeaderElectionPort: Int
    public var headlessLookupPort: Int
    public var java: JavaSettings
    public var resources: ResourceSettings
    public var livenessProbe: ProbeSettings
    public var readinessProbe: ProbeSettings
    public var nodeSelector: OrderedDictionary<String, String>
    public var license: String

    /// Reads values the manager schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        nameOverride = reader.optionalString("nameOverride")
        fullnameOverride = reader.optionalString("fullnameOverride")
        image = ImageSettings(reader.object("image"))
        terminationGracePeriodSeconds = reader.int("terminationGracePeriodSeconds")
        ha = reader.bool("ha")
        antiAffinity = AntiAffinitySettings(reader.object("antiAffinity"))
        let service = reader.object("service")
        serviceType = ExposureType(rawValue: service.string("type")) ?? .loadBalancer
        api = ServicePort(service.object("api"), alwaysEnabled: true)
        lus = ServicePort(service.object("lus"))
        lrmi = ServicePort(service.object("lrmi"))
        let headless = reader.object("hs")
        zooKeeperClientPort = headless.int("zkClient")
        zooKeeperServerPort = headless.int("zkServer")
        zooKeeperLeaderElectionPort = headless.int("zkLeaderElection")
        headlessLookupPort = headless.int("lus")
        java = JavaSettings(reader.object("java"))
        resources = ResourceSettings(reader.object("resources"))
        livenessProbe = ProbeSettings(reader.object("livenessProbe"))
        readinessProbe = ProbeSettings(reader.object("readinessProbe"))
        nodeSelector = reader.stringMap("nodeSelector")
        license = reader.string("license")
    }

    /// Management Pods: three with `ha` (a ZooKeeper quorum), else one.
    public var replicas: Int { ha ? 3 : 1 }

    /// The Service ports that are switched on, in the order the Service lists them.
    var exposedPorts: [(name: String, port: ServicePort)] {
        [("api", api), ("lus", lus), ("lrmi", lrmi)].filter { $0.port.enabled }
    }

    /// The chart's rules beyond single keys.
    func ruleDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if serviceType == .clusterIP {
            for (name, port) in [("api", api), ("lus", lus), ("lrmi", lrmi)] where port.nodePort != nil {
                diagnostics.append(Diagnostic(
                    .error, rule: "KG106", path: ValuePath(dotted: "service.\(name).nodePort"),
                    "a ClusterIP Service has no node ports; remove the nodePort or set service.type=NodePort"))
            }
        }
        if ha && !antiAffinity.enabled {
            diagnostics.append(Diagnostic(
                .warning, rule: "KG105", path: ValuePath(dotted: "ha"),
                "ha puts 3 managers where two may share a node, and losing that node loses the ZooKeeper quorum; set antiAffinity.enabled=true"))
        }
        return diagnostics
    }
}
