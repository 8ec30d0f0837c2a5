import Testing
@testable import KubeGridCore

@Suite struct IntOrStringTests {
    @Test(arguments: [
        (Values.int(8090), IntOrString.int(8090)),
        (.string("api"), .string("api")),
        (.string("8090"), .string("8090")),
        (.float(3.0), .int(3)),
        (.string("25%"), .string("25%")),
    ])
    func decodesIntegersAndStrings(values: Values, expected: IntOrString) throws {
        #expect(try IntOrString(decoding: values) == expected)
    }

    @Test(arguments: [Values.bool(true), .float(2.5), .list([]), .map([:])])
    func rejectsOtherTypes(values: Values) {
        #expect(
            throws: ManifestDecodingError.typeMismatch(
                path: ValuePath(), expected: "an integer or a string", found: values.kindDescription)
        ) { try IntOrString(decoding: values) }
    }

    @Test func encodesAsItsOwnType() {
        let port: IntOrString = 8090
        let name: IntOrString = "api"
        #expect(port.encoded() == .int(8090))
        #expect(name.encoded() == "api")
        #expect(IntOrString.string("8090").encoded() == .string("8090"))
    }

    @Test(arguments: [
        (IntOrString.int(1), 3, false, 1 as Int?),
        (.string("50%"), 3, false, 1),
        (.string("50%"), 3, true, 2),
        (.string("100%"), 4, true, 4),
        (.string("0%"), 4, true, 0),
        (.string("api"), 4, true, nil),
        (.string("x%"), 4, true, nil),
    ])
    func scalesPercentages(value: IntOrString, total: Int, roundUp: Bool, expected: Int?) {
        #expect(value.scaledValue(total: total, roundUp: roundUp) == expected)
    }
}
