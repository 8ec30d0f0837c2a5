/// The `insightedge-pu` chart: one Processing Unit, a Space of partitions.
public enum ProcessingUnitChart {
    public static let name = "insightedge-pu"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "A GigaSpaces InsightEdge Processing Unit: a Space of partitions, each a primary and a backup.")

    public static var schema: ValuesSchema { ProcessingUnitSchema.schema }

    /// The objects and findings for validated values; `prefix` places the keys in an umbrella.
    static func build(
        validated values: Values, release: ReleaseOptions, prefix: ValuePath, chartPath: String
    ) -> (objects: ProcessingUnitObjects, diagnostics: [Diagnostic], block: NodePortPlanner.Block?) {
        let model = ProcessingUnitValues(validated: values)
        let naming = model.pod.naming(release: release, chartName: name)
        let objects = ProcessingUnitObjects(values: model, naming: naming, chartPath: chartPath, kubeVersion: release.kubeVersion)
        var diagnostics = model.ruleDiagnostics().map { $0.prefixed(by: prefix) }
        if !diagnostics.hasErrors {
            let lastSet = objects.statefulSetCount - 1
            let longestService = model.instanceServiceCount > 0
                ? objects.instanceServiceName(model.instanceServiceCount - 1) : objects.headlessServiceName
            diagnostics += NameRules.objectNameDiagnostics(
                statefulSet: objects.statefulSetName(lastSet), service: longestService)
        }
        var block: NodePortPlanner.Block?
        if let start = model.initialNodePort, model.serviceType.opensNodePorts, !diagnostics.hasErrors {
            block = NodePortPlanner.Block(
                path: prefix.appending(ValuePath(dotted: "service.lrmi.initialNodePort")),
                start: start, count: model.instanceServiceCount,
                serviceName: { objects.instanceServiceName($0) })
        }
        return (objects, diagnostics, block)
    }
}
