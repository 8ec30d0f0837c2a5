import Foundation
import Testing

/// Replays the committed fuzz inputs (`Fuzz/corpus/TARGET`, `Fuzz/seeds/TARGET`) through
/// the fuzz targets' own checks (`FuzzOracles.swift`, linked here from `Fuzz/`), so an
/// input that once broke kubegrid stays fixed without libFuzzer.
@Suite struct FuzzCorpusReplayTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test(arguments: ["set", "yaml", "json"])
    func everyCommittedInputKeepsTheInvariants(target: String) throws {
        let files = Self.inputs(of: target)
        #expect(files.count >= 10, "the corpus of \(target) is missing")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            do throws(FuzzOracles.Violation) {
                switch target {
                case "set": try FuzzOracles.checkSetFlags(bytes)
                case "yaml": try FuzzOracles.checkYAML(bytes)
                default: try FuzzOracles.checkJSON(bytes)
                }
            } catch {
                Issue.record("\(file.path): \(error)")
            }
        }
    }

    /// Every file under the target's corpus and seed folders, in a fixed order.
    static func inputs(of target: String) -> [URL] {
        let folders = ["corpus", "seeds"].map { fuzzDirectory.appendingPathComponent($0).appendingPathComponent(target) }
        var files: [URL] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(file)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
