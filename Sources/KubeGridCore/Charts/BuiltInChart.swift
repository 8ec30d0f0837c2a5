/// The charts kubegrid has typed models for.
public enum BuiltInChart: String, CaseIterable, Sendable {
    case manager = "insightedge-manager"
    case processingUnit = "insightedge-pu"
    case umbrella = "insightedge"
    case tenant = "insightedge-tenant"
    case spark = "insightedge-spark"
    case zeppelin = "insightedge-zeppelin"

    public var metadata: ChartMetadata {
        switch self {
        case .manager: ManagerChart.metadata
        case .processingUnit: ProcessingUnitChart.metadata
        case .umbrella: UmbrellaChart.metadata
        case .tenant: TenantChart.metadata
        case .spark: SparkChart.metadata
        case .zeppelin: ZeppelinChart.metadata
        }
    }

    public var schema: ValuesSchema {
        switch self {
        case .manager: ManagerChart.schema
        case .processingUnit: ProcessingUnitChart.schema
        case .umbrella: UmbrellaChart.schema
        case .tenant: TenantChart.schema
        case .spark: SparkChart.schema
        case .zeppelin: ZeppelinChart.schema
        }
    }

    /// The chart's `values.yaml`.
    public var defaults: Values { schema.defaults }

    /// The chart whose `Chart.yaml` names it, if kubegrid models it.
    public init?(chartName: String) {
        self.init(rawValue: chartName)
    }

    /// The values a render uses: the user's, with GigaSpaces' legacy keys translated
    /// (`LegacyKeys`), coalesced with `chart`'s defaults; and the legacy keys' findings.
    public func effectiveValues(user: Values, chart: HelmChart) throws(ValuesError) -> (values: Values, diagnostics: [Diagnostic]) {
        let translated = LegacyValues.translate(user, for: self)
        return (try HelmCoalescing.coalesce(translated.values, with: chart), translated.diagnostics)
    }

    /// Validates merged values (defaults and user values coalesced) and plans the render.
    public func plan(values: Values, release: ReleaseOptions) -> RenderPlan {
        var diagnostics = NameRules.releaseDiagnostics(release.name)
        let (validated, schemaDiagnostics) = SchemaValidator(schema).validate(values)
        diagnostics += schemaDiagnostics
        guard !diagnostics.hasErrors else { return RenderPlan(diagnostics: diagnostics, templates: []) }
        if self == .tenant {
            let tenant = TenantChart.build(validated: validated, release: release)
            return RenderPlan(diagnostics: diagnostics + tenant.diagnostics, templates: tenant.templates)
        }
        if self == .spark {
            let spark = SparkChart.build(validated: validated, release: release)
            return RenderPlan(diagnostics: diagnostics + spark.diagnostics, templates: spark.templates)
        }

        var templates: [RenderedTemplate] = []
        var claims: [NodePortPlanner.Claim] = []
        var block: NodePortPlanner.Block?
        // The notebook, alone or in the umbrella when `zeppelin.enabled` (default false).
        if self == .zeppelin || (self == .umbrella && validated.value(at: ["zeppelin", "enabled"]) == .bool(true)) {
            let (prefix, chartPath) = placement(alias: "zeppelin", chartName: ZeppelinChart.name)
            let notebook = ZeppelinChart.build(
                validated: validated.value(at: prefix) ?? .emptyMap, release: release, prefix: prefix, chartPath: chartPath)
            templates += notebook.templates
            diagnostics += notebook.diagnostics
            claims += notebook.claims
            if self == .zeppelin {
                return RenderPlan(diagnostics: diagnostics + NodePortPlanner.diagnostics(claims: claims, block: nil), templates: templates)
            }
        }
        if self != .processingUnit {
            let (prefix, chartPath) = placement(alias: "manager", chartName: ManagerChart.name)
            let manager = ManagerChart.build(
                validated: validated.value(at: prefix) ?? .emptyMap, release: release, prefix: prefix,
                chartPath: chartPath)
            templates += manager.objects.templates
            diagnostics += manager.diagnostics
            claims = manager.claims + claims
        }
        if self != .manager {
            let (prefix, chartPath) = placement(alias: "pu", chartName: ProcessingUnitChart.name)
            let space = ProcessingUnitChart.build(
                validated: validated.value(at: prefix) ?? .emptyMap, release: release, prefix: prefix,
                chartPath: chartPath)
            templates += space.objects.templates
            diagnostics += space.diagnostics
            block = space.block
        }
        diagnostics += NodePortPlanner.diagnostics(claims: claims, block: block)
        return RenderPlan(diagnostics: diagnostics, templates: templates)
    }
}

extension BuiltInChart {
    /// Where a chart's keys and templates sit: at the root of its own release, or in the
    /// umbrella under the alias its `Chart.yaml` gives it.
    fileprivate func placement(alias: String, chartName: String) -> (prefix: ValuePath, chartPath: String) {
        self == .umbrella ? (ValuePath(keys: [alias]), "\(UmbrellaChart.name)/charts/\(alias)") : (.root, chartName)
    }
}
