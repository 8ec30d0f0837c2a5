import OrderedCollections

/// What `metrics` adds to a grid chart's pods and objects (``MetricsSettings``), built
/// the same way for the manager and the Space.
struct MetricsObjects: Sendable {
    let settings: MetricsSettings
    let naming: ReleaseNaming
    /// The labels of the chart's objects, which the metrics Service and ServiceMonitor carry.
    let labels: OrderedDictionary<String, String>
    /// The selector of every pod of the release's chart.
    let podSelector: OrderedDictionary<String, String>
    let chartPath: String

    var serviceName: String { "\(naming.fullname)-metrics" }

    /// The scrape annotations of the pod template, empty unless `metrics.enabled`.
    var podAnnotations: OrderedDictionary<String, String> {
        guard settings.enabled else { return [:] }
        let prefix = MetricsSettings.annotationPrefix
        return ["\(prefix)scrape": "true", "\(prefix)port": String(settings.port), "\(prefix)path": settings.path]
    }

    var containerPorts: [ContainerPort] {
        settings.exposesPort ? [ContainerPort(name: MetricsSettings.portName, containerPort: settings.port)] : []
    }

    /// 15.0's reporter addresses, where given.
    var environment: [EnvVar] {
        [(MetricsSettings.influxDBVariable, settings.influxDBAddress), (MetricsSettings.grafanaVariable, settings.grafanaAddress)]
            .compactMap { name, value in value.map { EnvVar(name: name, value: $0) } }
    }

    /// With `serviceMonitor.enabled`: a Service on the metrics port and the ServiceMonitor
    /// that selects it by its labels and the port's name.
    var templates: [RenderedTemplate] {
        guard settings.serviceMonitorEnabled else { return [] }
        return [
            RenderedTemplate(path: "\(chartPath)/templates/metrics-service.yaml", kind: "Service", count: 1) { _ in
                .service(service())
            },
            RenderedTemplate(path: "\(chartPath)/templates/servicemonitor.yaml", kind: "ServiceMonitor", count: 1) { _ in
                .other(serviceMonitor())
            },
        ]
    }

    /// The labels that tell the metrics Service from the chart's other Services.
    private var serviceLabels: OrderedDictionary<String, String> {
        var labels = self.labels
        labels[Self.metricsServiceLabel] = "true"
        return labels
    }

    func service() -> Service {
        Service(
            metadata: PodBuilding.metadata(serviceName, naming, labels: serviceLabels),
            spec: ServiceSpec(
                selector: podSelector,
                ports: [ServicePort(name: MetricsSettings.portName, port: settings.port, targetPort: .string(MetricsSettings.portName))]))
    }

    /// The Prometheus Operator's `monitoring.coreos.com/v1` ServiceMonitor (a custom
    /// resource: no Kubernetes schema checks it, the tests check its structure).
    func serviceMonitor() -> Values {
        let matchLabels: Values.Map = [
            GridLabels.instance: .string(naming.release),
            GridLabels.name: .string(naming.name),
            Self.metricsServiceLabel: "true",
        ]
        return [
            "apiVersion": "monitoring.coreos.com/v1",
            "kind": "ServiceMonitor",
            "metadata": [
                "name": .string(naming.fullname),
                "namespace": .string(naming.namespace),
                "labels": .map(labels.mapValues(Values.string)),
            ],
            "spec": [
                "selector": ["matchLabels": .map(matchLabels)],
                "namespaceSelector": ["matchNames": [.string(naming.namespace)]],
                "endpoints": [
                    [
                        "port": .string(MetricsSettings.portName),
                        "path": .string(settings.path),
                        "interval": .string(settings.serviceMonitorInterval),
                    ]
                ],
            ],
        ]
    }

    /// Marks the metrics Service, which the ServiceMonitor selects.
    static let metricsServiceLabel = "kubegrid.io/metrics"
}
