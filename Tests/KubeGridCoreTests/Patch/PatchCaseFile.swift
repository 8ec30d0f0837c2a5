import Foundation
import KubeGridCore
import Testing

/// One row of a patch case table shared with the parity tests (Tests/Parity/fixtures/patch),
/// where pytest checks the same rows against the reference implementations.
struct PatchCase: CustomTestStringConvertible, Sendable {
    let name: String
    let row: Values

    var target: Values { row["target"] ?? .null }
    var patch: Values { row["patch"] ?? .null }
    var expected: Values? { row["expected"] }
    var expectedError: String? { row["expectedError"]?.stringValue }
    var expectedCode: Int? { if case .int(let code)? = row["expectedCode"] { return code } else { return nil } }
    var testDescription: String { name }

    static func load(_ file: String) -> [PatchCase] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Parity/fixtures/patch/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            case .list(let rows)? = try? JSONReader.parse(text, source: file)
        else { return [] }
        return rows.map { PatchCase(name: $0["name"]?.stringValue ?? "?", row: $0) }
    }
}
