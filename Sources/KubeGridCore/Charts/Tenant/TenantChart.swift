/// The `insightedge-tenant` chart: a team's namespace on a shared cluster (issue 13).
public enum TenantChart {
    public static let name = "insightedge-tenant"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "A tenant of a shared cluster: a namespace with Pod Security labels, a ResourceQuota, a LimitRange, default-deny NetworkPolicies and Roles for its admins and viewers.")

    public static var schema: ValuesSchema { TenantSchema.schema }

    /// The templates and findings for validated values.
    static func build(validated values: Values, release: ReleaseOptions) -> (templates: [RenderedTemplate], diagnostics: [Diagnostic]) {
        let model = TenantValues(validated: values)
        let diagnostics = model.ruleDiagnostics()
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        return (TenantObjects(values: model, release: release.name).templates, diagnostics)
    }
}
