import Testing
@testable import KubeGridCore

/// Helm's strvals behaviour, case by case (each checked against Helm v4 when written).
@Suite struct StrvalsParserTests {
    private func parse(_ expression: String, _ mode: StrvalsParser.Mode = .typed, into base: Values = .emptyMap)
        throws(SetExpressionProblem) -> Values
    {
        let tree = GoMap(copying: base.mapValue ?? [:])
        var parser = StrvalsParser(expression, mode: mode) { path throws(SetExpressionProblem) in "<\(path)>" }
        try parser.parse(into: tree)
        return .map(tree.frozen)
    }

    static let typedCases: [(String, Values)] = [
        ("a=1", ["a": 1]),
        ("a=b", ["a": "b"]),
        ("a=TRUE,b=False,c=nULL", ["a": true, "b": false, "c": nil]),
        ("a=fal\u{017F}e", ["a": false]),
        ("a=0,b=00,c=01", ["a": 0, "b": "00", "c": "01"]),
        ("a=+5,b=-05,c=-0", ["a": 5, "b": -5, "c": 0]),
        ("a=1.5,b=0x10,c=1_000", ["a": "1.5", "b": "0x10", "c": "1_000"]),
        ("a=9223372036854775807", ["a": .int(Int.max)]),
        ("a=9223372036854775808", ["a": "9223372036854775808"]),
        ("a=", ["a": ""]),
        ("a= 1", ["a": " 1"]),
        ("a.b.c=1,a.b.d=2", ["a": ["b": ["c": 1, "d": 2]]]),
        ("a\\.b=1", ["a.b": 1]),
        ("a=\\,b", ["a": ",b"]),
        ("a=b\\", ["a": "b"]),
        ("a={1,x,true}", ["a": [1, "x", true]]),
        ("a={}", ["a": [""]]),
        ("a={1,2}b=3", ["a": [1, 2], "b": 3]),
        ("a[2]=x", ["a": [nil, nil, "x"]]),
        ("a[0][1]=1", ["a": [[nil, 1]]]),
        ("a[1]=1,a[0].b=2", ["a": [["b": 2], 1]]),
        ("a[0]", ["a": []]),
        ("x=1,a[1", ["x": 1]),
        ("a.", [:]),
        (".a=1", [:]),
        ("a=1,", ["a": 1]),
        ("a.b=1,a=2", ["a": 2]),
        ("", [:]),
    ]

    @Test(arguments: typedCases)
    func typed(expression: String, expected: Values) throws {
        #expect(try parse(expression) == expected)
    }

    static let problemCases: [(String, SetExpressionProblem)] = [
        ("a", .keyWithoutValue(key: "a", written: "a")),
        ("a.b", .keyWithoutValue(key: "b", written: "a.b")),
        ("a=1,,b=2", .keyBeforeComma(key: "", written: "")),
        ("a..b=1", .dotWithoutKey(path: "a")),
        ("a[-1]=1", .negativeIndex(-1)),
        ("a[65537]=1", .indexTooLarge(65537, limit: 65536)),
        ("a[x]=1", .badIndex(text: "x", path: "a")),
        ("a[0]x=1", .textAfterIndex(text: "x", path: "a[0]")),
        ("a={1,2", .unterminatedList),
        ("a=1,a.b=2", .notAMap(path: "a", found: "the integer 1")),
        ("a=null,a[0]=2", .notAList(path: "a", found: "null")),
        ("a[0]=1,a[0][0]=2", .notAList(path: "a[0]", found: "the integer 1")),
    ]

    @Test(arguments: problemCases)
    func problems(expression: String, expected: SetExpressionProblem) {
        #expect(throws: expected) { try parse(expression) }
    }

    @Test func thirtyDotsIsTheLimit() throws {
        let keys = (0...30).map { "k\($0)" }
        #expect(throws: Never.self) { try parse(keys.joined(separator: ".") + "=1") }
        #expect(throws: SetExpressionProblem.tooDeep(limit: 30)) {
            try parse((keys + ["k31"]).joined(separator: ".") + "=1")
        }
    }

    @Test func stringModeKeepsEveryValueAString() throws {
        #expect(try parse("a=1,b=true,c=null,d={1,2}", .string) == ["a": "1", "b": "true", "c": "null", "d": ["1", "2"]])
    }

    @Test func jsonModeReadsOneJSONValuePerKey() throws {
        #expect(try parse("a={\"b\":[1,2]},c=,d=1.0,e=\"x\"f=2", .json)
            == ["a": ["b": [1, 2]], "c": nil, "d": 1, "e": "x", "f": 2])
        #expect(try parse("a=12345678901234567890", .json) == ["a": .float(12345678901234567168)])
        #expect(throws: SetExpressionProblem.self) { try parse("a=tru", .json) }
    }

    @Test func literalModeTakesTheRestVerbatim() throws {
        #expect(try parse("a.b=x,y=z\\", .literal) == ["a": ["b": "x,y=z\\"]])
        #expect(try parse("a\\.b=1", .literal) == ["a\\": ["b": "1"]])
    }

    @Test func fileModeReadsEachPath() throws {
        #expect(try parse("a=p,b={q,r}", .file) == ["a": "<p>", "b": ["<q>", "<r>"]])
    }

    @Test func writesIntoExistingValues() throws {
        let base: Values = ["l": ["p", "q", "r"], "m": ["x": 1]]
        #expect(try parse("l[1]=y,m.z=2", into: base) == ["l": ["p", "y", "r"], "m": ["x": 1, "z": 2]])
        #expect(throws: SetExpressionProblem.notAMap(path: "l", found: "a list")) { try parse("l.a=1", into: base) }
    }
}
