import Testing

@testable import KubeGridCore

/// LimitRange defaulting as the API server does it: `SetDefaults_LimitRangeItem` on the
/// LimitRange, then the pod defaulting (a request unset is its limit), then LimitRanger's
/// container defaults (plugin/pkg/admission/limitranger).
@Suite struct LimitRangeDefaultsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var item: LimitRangeItem
        var resources: ResourceRequirements
        var limits: [String: String]
        var requests: [String: String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "defaults fill an empty container",
             item: LimitRangeItem(default: ["cpu": "1", "memory": "1Gi"], defaultRequest: ["cpu": "250m", "memory": "512Mi"], type: "Container"),
             resources: ResourceRequirements(),
             limits: ["cpu": "1", "memory": "1Gi"], requests: ["cpu": "250m", "memory": "512Mi"]),
        Case(name: "a limit alone is the request, not the default request",
             item: LimitRangeItem(default: ["memory": "1Gi"], defaultRequest: ["memory": "512Mi"], type: "Container"),
             resources: ResourceRequirements(limits: ["memory": "400Mi"]),
             limits: ["memory": "400Mi"], requests: ["memory": "400Mi"]),
        Case(name: "a default limit without a default request is the request",
             item: LimitRangeItem(default: ["cpu": "500m"], type: "Container"),
             resources: ResourceRequirements(),
             limits: ["cpu": "500m"], requests: ["cpu": "500m"]),
        Case(name: "max is the default limit when none is given",
             item: LimitRangeItem(max: ["memory": "2Gi"], type: "Container"),
             resources: ResourceRequirements(),
             limits: ["memory": "2Gi"], requests: ["memory": "2Gi"]),
        Case(name: "min is the default request when none is given",
             item: LimitRangeItem(min: ["cpu": "100m"], type: "Container"),
             resources: ResourceRequirements(),
             limits: [:], requests: ["cpu": "100m"]),
        Case(name: "what the container sets stays",
             item: LimitRangeItem(default: ["cpu": "1"], defaultRequest: ["cpu": "250m"], type: "Container"),
             resources: ResourceRequirements(limits: ["cpu": "2"], requests: ["cpu": "1"]),
             limits: ["cpu": "2"], requests: ["cpu": "1"]),
        Case(name: "a Pod item does not default containers",
             item: LimitRangeItem(max: ["cpu": "4"], type: "Pod"),
             resources: ResourceRequirements(),
             limits: [:], requests: [:]),
    ]

    @Test(arguments: cases)
    func containerDefaults(_ test: Case) {
        let spec = PodSpec(containers: [Container(name: "c", resources: test.resources)])
        let resources = spec.applyingLimitRangeDefaults([test.item]).containers[0].resources
        #expect(Dictionary(uniqueKeysWithValues: resources.limits.map { ($0.key, $0.value.text) }) == test.limits)
        #expect(Dictionary(uniqueKeysWithValues: resources.requests.map { ($0.key, $0.value.text) }) == test.requests)
    }

    @Test func initContainersAreDefaultedToo() {
        let spec = PodSpec(initContainers: [Container(name: "i")], containers: [Container(name: "c")])
        let item = LimitRangeItem(default: ["memory": "64Mi"], type: "Container")
        #expect(spec.applyingLimitRangeDefaults([item]).initContainers[0].resources.limits["memory"]?.text == "64Mi")
    }

    @Test func canonicalQuantitiesAsTheQuotaMessagePrintsThem() {
        #expect(QuotaUsage.canonical(8000, binary: false) == "8")
        #expect(QuotaUsage.canonical(800, binary: false) == "800m")
        #expect(QuotaUsage.canonical(3200 * 1024 * 1024 * 1000, binary: true) == "3200Mi")
        #expect(QuotaUsage.canonical(64 * 1024 * 1024 * 1024 * 1000, binary: true) == "64Gi")
        #expect(QuotaUsage.canonical(2_000_000_000_000, binary: false) == "2G")
    }
}
