import Testing
@testable import KubeGridCore

/// Found by fuzzing's reasoning on recursion: `--set a[0][0]…[0]=1` with 20,000 indexes
/// overflowed the stack (one parser frame per index) and killed kubegrid with SIGSEGV.
@Suite struct SetIndexDepthTests {
    static func indexes(_ count: Int, after key: String = "a", step: String = "[0]") -> String {
        key + String(repeating: step, count: count) + "=1"
    }

    @Test(arguments: [
        indexes(StrvalsLimits.maximumIndexDepth + 1), indexes(20_000), indexes(20_000, step: "[0].b"),
    ])
    func tooManyIndexesAreAnErrorNotACrash(expression: String) {
        #expect(throws: ValuesError.badExpression(
            flag: .set, expression: expression,
            problem: .tooManyIndexes(limit: StrvalsLimits.maximumIndexDepth))
        ) {
            try ValuesOptions(set: [expression]).merge(files: LocalFiles())
        }
    }

    @Test func theLimitItselfIsAllowed() throws {
        let values = try ValuesOptions(set: [Self.indexes(StrvalsLimits.maximumIndexDepth)]).merge(files: LocalFiles())
        var node = try #require(values["a"])
        var depth = 0
        while case .list(let items) = node, let first = items.first {
            node = first
            depth += 1
        }
        #expect(depth == StrvalsLimits.maximumIndexDepth)
        #expect(node == 1)
    }
}
