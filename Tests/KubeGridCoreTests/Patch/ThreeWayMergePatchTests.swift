import Testing
@testable import KubeGridCore

/// kubectl apply's three-way patch: applied by the strategic merge patch engine, it takes the
/// live object to the configuration, keeps what only the server set, deletes what the last
/// configuration had, and applying the same configuration again patches nothing.
@Suite struct ThreeWayMergePatchTests {
    let table = PatchMetaTable.kubernetes
    let podType = "io.k8s.api.core.v1.Pod"

    var threeWay: ThreeWayMergePatch { ThreeWayMergePatch(lookup: table) }
    var engine: StrategicMergePatch { StrategicMergePatch(lookup: table) }

    let first: Values = [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": "p", "labels": ["app": "grid", "old": "yes"], "finalizers": ["a", "b"]],
        "spec": [
            "containers": [["name": "main", "image": "gs:16", "args": ["-x"]], ["name": "sidecar", "image": "b"]],
            "volumes": [["name": "data", "emptyDir": [:]]],
        ],
    ]
    let second: Values = [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": "p", "labels": ["app": "grid", "new": "yes"], "finalizers": ["b", "c"]],
        "spec": [
            "containers": [["name": "extra", "image": "e"], ["name": "main", "image": "gs:17"]],
            "volumes": [["name": "data", "hostPath": ["path": "/d"]]],
        ],
    ]

    /// The live object: the first configuration, plus what the server added.
    func live(of configuration: Values) throws -> Values {
        try engine.apply(
            ["metadata": ["uid": "u1", "labels": ["server": "set"]], "spec": ["nodeName": "n1",
             "containers": [["name": "main", "terminationMessagePath": "/dev/termination-log"]]]],
            to: try LastAppliedConfiguration.annotated(configuration), type: podType)
    }

    @Test func applyingTakesTheLiveObjectToTheNewConfiguration() throws {
        let current = try live(of: first)
        let modified = try LastAppliedConfiguration.annotated(second)
        let patch = threeWay.patch(lastApplied: LastAppliedConfiguration.read(from: current), modified: modified,
                                   current: current, type: podType)
        let result = try engine.apply(patch, to: current, type: podType)
        #expect(result.value(at: ["metadata", "labels"]) == ["app": "grid", "server": "set", "new": "yes"])
        #expect(result.value(at: ["metadata", "finalizers"]) == ["b", "c"])
        let containers = try #require(result.value(at: ["spec", "containers"])?.listValue)
        #expect(containers.compactMap { $0["name"]?.stringValue } == ["extra", "main"])
        #expect(containers[1]["image"] == "gs:17")
        #expect(containers[1]["args"] == nil, "args were in the last configuration and are gone from the new one")
        #expect(containers[1]["terminationMessagePath"] == "/dev/termination-log", "the server's own field stays")
        #expect(result.value(at: ["spec", "volumes"]) == [["name": "data", "hostPath": ["path": "/d"]]])
        #expect(result.value(at: ["spec", "nodeName"]) == "n1")
        #expect(LastAppliedConfiguration.read(from: result)?.jsonEquals(second) == true)
    }

    @Test func applyingTheSameConfigurationTwiceChangesNothing() throws {
        let current = try live(of: first)
        let modified = try LastAppliedConfiguration.annotated(second)
        let applied = try engine.apply(
            threeWay.patch(lastApplied: LastAppliedConfiguration.read(from: current), modified: modified,
                           current: current, type: podType), to: current, type: podType)
        let again = threeWay.patch(lastApplied: LastAppliedConfiguration.read(from: applied), modified: modified,
                                   current: applied, type: podType)
        #expect(again == .emptyMap)
        #expect(try engine.apply(again, to: applied, type: podType) == applied)
    }

    @Test func theFirstApplyOfAnUnchangedObjectIsEmpty() throws {
        let current = try live(of: first)
        let modified = try LastAppliedConfiguration.annotated(first)
        #expect(threeWay.patch(lastApplied: LastAppliedConfiguration.read(from: current), modified: modified,
                               current: current, type: podType) == .emptyMap)
    }

    @Test func theAnnotationHoldsTheConfigurationWithoutItself() throws {
        let annotated = try LastAppliedConfiguration.annotated(try LastAppliedConfiguration.annotated(first))
        let text = try #require(annotated.value(at: ["metadata", "annotations", LastAppliedConfiguration.annotation])?.stringValue)
        #expect(text.hasPrefix("{\"apiVersion\":\"v1\",\"kind\":\"Pod\""))
        #expect(text.hasSuffix("}\n"))
        #expect(!text.contains("last-applied"))
    }
}
