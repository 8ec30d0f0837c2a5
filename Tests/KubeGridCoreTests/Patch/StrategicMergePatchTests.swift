import Testing
@testable import KubeGridCore

/// Strategic merge patch with the generated metadata of the served kinds, row by row from
/// the table pytest checks against real kubectl (`kubectl patch --local --type strategic`,
/// which runs the same apimachinery code the API server does).
@Suite struct StrategicMergePatchTests {
    let engine = StrategicMergePatch(lookup: PatchMetaTable.kubernetes)

    @Test(arguments: PatchCase.load("strategic-cases.json"))
    func strategicCase(_ row: PatchCase) {
        let target = row.target
        let type = PatchMetaTable.kubernetes.type(
            apiVersion: target["apiVersion"]?.stringValue ?? "", kind: target["kind"]?.stringValue ?? "")
        #expect(type != nil)
        let outcome = Result { () throws(PatchError) in try engine.apply(row.patch, to: target, type: type) }
        switch outcome {
        case .success(let result):
            #expect(row.row["kubectlError"] == nil, "kubectl refused this patch; kubegrid gave \(result)")
            #expect(row.expected.map(result.jsonEquals) == true, "got \(result)")
        case .failure(let error):
            #expect("error: " + error.message == row.row["kubectlError"]?.stringValue)
        }
    }

    @Test func tableIsNotEmpty() {
        #expect(PatchCase.load("strategic-cases.json").count > 25)
    }

    @Test func generatedTableKnowsContainersAndVolumes() {
        let table = PatchMetaTable.kubernetes
        #expect(table.meta(of: "containers", in: "io.k8s.api.core.v1.PodSpec")
            == PatchFieldMeta(strategy: "merge", mergeKey: "name", listType: "map", listMapKeys: ["name"],
                              type: "io.k8s.api.core.v1.Container"))
        #expect(table.meta(of: "volumes", in: "io.k8s.api.core.v1.PodSpec").strategy == "merge,retainKeys")
        #expect(table.meta(of: "ports", in: "io.k8s.api.core.v1.ServiceSpec").mergeKey == "port")
        #expect(table.type(apiVersion: "apps/v1", kind: "StatefulSet") == "io.k8s.api.apps.v1.StatefulSet")
    }

    /// The engine reads merge keys only through its lookup: a hand-made table decides.
    @Test func aHandMadeLookupDecidesTheMergeKey() throws {
        let table = PatchMetaTable(types: ["T": ["items": PatchFieldMeta(strategy: "merge", mergeKey: "id")]])
        let original: Values = ["items": [["id": 1, "v": "a"], ["id": 2, "v": "b"]]]
        let merged = try StrategicMergePatch(lookup: table).apply(["items": [["id": 2, "v": "c"]]], to: original, type: "T")
        #expect(merged == ["items": [["id": 1, "v": "a"], ["id": 2, "v": "c"]]])
        let replaced = try StrategicMergePatch(lookup: table).apply(["items": [["id": 2, "v": "c"]]], to: original, type: "U")
        #expect(replaced == ["items": [["id": 2, "v": "c"]]])
    }
}
