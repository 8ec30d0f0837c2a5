/// Values declarations both InsightEdge charts share.
enum CommonFields {
    static let nodePortRange = KubernetesLimits.nodePortRange
    static let portRange = 1...65535
    static let serviceTypes = ["LoadBalancer", "NodePort", "ClusterIP"]
    static let topologies = [KubernetesLimits.hostnameTopologyKey, KubernetesLimits.zoneTopologyKey]

    static let nameOverride = ValueField(
        "nameOverride", .string, default: "", "Replaces the chart name in object names.")
    static let fullnameOverride = ValueField(
        "fullnameOverride", .string, default: "", "Replaces the whole `<release>-<chart>` object name prefix.")

    static let image = ValueField("image", .object([
        ValueField("repository", .string, default: "gigaspaces/insightedge-enterprise", "Container image repository."),
        ValueField("tag", .string, default: "15.5", "Container image tag."),
        ValueField("digest", .string, default: nil, "Image digest (`sha256:…`); when set it pins the image instead of the tag."),
        ValueField("pullPolicy", .enumeration(["IfNotPresent", "Always", "Never"]), default: "IfNotPresent",
                   "When the kubelet pulls the image."),
    ]), "The GigaSpaces container image.")

    static let terminationGracePeriodSeconds = ValueField(
        "terminationGracePeriodSeconds", .integer(0...86400), default: 30,
        "Seconds a pod gets to shut down before it is killed.")

    static let license = ValueField("license", .string, default: "tryme", "GigaSpaces license key.")

    static func antiAffinity(_ what: String) -> ValueField {
        ValueField("antiAffinity", .object([
            ValueField("enabled", .boolean, default: false, "Never place \(what) in the same topology domain."),
            ValueField("topology", .string, default: .string(KubernetesLimits.hostnameTopologyKey),
                       "Node label that defines the domain: `kubernetes.io/hostname` or `topology.kubernetes.io/zone`."),
        ]), "Required pod anti-affinity.")
    }

    static func java(heap: String) -> ValueField {
        ValueField("java", .object([
            ValueField("heap", .string, default: .string(heap),
                       "JVM heap: a size (`512m`) or `limit-<quantity>` to take that much off the memory limit."),
            ValueField("options", .string, default: "", "Extra JVM options."),
        ]), "JVM settings.")
    }

    static func resources(memoryLimit: String, cpuRequest: String = "250m", key: String = "resources", of what: String = "the container") -> ValueField {
        ValueField(key, .object([
            ValueField("limits", .quantityMap, default: ["memory": .string(memoryLimit)], "Resource limits of \(what)."),
            ValueField("requests", .quantityMap, default: ["cpu": .string(cpuRequest)],
                       "Resource requests of \(what) (the memory request is the memory limit unless given)."),
        ]), "Resources of \(what).")
    }

    static func probe(_ name: String, what: String, enabled: Bool, initialDelay: Int, period: Int) -> ValueField {
        ValueField(name, .object([
            ValueField("enabled", .boolean, default: .bool(enabled), "Whether the \(what) probe runs."),
            ValueField("initialDelaySeconds", .integer(0...3600), default: .int(initialDelay), "Seconds before the first probe."),
            ValueField("periodSeconds", .integer(1...3600), default: .int(period), "Seconds between probes."),
            ValueField("failureThreshold", .integer(1...100), default: 3, "Failures in a row before the probe fails."),
        ]), "The \(what) probe.")
    }

    /// `metrics` (``MetricsSettings``): scrape annotations, a ServiceMonitor, and 15.0's reporter addresses.
    static func metrics(_ what: String) -> ValueField {
        ValueField("metrics", .object([
            ValueField("enabled", .boolean, default: false,
                       "Open the metrics port and annotate the \(what) pods for Prometheus (prometheus.io/scrape, port, path)."),
            CommonFields.port("port", 9404, "Port the \(what) pods serve Prometheus metrics on."),
            ValueField("path", .string, default: "/metrics", "HTTP path of the metrics."),
            ValueField("serviceMonitor", .object([
                ValueField("enabled", .boolean, default: false,
                           "Open the metrics port behind a Service, and write a Prometheus Operator ServiceMonitor (monitoring.coreos.com/v1) that selects it."),
                ValueField("interval", .string, default: "30s", "How often Prometheus scrapes."),
            ]), "Scraping through the Prometheus Operator."),
            ValueField("influxdb_ip", .string, default: nil,
                       "GigaSpaces 15.0: address of the InfluxDB the grid's metrics reporter writes to (METRICS_INFLUXDB_IP in the container)."),
            ValueField("grafana_ip", .string, default: nil,
                       "GigaSpaces 15.0: address of the Grafana that shows those metrics (METRICS_GRAFANA_IP in the container)."),
        ]), "The \(what) pods' metrics.")
    }

    static let nodeSelector = ValueField(
        "nodeSelector", .stringMap, default: [:], "Node labels the pods must be scheduled on.")

    static func port(_ key: String, _ port: Int, _ summary: String) -> ValueField {
        ValueField(key, .integer(portRange), default: .int(port), summary)
    }

    static func nodePort(_ summary: String) -> ValueField {
        ValueField("nodePort", .integer(nodePortRange), default: nil, summary)
    }
}
