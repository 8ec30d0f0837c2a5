import OrderedCollections

/// Pieces of pod templates and metadata both InsightEdge charts build the same way.
enum PodBuilding {
    /// The path of the entrypoint script in the GigaSpaces image.
    static let entrypoint = ["tools/kubernetes/entrypoint.sh"]

    /// The labels of every object and pod template (charts.md, "Names").
    static func labels(
        _ naming: ReleaseNaming, component: GridLabels.Component, selectorId: String, partitionId: Int? = nil
    ) -> OrderedDictionary<String, String> {
        labels(naming, componentName: component.rawValue, selectorId: selectorId, partitionId: partitionId)
    }

    /// The same labels for a component outside the grid (the Zeppelin notebook).
    static func labels(
        _ naming: ReleaseNaming, componentName: String, selectorId: String, partitionId: Int? = nil
    ) -> OrderedDictionary<String, String> {
        var labels: OrderedDictionary<String, String> = [
            GridLabels.name: naming.name,
            GridLabels.instance: naming.release,
            GridLabels.component: componentName,
            GridLabels.legacyApp: naming.name,
            GridLabels.legacyRelease: naming.release,
            GridLabels.legacyComponent: componentName,
            GridLabels.selectorId: selectorId,
        ]
        if let partitionId { labels[GridLabels.partitionId] = String(partitionId) }
        return labels
    }

    static func metadata(
        _ name: String, _ naming: ReleaseNaming, labels: OrderedDictionary<String, String>
    ) -> ObjectMeta {
        ObjectMeta(name: name, namespace: naming.namespace, labels: labels)
    }

    /// Required anti-affinity among the pods labelled `selectorId`, so that no two share
    /// a topology domain (a node or a zone).
    static func antiAffinity(_ settings: AntiAffinitySettings, selectorId: String) -> Affinity? {
        guard settings.enabled else { return nil }
        let term = PodAffinityTerm(
            labelSelector: LabelSelector(matchExpressions: [
                LabelSelectorRequirement(key: GridLabels.selectorId, operator: .in, values: [selectorId])
            ]),
            topologyKey: settings.topology)
        return Affinity(podAntiAffinity: PodAffinity(required: [term]))
    }

    /// The limits and requests; a memory request left out is the memory limit, written out
    /// so every container states both (what Kubernetes would default it to anyway).
    static func resources(_ settings: ResourceSettings) -> ResourceRequirements {
        var requests = settings.requests
        if requests["memory"] == nil, let memory = settings.limits["memory"] { requests["memory"] = memory }
        return ResourceRequirements(limits: quantities(settings.limits), requests: quantities(requests))
    }

    /// Quantities the schema validated; text that does not parse cannot reach this point.
    private static func quantities(_ texts: OrderedDictionary<String, String>) -> OrderedDictionary<String, Quantity> {
        texts.compactMapValues { try? Quantity($0) }
    }

    static func httpProbe(_ settings: ProbeSettings, path: String, port: IntOrString) -> Probe? {
        guard settings.enabled else { return nil }
        return Probe(
            httpGet: HTTPGetAction(path: path, port: port),
            initialDelaySeconds: settings.initialDelaySeconds,
            periodSeconds: settings.periodSeconds,
            failureThreshold: settings.failureThreshold)
    }

    static func pullPolicy(_ image: ImageSettings) -> Container.PullPolicy? {
        Container.PullPolicy(rawValue: image.pullPolicy)
    }
}
