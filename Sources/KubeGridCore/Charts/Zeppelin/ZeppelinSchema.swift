/// The values of the `insightedge-zeppelin` chart (issue 14): GigaSpaces' 14.x/15.0 web
/// notebook, its InsightEdge interpreter pointed at a Space through the manager's lookup service.
enum ZeppelinSchema {
    /// The port Zeppelin listens on in the InsightEdge image (`ZEPPELIN_PORT`).
    static let zeppelinPort = 9090

    static let schema = ValuesSchema([
        CommonFields.nameOverride,
        CommonFields.fullnameOverride,
        CommonFields.image,
        SecurityFields.imagePullSecrets,
        CommonFields.terminationGracePeriodSeconds,
        ValueField("service", .object([
            ValueField("type", .enumeration(CommonFields.serviceTypes), default: "LoadBalancer",
                       "How browsers reach the notebook: LoadBalancer, NodePort or ClusterIP."),
            ValueField("api", .object([
                CommonFields.port("port", zeppelinPort, "Port of the notebook's web UI and REST API."),
                CommonFields.nodePort("Node port of the web UI (NodePort and LoadBalancer only)."),
            ]), "The notebook's web UI."),
        ]), "The notebook's Service."),
        ValueField("space", .object([
            ValueField("name", .string, default: nil,
                       "The Space the InsightEdge interpreter reads (default: the release name, which is what the pu chart names its Space)."),
        ]), "The Space notebooks read."),
        ValueField("manager", .object([
            ValueField("name", .string, default: nil,
                       "Release name of the manager whose lookup service finds the Space (default: this release's own name)."),
            ValueField("ports", .object([
                CommonFields.port("lus", GridDefaults.lookupPort, "Lookup Service port of that manager."),
            ]), "Ports of the manager."),
        ]), "The manager the interpreter discovers the Space through."),
        ValueField("java", .object([
            ValueField("options", .string, default: "", "Extra JVM options of the notebook server."),
        ]), "JVM settings."),
        CommonFields.resources(memoryLimit: "1Gi"),
        CommonFields.probe("livenessProbe", what: "liveness", enabled: true, initialDelay: 60, period: 15),
        CommonFields.probe("readinessProbe", what: "readiness", enabled: true, initialDelay: 10, period: 5),
        CommonFields.nodeSelector,
        SecurityFields.securityContext,
    ])
}
