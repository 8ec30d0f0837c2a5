import OrderedCollections
import Testing
@testable import KubeGridCore

@Suite struct LabelSelectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let selector: LabelSelector
        let labels: OrderedDictionary<String, String>
        let matches: Bool
        var testDescription: String {
            let terms = selector.matchLabels.map { "\($0)=\($1)" }
                + selector.matchExpressions.map { "\($0.key) \($0.operator.rawValue) \($0.values)" }
            return "{\(terms.joined(separator: ", "))} on \(labels) → \(matches)"
        }
    }

    static func expression(
        _ op: LabelSelectorRequirement.Operator, _ values: [String] = []
    ) -> LabelSelector {
        LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "tier", operator: op, values: values)])
    }

    static let cases: [Case] = [
        Case(selector: LabelSelector(), labels: [:], matches: true),
        Case(selector: LabelSelector(), labels: ["tier": "a"], matches: true),
        Case(selector: LabelSelector(matchLabels: ["tier": "a"]), labels: ["tier": "a", "x": "y"], matches: true),
        Case(selector: LabelSelector(matchLabels: ["tier": "a"]), labels: ["tier": "b"], matches: false),
        Case(selector: LabelSelector(matchLabels: ["tier": "a"]), labels: [:], matches: false),
        Case(selector: expression(.in, ["a", "b"]), labels: ["tier": "b"], matches: true),
        Case(selector: expression(.in, ["a", "b"]), labels: ["tier": "c"], matches: false),
        Case(selector: expression(.in, ["a", "b"]), labels: [:], matches: false),
        Case(selector: expression(.in, []), labels: ["tier": ""], matches: false),
        Case(selector: expression(.notIn, ["a"]), labels: ["tier": "b"], matches: true),
        Case(selector: expression(.notIn, ["a"]), labels: ["tier": "a"], matches: false),
        Case(selector: expression(.notIn, ["a"]), labels: [:], matches: true),
        Case(selector: expression(.exists), labels: ["tier": ""], matches: true),
        Case(selector: expression(.exists), labels: ["other": "a"], matches: false),
        Case(selector: expression(.doesNotExist), labels: ["other": "a"], matches: true),
        Case(selector: expression(.doesNotExist), labels: ["tier": "a"], matches: false),
        Case(
            selector: LabelSelector(
                matchLabels: ["app": "pu"],
                matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .exists)]),
            labels: ["app": "pu"], matches: false),
        Case(
            selector: LabelSelector(
                matchLabels: ["app": "pu"],
                matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .exists)]),
            labels: ["app": "pu", "tier": "a"], matches: true),
    ]

    @Test(arguments: cases)
    func matchesLikeKubernetes(testCase: Case) {
        #expect(testCase.selector.matches(testCase.labels) == testCase.matches)
    }

    @Test func operatorsAreSpelledLikeKubernetes() throws {
        #expect(LabelSelectorRequirement.Operator.allCases.map(\.rawValue) == ["In", "NotIn", "Exists", "DoesNotExist"])
        let decoded = try LabelSelectorRequirement(decoding: ["key": "tier", "operator": "Exists"])
        #expect(decoded == LabelSelectorRequirement(key: "tier", operator: .exists))
        #expect(decoded.encoded() == ["key": "tier", "operator": "Exists"])
    }
}
