/// The values of the `insightedge-manager` chart.
enum ManagerSchema {
    static let schema = ValuesSchema([
        CommonFields.nameOverride,
        CommonFields.fullnameOverride,
        CommonFields.image,
        SecurityFields.imagePullSecrets,
        CommonFields.terminationGracePeriodSeconds,
        ValueField("ha", .boolean, default: false, "Three Management Pods (a ZooKeeper quorum) instead of one."),
        CommonFields.antiAffinity("two Management Pods"),
        ValueField("service", .object([
            ValueField("type", .enumeration(CommonFields.serviceTypes), default: "LoadBalancer",
                       "How clients outside the cluster reach the manager: LoadBalancer, NodePort or ClusterIP."),
            ValueField("api", .object([
                CommonFields.port("port", GridDefaults.managerAPIPort, "REST Manager API port."),
                CommonFields.nodePort("Node port of the REST API (NodePort and LoadBalancer only)."),
            ]), "The REST Manager API."),
            ValueField("lus", .object([
                ValueField("enabled", .boolean, default: true, "Expose the Lookup Service."),
                CommonFields.port("port", 4174, "Lookup Service port."),
                CommonFields.nodePort("Node port of the Lookup Service."),
            ]), "The Lookup Service (LUS), where clients discover Spaces."),
            ValueField("lrmi", .object([
                ValueField("enabled", .boolean, default: true, "Expose the LRMI port."),
                CommonFields.port("port", GridDefaults.lrmiPort, "LRMI port."),
                CommonFields.nodePort("Node port of LRMI."),
            ]), "LRMI, GigaSpaces' remoting protocol."),
        ]), "The manager's client-facing Service."),
        ValueField("hs", .object([
            CommonFields.port("zkClient", 2181, "ZooKeeper client port."),
            CommonFields.port("zkServer", 2888, "ZooKeeper peer port."),
            CommonFields.port("zkLeaderElection", 3888, "ZooKeeper leader-election port."),
            CommonFields.port("lus", 4174, "Lookup Service port between managers."),
        ]), "Ports of the headless Service the managers find each other by."),
        CommonFields.java(heap: "limit-150Mi"),
        CommonFields.resources(memoryLimit: "300Mi"),
        CommonFields.probe("livenessProbe", what: "liveness", enabled: true, initialDelay: 30, period: 15),
        CommonFields.probe("readinessProbe", what: "readiness", enabled: true, initialDelay: 10, period: 5),
        CommonFields.nodeSelector,
        CommonFields.metrics("Management"),
        CommonFields.license,
        SecurityFields.serviceAccount,
        SecurityFields.securityContext,
        SecurityFields.licenseSecret,
        SecurityFields.networkPolicy,
    ])
}
