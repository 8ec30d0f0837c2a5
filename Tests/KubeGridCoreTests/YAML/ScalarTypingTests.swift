import Testing
@testable import KubeGridCore

/// Plain scalars get the types Helm's go-yaml v2 gives them.
@Suite struct ScalarTypingTests {
    static let table: [(String, Values)] = [
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", "nULL"),
        ("true", true), ("True", true), ("TRUE", true), ("tRUE", "tRUE"),
        ("yes", true), ("Yes", true), ("y", true), ("Y", true), ("on", true), ("ON", true),
        ("no", false), ("n", false), ("off", false), ("Off", false), ("false", false),
        ("0", 0), ("42", 42), ("-17", -17), ("+5", 5), ("1_000", 1000),
        ("0755", 493), ("0o17", 15), ("0x1F", 31), ("0b101", 5), ("-0x10", -16),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .float(9223372036854775808.0)),
        ("08", .float(8)), ("1.5", 1.5), ("1.", 1.0), (".5", 0.5), ("-.5", -0.5), ("1e3", 1000.0),
        ("1E-2", 0.01), ("+1.5e+3", 1500.0), ("1e400", "1e400"),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("12:30", "12:30"), ("2001-12-14", "2001-12-14"), ("1.2.3", "1.2.3"), ("0x", "0x"),
        (".", "."), ("abc", "abc"), ("15.5", 15.5), ("1_0.5", 10.5),
    ]

    @Test(arguments: table)
    func plainScalar(text: String, expected: Values) throws {
        let document = try YAMLReader(source: "t").valuesDocument(from: Array("k: \(text)\n".utf8))
        let value = document.root["k"]
        if case .float(let number)? = value, number.isNaN { return }
        #expect(value == expected, "\(text)")
    }

    @Test(arguments: [
        ("'yes'", Values.string("yes")), ("\"0755\"", "0755"), ("!!str 42", "42"), ("!!int \"42\"", 42),
        ("!!float 1", 1.0), ("!!bool on", true), ("!custom 5", "5"), ("\"\"", ""),
    ])
    func quotedAndTagged(text: String, expected: Values) throws {
        let document = try YAMLReader(source: "t").valuesDocument(from: Array("k: \(text)\n".utf8))
        #expect(document.root["k"] == expected)
    }

    @Test func aBadTagIsAnErrorWithItsPosition() {
        #expect(throws: YAMLError.badTag(SourcePosition(file: "t", line: 2, column: 4), tag: "!!int", value: "abc")) {
            try YAMLReader(source: "t").valuesDocument(from: Array("a: 1\nk: !!int abc\n".utf8))
        }
    }

    @Test func keysAreSpelledAsHelmSpellsThem() throws {
        let document = try YAMLReader(source: "t").valuesDocument(from: Array("on: a\n1: b\nnull: c\n0x10: d\n".utf8))
        #expect(Array(document.root.mapValue!.keys) == ["true", "1", "null", "16"])
    }
}
