/// What rendering a chart with given values comes to: the findings, and the templates to
/// write when none of the findings is an error.
public struct RenderPlan: Sendable {
    public var diagnostics: [Diagnostic]
    /// The templates in Helm's install order; empty when `diagnostics` hold an error.
    public var templates: [RenderedTemplate]

    public init(diagnostics: [Diagnostic], templates: [RenderedTemplate]) {
        self.diagnostics = diagnostics
        self.templates = diagnostics.hasErrors ? [] : InstallOrder.sorted(templates)
    }

    /// The plan with findings made before it (GigaSpaces' legacy keys) put first.
    public func prepending(_ earlier: [Diagnostic]) -> RenderPlan {
        RenderPlan(diagnostics: earlier + diagnostics, templates: templates)
    }

    /// Every object in output order (for JSON output and tests; rendering streams instead).
    public var objects: [KubernetesObject] {
        templates.flatMap(\.objects)
    }
}

/// The release a chart is rendered for.
public struct ReleaseOptions: Sendable, Hashable {
    public var name: String
    public var namespace: String
    /// The Kubernetes version the objects are for (`--kube-version`); it picks apiVersions.
    public var kubeVersion: KubeVersion

    public init(name: String, namespace: String = "default", kubeVersion: KubeVersion = .current) {
        self.name = name
        self.namespace = namespace
        self.kubeVersion = kubeVersion
    }
}
