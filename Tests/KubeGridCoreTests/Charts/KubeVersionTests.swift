import Testing

@testable import KubeGridCore

/// `--kube-version` as Helm reads it, and the apiVersions each release serves.
@Suite struct KubeVersionTests {
    @Test(arguments: [
        ("1.20", 1, 20, "v1.20"), ("v1.20.0", 1, 20, "v1.20.0"), ("1.19.16-eks.1", 1, 19, "v1.19.16-eks.1"),
        ("1.020", 1, 20, "v1.020"), ("2.0", 2, 0, "v2.0"),
    ])
    func readsWhatHelmReads(input: String, major: Int, minor: Int, text: String) throws {
        let version = try KubeVersion(parsing: input)
        #expect((version.major, version.minor, version.text) == (major, minor, text))
    }

    @Test(arguments: [
        ("1", "illegal version string \"1\""), ("1.x", "illegal version string \"1.x\""),
        ("x", "could not parse \"x\" as version"), ("", "could not parse \"\" as version"),
        ("01.20", "illegal zero-prefixed version component \"01\" in \"01.20\""),
    ])
    func refusesWhatHelmRefuses(input: String, message: String) {
        #expect(throws: KubeVersion.ParseError.self) { try KubeVersion(parsing: input) }
        do {
            _ = try KubeVersion(parsing: input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: [(20, "policy/v1beta1"), (21, "policy/v1"), (32, "policy/v1")])
    func podDisruptionBudgetVersionFollowsTheTarget(minor: Int, expected: String) {
        #expect(ServedAPIVersions.newest(of: "PodDisruptionBudget", at: KubeVersion(major: 1, minor: minor)) == expected)
    }

    @Test func gapsSayWhetherAVersionIsGoneOrNotYetThere() {
        let old = KubeVersion(major: 1, minor: 20), new = KubeVersion(major: 1, minor: 25)
        #expect(ServedAPIVersions.gap(kind: "PodDisruptionBudget", apiVersion: "policy/v1", at: old) == .notYetServed(until: KubeVersion(major: 1, minor: 21)))
        #expect(ServedAPIVersions.gap(kind: "PodDisruptionBudget", apiVersion: "policy/v1beta1", at: new) == .removed(since: new))
        #expect(ServedAPIVersions.gap(kind: "PodDisruptionBudget", apiVersion: "policy/v1beta1", at: KubeVersion(major: 1, minor: 24)) == nil)
        #expect(ServedAPIVersions.gap(kind: "ConfigMap", apiVersion: "v1", at: old) == nil)
    }

    @Test func aPlanForAnOldClusterWritesTheOldBudgetVersion() {
        let values = BuiltInChart.processingUnit.defaults
            .setting("partitions", 1).setting("ha", true).setting("antiAffinity.enabled", true)
        let plan = BuiltInChart.processingUnit.plan(
            values: values, release: ReleaseOptions(name: "grid", kubeVersion: KubeVersion(major: 1, minor: 20)))
        let budgets = plan.objects.filter { $0.kind == "PodDisruptionBudget" }
        #expect(budgets.map(\.apiVersion) == ["policy/v1beta1"])
    }
}
