import Testing
@testable import KubeGridCore

/// Helm's CoalesceValues rules (each checked against Helm v4 when written).
@Suite struct HelmCoalescingTests {
    static let cases: [(String, Values, Values, Values)] = [
        ("user wins", ["a": 1, "b": 2], ["a": 3], ["a": 3, "b": 2]),
        ("maps merge", ["m": ["x": 1, "y": 2]], ["m": ["y": 3, "z": 4]], ["m": ["x": 1, "y": 3, "z": 4]]),
        ("lists replace", ["l": [1, 2, 3]], ["l": [9]], ["l": [9]]),
        ("user null deletes a default", ["a": 1, "m": ["x": 1]], ["a": nil, "m": ["x": nil]], ["m": [:]]),
        ("user null without default stays", ["a": 1], ["b": nil, "m": ["c": nil]], ["a": 1, "b": nil, "m": ["c": nil]]),
        ("default nulls are dropped", ["a": nil, "m": ["x": nil, "y": 1]], [:], ["m": ["y": 1]]),
        ("scalar over map", ["m": ["x": 1]], ["m": 5], ["m": 5]),
        ("map over scalar", ["m": 5], ["m": ["x": 1]], ["m": ["x": 1]]),
    ]

    @Test(arguments: cases)
    func coalesces(name: String, defaults: Values, user: Values, expected: Values) throws {
        let chart = HelmChart(name: "c", values: defaults)
        #expect(try HelmCoalescing.coalesce(user, with: chart) == expected, "\(name)")
    }

    @Test func subchartsGetTheirValuesAndTheParentsGlobals() throws {
        let child = HelmChart(name: "child", values: ["r": 1, "global": ["region": "us", "only": true]])
        let parent = HelmChart(
            name: "p", values: ["global": ["region": "eu"], "child": ["r": 2]], dependencies: [child])
        let result = try HelmCoalescing.coalesce(["child": ["x": 1]], with: parent)
        #expect(result == [
            "global": ["region": "eu"],
            "child": ["r": 2, "global": ["region": "eu", "only": true], "x": 1],
        ])
    }

    @Test func subchartValuesMustBeAMap() {
        let parent = HelmChart(name: "p", dependencies: [HelmChart(name: "child")])
        #expect(throws: ValuesError.subchartValuesNotAMap(path: "child", found: "the integer 1")) {
            try HelmCoalescing.coalesce(["child": 1], with: parent)
        }
    }

    @Test func keysFollowTheDefaultsOrder() throws {
        let chart = HelmChart(name: "c", values: ["b": 1, "a": 2, "c": 3])
        let result = try HelmCoalescing.coalesce(["z": 0, "a": 5], with: chart)
        #expect(result.mapValue?.keys.elementsEqual(["b", "a", "c", "z"]) == true)
    }
}
