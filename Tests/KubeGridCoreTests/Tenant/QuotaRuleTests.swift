import Testing

@testable import KubeGridCore

/// KG225 across a tenant's render and a grid's (issue 13, item 5): the Space-Based
/// Remoting documentation's case, an HA Space of 4 partitions with remote access, needs
/// 8 load balancers, which a quota of 4 cannot hold.
@Suite struct QuotaRuleTests {
    static func render(_ chart: BuiltInChart, release: String, namespace: String = "default", _ values: Values) -> String {
        let merged = try! HelmCoalescing.coalesce(values, with: chart.helmChart)
        let plan = chart.plan(values: merged, release: ReleaseOptions(name: release, namespace: namespace))
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics)")
        return plan.objects.map { try! YAMLWriter().document($0.encoded()) }.joined(separator: "---\n")
    }

    static func tenant(loadBalancers: Int) -> String {
        render(.tenant, release: "team-a", ["quota": ["hard": ["services.loadbalancers": .string(String(loadBalancers))]]])
    }

    static let haSpace: Values = [
        "partitions": 4, "ha": true, "antiAffinity": ["enabled": true], "service": ["lrmi": ["enabled": true]],
    ]

    @Test func eightLoadBalancersDoNotFitAQuotaOfFour() {
        let report = lint(["tenant.yaml", "grid.yaml"], files: [
            "tenant.yaml": Self.tenant(loadBalancers: 4),
            "grid.yaml": Self.render(.processingUnit, release: "space", namespace: "team-a", Self.haSpace),
        ])
        let findings = report.findings("KG225")
        #expect(findings.count == 1)
        let message = findings.first?.message ?? ""
        #expect(findings.first?.location.file == "tenant.yaml")
        #expect(message.contains("they need services.loadbalancers=8"), "\(message)")
        // The API server's words (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go).
        #expect(message.contains("exceeded quota: team-a-quota, requested: services.loadbalancers=1, used: services.loadbalancers=4, limited: services.loadbalancers=4"), "\(message)")
        #expect(message.contains("Service space-insightedge-pu-3-0-service and 3 more"), "\(message)")
        #expect(message.contains("raise services.loadbalancers to at least 8"), "\(message)")
    }

    @Test func eightFitAQuotaOfEight() {
        let report = lint(["tenant.yaml", "grid.yaml"], files: [
            "tenant.yaml": Self.tenant(loadBalancers: 8),
            "grid.yaml": Self.render(.processingUnit, release: "space", namespace: "team-a", Self.haSpace),
        ])
        #expect(report.findings("KG225").isEmpty, "\(report.findings)")
    }

    @Test func anotherNamespacesQuotaDoesNotCount() {
        let report = lint(["tenant.yaml", "grid.yaml"], files: [
            "tenant.yaml": Self.tenant(loadBalancers: 4),
            "grid.yaml": Self.render(.processingUnit, release: "space", namespace: "team-b", Self.haSpace),
        ])
        #expect(report.findings("KG225").isEmpty)
    }

    /// The grid as a chart with values, the tenant as a render: one run, one finding.
    @Test func aChartWithValuesMeetsATenantRender() {
        let report = lint(
            ["insightedge-pu", "tenant.yaml"],
            files: ["tenant.yaml": Self.tenant(loadBalancers: 4), "v.yaml": try! YAMLWriter().document(Self.haSpace)],
            values: ValuesOptions(valueFiles: ["v.yaml"]), release: "space", namespace: "team-a")
        #expect(report.findings("KG225").count == 1, "\(report.findings)")
    }

    /// The tenant as a chart with values, the grid as a render.
    @Test func theTenantChartWithValuesMeetsAGridRender() {
        let report = lint(
            ["insightedge-tenant", "grid.yaml"],
            files: ["grid.yaml": Self.render(.processingUnit, release: "space", namespace: "team-a", Self.haSpace),
                    "t.yaml": "quota: {hard: {services.loadbalancers: 4}}\n"],
            values: ValuesOptions(valueFiles: ["t.yaml"]), release: "team-a")
        #expect(report.findings("KG225").count == 1, "\(report.findings)")
    }

    /// A quota on requests.cpu makes every container state one; the LimitRange's default does.
    @Test func aQuotaedResourceLeftUnsetIsRefusedUnlessALimitRangeDefaultsIt() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: t}
            spec:
              containers:
              - {name: c, image: busybox:1.36, resources: {limits: {memory: 100Mi}}}

            """
        let quota = "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: t}\nspec: {hard: {requests.cpu: \"1\", limits.memory: 1Gi}}\n"
        let refused = lint(["m.yaml"], files: ["m.yaml": quota + "---\n" + pod]).findings("KG225")
        #expect(refused.first?.message.contains("failed quota: q: must specify requests.cpu") == true, "\(refused)")
        let limits = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: t}\nspec: {limits: [{type: Container, defaultRequest: {cpu: 100m}}]}\n"
        #expect(lint(["m.yaml"], files: ["m.yaml": quota + "---\n" + limits + "---\n" + pod]).findings("KG225").isEmpty)
    }

    /// Pods are charged with their LimitRange defaults: 3 pods of 400m default requests pass 1 cpu.
    @Test func limitRangeDefaultsAreCharged() {
        let set = """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q, namespace: t}
            spec: {hard: {requests.cpu: "1"}}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: l, namespace: t}
            spec: {limits: [{type: Container, default: {cpu: 400m}}]}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: s, namespace: t}
            spec:
              replicas: 3
              serviceName: s
              selector: {matchLabels: {app: s}}
              template:
                metadata: {labels: {app: s}}
                spec:
                  containers: [{name: c, image: busybox:1.36}]

            """
        let message = lint(["m.yaml"], files: ["m.yaml": set]).findings("KG225").first?.message ?? ""
        // The default limit is the default request too (SetDefaults_LimitRangeItem).
        #expect(message.contains("requested: requests.cpu=400m, used: requests.cpu=800m, limited: requests.cpu=1"), "\(message)")
        #expect(message.contains("pod s-2 of StatefulSet s"), "\(message)")
    }
}
