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

    public var ha: Bool
    public var serviceType: ExposureType
    public var api: ServicePort
    public var lus: ServicePort
    public var lrmi: ServicePort
    public var zooKeeperClientPort: Int
    public var zooKeeperServerPort: Int
    public var zooKeeperLeaderElectionPort: Int
    public var headlessLookupPort: Int

    /// What both charts' pods share: image, probes, resources, naming, …
    public var pod: PodSettings

    /// Reads values the manager schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        pod = PodSettings(reader)
        ha = reader.bool("ha")
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
        if ha && !pod.antiAffinity.enabled {
            diagnostics.append(Diagnostic(
                .warning, rule: "KG105", path: ValuePath(dotted: "ha"),
                "ha puts 3 managers where two may share a node, and losing that node loses the ZooKeeper quorum; set antiAffinity.enabled=true"))
        }
        return diagnostics
    }
}
