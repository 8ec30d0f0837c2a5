/// The `insightedge-zeppelin` chart: GigaSpaces' Apache Zeppelin web notebook, whose
/// InsightEdge interpreter reads a Space found through a manager's lookup service.
public enum ZeppelinChart {
    public static let name = "insightedge-zeppelin"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "GigaSpaces InsightEdge web notebook (Apache Zeppelin) with its InsightEdge interpreter pointed at a Space.")

    public static var schema: ValuesSchema { ZeppelinSchema.schema }

    /// The objects and findings for validated values; `prefix` places the keys in an umbrella.
    static func build(
        validated values: Values, release: ReleaseOptions, prefix: ValuePath, chartPath: String
    ) -> (templates: [RenderedTemplate], diagnostics: [Diagnostic], claims: [NodePortPlanner.Claim]) {
        let model = ZeppelinValues(validated: values)
        let objects = ZeppelinObjects(values: model, release: release, chartPath: chartPath)
        var diagnostics = model.ruleDiagnostics().map { $0.prefixed(by: prefix) }
        diagnostics += NameRules.objectNameDiagnostics(statefulSet: objects.fullname, service: objects.serviceName)
        guard !diagnostics.hasErrors else { return ([], diagnostics, []) }
        let claims = model.serviceType.opensNodePorts
            ? model.nodePort.map {
                [NodePortPlanner.Claim(
                    service: objects.serviceName, path: prefix.appending(ValuePath(dotted: "service.api.nodePort")), nodePort: $0)]
            } ?? []
            : []
        return (objects.templates, diagnostics, claims)
    }
}
