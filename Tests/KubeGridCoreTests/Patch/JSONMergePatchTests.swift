import Testing
@testable import KubeGridCore

/// RFC 7386 merge patch as the API server applies it, row by row from the table pytest
/// checks against PyPI json-merge-patch.
@Suite struct JSONMergePatchTests {
    @Test(arguments: PatchCase.load("merge-patch-cases.json"))
    func mergePatchCase(_ row: PatchCase) {
        let outcome = Result { () throws(PatchError) in try JSONMergePatch.apply(row.patch, to: row.target) }
        switch outcome {
        case .success(let result):
            #expect(row.expectedError == nil, "expected an error, got \(result)")
            #expect(row.expected.map(result.jsonEquals) == true, "got \(result)")
        case .failure(let error):
            #expect(error.message == row.expectedError)
            #expect(error.code.rawValue == row.expectedCode)
        }
    }

    @Test func tableIsNotEmpty() {
        #expect(PatchCase.load("merge-patch-cases.json").count > 10)
    }

    @Test func keepsTheTargetsKeyOrderAndAppendsNewKeys() throws {
        let result = try JSONMergePatch.apply(["z": 1, "a": nil], to: ["b": 1, "a": 2, "c": 3])
        #expect(result.mapValue?.keys.elements == ["b", "c", "z"])
    }
}
