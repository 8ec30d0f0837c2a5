import Testing
@testable import KubeGridCore

/// Resource quantities given as numbers are written as Helm prints them: Helm reads every
/// values-file number as a float64, so `2.0` and `1e3` come out as `2` and `1000`.
@Suite struct QuantityValueTests {
    static let cases: [(Values, Values)] = [
        (.float(2.0), "2"),
        (.float(1000.0), "1000"),
        (.float(0.25), "0.25"),
        (.float(1.5), "1.5"),
        (.int(3), "3"),
        ("500m", "500m"),
    ]

    @Test(arguments: cases)
    func numberIsWrittenAsHelmPrintsIt(given: Values, written: Values) throws {
        let plan = BuiltInChart.processingUnit.plan([("partitions", 1), ("resources.limits.cpu", given)])
        #expect(plan.diagnostics.errors.isEmpty, "\(plan.diagnostics)")
        let statefulSet = try #require(plan.objects(ofKind: "StatefulSet").first)
        guard case .statefulSet(let object) = statefulSet else {
            Issue.record("not a StatefulSet")
            return
        }
        #expect(object.spec.template.spec.containers[0].resources.limits["cpu"]?.encoded() == written)
    }
}
