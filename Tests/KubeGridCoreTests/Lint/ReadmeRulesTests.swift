import Foundation
import Testing

@testable import KubeGridCore

/// The README's table of lint rules is the catalogue's, written out.
@Suite struct ReadmeRulesTests {
    static let begin = "<!-- rules:begin (generated from the rule catalogue; a test keeps it in sync) -->\n"
    static let end = "<!-- rules:end -->"

    @Test func theReadmeListsEveryRuleAsTheCatalogueDoes() throws {
        let path = joinPath(repositoryRoot, "README.md")
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "README.md lacks the rules:begin marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let table = RuleListing.markdownTable()
        if ProcessInfo.processInfo.environment["KUBEGRID_UPDATE_GOLDEN"] == "1" {
            try readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table)
                .write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == table, "KUBEGRID_UPDATE_GOLDEN=1 swift test rewrites the table")
        for rule in RuleCatalogue.all {
            #expect(table.contains("| \(rule.id) | \(rule.severity.rawValue) |"))
        }
    }
}
