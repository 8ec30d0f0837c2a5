import Foundation
import Testing

@testable import KubeGridSim

/// The HTML report's template lives in `templates/` and is embedded in the binary as a
/// generated Swift source, so the binary needs no file at run time. This test is the
/// generator: it fails when the two drift, and `KUBEGRID_UPDATE_GOLDEN=1` rewrites the source.
@Suite struct ReportTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templatePath = root.appendingPathComponent("templates/simulation-report.html.mustache").path
    static let sourcePath = root.appendingPathComponent("Sources/KubeGridSim/Output/HTML/ReportTemplate.swift").path

    /// The Swift source embedding `template` as a raw string literal, with as many `#` as
    /// it takes for nothing in the template to end the literal or start an escape.
    static func source(embedding template: String) -> String {
        var hashes = "#"
        while template.contains("\"\"\"" + hashes) || template.contains("\\" + hashes) { hashes += "#" }
        return """
            // Generated from templates/simulation-report.html.mustache; do not edit.
            // `KUBEGRID_UPDATE_GOLDEN=1 swift test --filter ReportTemplateTests` writes it again; that test fails when they drift.

            /// The HTML report's Mustache template, embedded so that the binary needs no file at run time.
            enum ReportTemplate {
                static let text = \(hashes)\"""

            """ + template + "\n\"\"\"\(hashes)\n}\n"
    }

    @Test func theEmbeddedTemplateIsTheOneInTemplates() throws {
        let template = try String(contentsOfFile: Self.templatePath, encoding: .utf8)
        let expected = Self.source(embedding: template)
        let onDisk = (try? String(contentsOfFile: Self.sourcePath, encoding: .utf8)) ?? ""
        if ProcessInfo.processInfo.environment["KUBEGRID_UPDATE_GOLDEN"] == "1", onDisk != expected {
            try expected.write(toFile: Self.sourcePath, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            onDisk == expected,
            "Sources/KubeGridSim/Output/HTML/ReportTemplate.swift differs from templates/simulation-report.html.mustache; run KUBEGRID_UPDATE_GOLDEN=1 swift test --filter ReportTemplateTests")
        #expect(ReportTemplate.text == template)
    }

    @Test func aTemplateThatWouldEndTheLiteralGetsMoreHashes() {
        #expect(Self.source(embedding: "a\"\"\"#b\n").contains("##\"\"\"\na\"\"\"#b\n\n\"\"\"##\n"))
        #expect(Self.source(embedding: "a\\#(b)\n").contains("##\"\"\""))
    }
}
