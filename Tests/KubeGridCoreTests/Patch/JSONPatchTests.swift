import Testing
@testable import KubeGridCore

/// RFC 6902 JSON patch with the API server's error words, row by row from the table pytest
/// checks against PyPI jsonpatch (which must succeed or fail on the same rows).
@Suite struct JSONPatchTests {
    @Test(arguments: PatchCase.load("json-patch-cases.json"))
    func jsonPatchCase(_ row: PatchCase) {
        let outcome = Result { () throws(PatchError) in try JSONPatch(row.patch).apply(to: row.target) }
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
        #expect(PatchCase.load("json-patch-cases.json").count > 20)
    }

    @Test func aFailedOperationLeavesTheCallersDocumentAlone() {
        let document: Values = ["a": [1]]
        #expect(throws: PatchError.self) {
            try JSONPatch([["op": "add", "path": "/a/-", "value": 2], ["op": "remove", "path": "/x"]]).apply(to: document)
        }
        #expect(document == ["a": [1]])
    }
}
