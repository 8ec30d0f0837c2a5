/// The `insightedge-manager` chart: the Management Pods (LUS, REST Manager, ZooKeeper).
public enum ManagerChart {
    public static let name = "insightedge-manager"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "GigaSpaces InsightEdge Management Pods: Lookup Service, REST Manager and ZooKeeper.")

    public static var schema: ValuesSchema { ManagerSchema.schema }

    /// The objects and findings for validated values; `prefix` places the keys in an umbrella.
    static func build(
        validated values: Values, release: ReleaseOptions, prefix: ValuePath, chartPath: String
    ) -> (objects: ManagerObjects, diagnostics: [Diagnostic], claims: [NodePortPlanner.Claim]) {
        let model = ManagerValues(validated: values)
        let naming = model.pod.naming(release: release, chartName: name)
        let objects = ManagerObjects(values: model, naming: naming, chartPath: chartPath, kubeVersion: release.kubeVersion)
        var diagnostics = model.ruleDiagnostics().map { $0.prefixed(by: prefix) }
        diagnostics += NameRules.objectNameDiagnostics(
            statefulSet: objects.fullname, service: objects.clientServiceName)
        let claims = model.serviceType.opensNodePorts
            ? model.exposedPorts.compactMap { portName, port in
                port.nodePort.map {
                    NodePortPlanner.Claim(
                        service: objects.clientServiceName,
                        path: prefix.appending(ValuePath(dotted: "service.\(portName).nodePort")), nodePort: $0)
                }
            }
            : []
        return (objects, diagnostics, claims)
    }
}
