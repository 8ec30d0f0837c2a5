import OrderedCollections

/// The `metrics` values of the grid charts (issue 14, item 4): what Prometheus needs to
/// scrape the managers and Space instances, and GigaSpaces 15.0's reporter addresses.
///
/// `enabled` opens the metrics port and asks a Prometheus that reads the community
/// annotations (`prometheus.io/scrape`, `port`, `path`) to scrape the pods;
/// `serviceMonitor.enabled` opens the port and asks the Prometheus Operator instead,
/// through a Service and a `monitoring.coreos.com/v1` ServiceMonitor (either alone, so
/// a Prometheus that honours both does not scrape each pod twice).
public struct MetricsSettings: Sendable, Hashable {
    public var enabled: Bool
    public var port: Int
    public var path: String
    public var serviceMonitorEnabled: Bool
    public var serviceMonitorInterval: String
    /// 15.0's `metrics.influxdb_ip`: the InfluxDB the grid's metrics reporter writes to.
    public var influxDBAddress: String?
    /// 15.0's `metrics.grafana_ip`: the Grafana that shows those metrics.
    public var grafanaAddress: String?

    init(_ reader: FieldReader) {
        enabled = reader.bool("enabled")
        port = reader.int("port")
        path = reader.string("path")
        let monitor = reader.object("serviceMonitor")
        serviceMonitorEnabled = monitor.bool("enabled")
        serviceMonitorInterval = monitor.string("interval")
        influxDBAddress = reader.optionalString("influxdb_ip")
        grafanaAddress = reader.optionalString("grafana_ip")
    }

    /// Whether the container listens for scrapes.
    public var exposesPort: Bool { enabled || serviceMonitorEnabled }

    /// The port's name in the container, the metrics Service and the ServiceMonitor.
    static let portName = "metrics"
    /// The prefix of the scrape annotations Prometheus' Kubernetes examples read.
    static let annotationPrefix = "prometheus.io/"
    /// The environment variables 15.0's reporter keys were handed to the containers as.
    static let influxDBVariable = "METRICS_INFLUXDB_IP"
    static let grafanaVariable = "METRICS_GRAFANA_IP"
}
