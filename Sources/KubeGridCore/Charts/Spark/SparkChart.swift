/// The `insightedge-spark` chart: a Spark application run on Kubernetes against an
/// InsightEdge Space (issue 14).
public enum SparkChart {
    public static let name = "insightedge-spark"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "A Spark application on Kubernetes that reads an InsightEdge Space: its driver as a Job in client mode, with the ServiceAccount and Role Spark needs to run executor pods, or a SparkApplication for the Kubeflow Spark operator.")

    public static var schema: ValuesSchema { SparkSchema.schema }

    /// The templates and findings for validated values.
    static func build(validated values: Values, release: ReleaseOptions) -> (templates: [RenderedTemplate], diagnostics: [Diagnostic]) {
        let model = SparkValues(validated: values)
        let objects = SparkObjects(values: model, naming: model.naming(release: release))
        let diagnostics = model.ruleDiagnostics(fullname: objects.fullname)
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        return (objects.templates, diagnostics)
    }
}
