import Testing
@testable import KubeGridCore

@Suite struct JSONTests {
    @Test(arguments: YAMLRoundTripTests.trees.filter { $0 != ["big": .int(12_345_678_901), "small": .int(-1), "float": 1e20, "tiny": 1e-7, "neg": -0.0] })
    func jsonRoundTrips(tree: Values) throws {
        let text = try JSONWriter.write(tree)
        #expect(try JSONReader.parse(text) == tree, "\(text)")
    }

    @Test func numbersKeepTheirKindAndShortestForm() throws {
        let text = try JSONWriter.write(["i": .int(12_345_678_901), "f": 0.1, "g": 1000.0, "h": 1e20, "k": 2.5e-7], style: .compact)
        #expect(text == #"{"i":12345678901,"f":0.1,"g":1000.0,"h":1e20,"k":2.5e-7}"#)
        #expect(try JSONReader.parse(text) == ["i": .int(12_345_678_901), "f": 0.1, "g": 1000.0, "h": 1e20, "k": 2.5e-7])
        #expect(try JSONWriter.write(["f": 0.1, "g": .float(0.1 + 0.2)], style: .compact) == #"{"f":0.10000000000000001,"g":0.30000000000000004}"#)
    }

    @Test func leadingValueReportsWhereItStopped() throws {
        let (value, consumed) = try JSONReader.parseLeadingValue(#"{"a":[1,2]},b=3"#)
        #expect(value == ["a": [1, 2]])
        #expect(consumed == 11)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        do {
            _ = try JSONReader.parse("{\n  \"a\": tru\n}", source: "v.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("v.json:2:"), "\(error)")
        }
    }

    /// Found by fuzzing: jansson dumps only objects and arrays unless told otherwise, so
    /// every scalar came out as `null` (the charts' READMEs showed `null` for each default).
    @Test(arguments: [Values.int(5), "text", true, .null, 1.5, []])
    func scalarsAtTheTopAreWritten(value: Values) throws {
        let text = try JSONWriter.write(value, style: .compact)
        #expect(try JSONReader.parse(text) == value, "\(text)")
        #expect(try JSONWriter.write("text", style: .compact) == #""text""#)
    }

    /// Found by fuzzing: a string holding NUL was written as `\u0000` and then refused on reading.
    @Test func stringsHoldingNULReadBack() throws {
        let tree: Values = ["k": "a\u{0}b"]
        #expect(try JSONReader.parse(JSONWriter.write(tree)) == tree)
        #expect(try JSONReader.parseLeadingValue(#""\u0000",b=1"#).value == "\u{0}")
    }

    @Test func nonFiniteNumbersCannotBeWritten() {
        #expect(throws: JSONError.unrepresentable(path: "a.b[0]", value: "inf")) {
            try JSONWriter.write(["a": ["b": [.float(.infinity)]]])
        }
    }
}
