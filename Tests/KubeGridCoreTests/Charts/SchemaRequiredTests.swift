import Testing
@testable import KubeGridCore

/// `values.schema.json` requires exactly the keys kubegrid cannot do without, so Helm
/// and kubegrid agree when a user sets a key to null (Helm drops it before validating).
@Suite struct SchemaRequiredTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var chart: BuiltInChart
        var path: [String]
        var required: Bool
        var testDescription: String { "\(chart.rawValue) \(path.joined(separator: "."))" }
    }

    /// Every key of the two charts, with whether its JSON Schema parent lists it as required.
    static let cases: [Case] = [BuiltInChart.manager, .processingUnit].flatMap { chart in
        walk(chart.schema.fields, path: []).map { Case(chart: chart, path: $0.0, required: $0.1) }
    }

    private static func walk(_ fields: [ValueField], path: [String]) -> [([String], Bool)] {
        fields.flatMap { field in
            [(path + [field.key], field.isRequired)] + walk(field.type.fields, path: path + [field.key])
        }
    }

    @Test(arguments: cases)
    func nullIsRefusedExactlyWhenTheSchemaRequiresTheKey(testCase: Case) {
        let dotted = testCase.path.joined(separator: ".")
        let plan = testCase.chart.plan([(dotted, .null)])
        let refused = plan.diagnostics.errors.contains { $0.description.hasPrefix(dotted + ":") || $0.description.hasPrefix(dotted + ".") }
        #expect(refused == testCase.required, "\(plan.errorMessages)")
    }

    @Test func generatedSchemaListsTheRequiredKeys() throws {
        let schema = ChartFiles.jsonSchema(.processingUnit)
        let required = try #require(schema["required"]?.listValue).compactMap(\.stringValue)
        #expect(required.contains("image"))
        #expect(!required.contains("nodeSelector"))
        #expect(!required.contains("resources"))
        #expect(!required.contains("partitions"))
    }

    @Test func mapsAndAllOptionalGroupsAreNotRequired() {
        let fields = BuiltInChart.processingUnit.schema.fields
        let resources = fields.first { $0.key == "resources" }
        let memoryXtend = fields.first { $0.key == "memoryXtendVolume" }
        let volumeMount = memoryXtend?.type.fields.first { $0.key == "volumeMount" }
        #expect(resources?.isRequired == false)
        #expect(volumeMount?.isRequired == false)
        #expect(memoryXtend?.isRequired == true)
    }
}
