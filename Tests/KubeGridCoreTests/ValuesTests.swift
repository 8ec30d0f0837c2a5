import Testing
@testable import KubeGridCore

@Suite struct ValuesTreeTests {
    @Test func literalMapsKeepInsertionOrder() {
        let values: Values = ["b": 1, "a": ["z": true, "y": nil]]
        #expect(values.mapValue?.keys.elementsEqual(["b", "a"]) == true)
        #expect(values.value(at: ["a", "z"]) == .bool(true))
        #expect(values.value(at: ["a", "missing"]) == nil)
    }
}
