import Testing
@testable import KubeGridCore

/// A key set to null is unset, and an unset key reads as its default: Helm drops a null
/// before its templates run, and the templates put the chart's defaults back, so `ha:`
/// or `java.options:` left empty (as GigaSpaces' own values files leave them) render as
/// if they were not written at all.
@Suite struct NullMeansDefaultTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var chart: BuiltInChart
        var path: String
        var testDescription: String { "\(chart.rawValue) \(path)" }
    }

    /// Every key of the two charts, groups included.
    static let cases: [Case] = [BuiltInChart.manager, .processingUnit].flatMap { chart in
        walk(chart.schema.fields, prefix: "").map { Case(chart: chart, path: $0) }
    }

    private static func walk(_ fields: [ValueField], prefix: String) -> [String] {
        fields.flatMap { [prefix + $0.key] + walk($0.type.fields, prefix: prefix + $0.key + ".") }
    }

    @Test(arguments: cases)
    func nullRendersWhatTheDefaultRenders(testCase: Case) {
        // Partitions with a backup, so that ha and the budgets are in play.
        let settings: [(String, Values)] = testCase.chart == .processingUnit
            ? [("partitions", 2), ("ha", true), ("antiAffinity.enabled", true)] : [("ha", true)]
        // A key the base sets is compared with the base without it.
        let base = settings.filter { !($0.0 == testCase.path || $0.0.hasPrefix(testCase.path + ".")) }
            .filter { !(testCase.path == "partitions" && $0.0 == "ha") }
        let withDefault = testCase.chart.plan(base)
        let withNull = testCase.chart.plan(base + [(testCase.path, .null)])
        #expect(withNull.errorMessages.isEmpty, "\(withNull.errorMessages)")
        #expect(withNull.objects == withDefault.objects)
    }

    /// Cross-field rules may still require what a rule needs (a storage size); the keys
    /// themselves are never required, or Helm would refuse the null kubegrid reads.
    @Test func theSchemaRequiresNoKeySinceHelmDropsNulls() {
        for chart in BuiltInChart.allCases {
            let schema = ChartFiles.jsonSchema(chart)
            #expect(schema["required"] == nil, "\(chart.rawValue)")
            #expect(schema["properties"]?["image"]?["required"] == nil, "\(chart.rawValue)")
        }
    }
}
