import Testing
@testable import KubeGridCore

/// Server-side apply: field ownership in managedFields (FieldsV1), conflicts with the API
/// server's 409 wording, force, and removal of fields a manager stops applying.
@Suite struct ServerSideApplyTests {
    let ssa = ServerSideApply(lookup: PatchMetaTable.kubernetes)
    let type = "io.k8s.api.apps.v1.StatefulSet"

    func configuration(replicas: Int = 2, labels: Values = ["app": "pu"]) -> Values {
        [
            "apiVersion": "apps/v1", "kind": "StatefulSet",
            "metadata": ["name": "pu", "labels": labels],
            "spec": ["replicas": .int(replicas), "template": ["spec": ["containers": [["name": "pu", "image": "gs:16"]]]]],
        ]
    }

    func apply(_ configuration: Values, to live: Values?, manager: String = "kubectl", force: Bool = false) throws -> Values {
        try ssa.apply(configuration, to: live, manager: manager, force: force, type: type, apiVersion: "apps/v1",
                      time: "2026-01-01T00:00:00Z")
    }

    @Test func applyRecordsTheFieldsItSetAsFieldsV1() throws {
        let created = try apply(configuration(), to: nil)
        let entries = try #require(created.value(at: ["metadata", "managedFields"])?.listValue)
        #expect(entries.count == 1)
        #expect(entries[0]["manager"] == "kubectl")
        #expect(entries[0]["operation"] == "Apply")
        #expect(entries[0]["fieldsType"] == "FieldsV1")
        let expected: Values = [
            "f:metadata": ["f:labels": ["f:app": [:]]],
            "f:spec": [
                "f:replicas": [:],
                "f:template": ["f:spec": ["f:containers": ["k:{\"name\":\"pu\"}": [".": [:], "f:image": [:], "f:name": [:]]]]],
            ],
        ]
        #expect(entries[0]["fieldsV1"]?.jsonEquals(expected) == true, "got \(entries[0]["fieldsV1"] ?? nil)")
        #expect(ManagedFieldSet(fieldsV1: expected) == ManagedFieldSet(of: configuration(), type: type, lookup: PatchMetaTable.kubernetes))
    }

    @Test func applyingTheSameConfigurationAgainChangesNothing() throws {
        let created = try apply(configuration(), to: nil)
        #expect(try apply(configuration(), to: created) == created)
    }

    @Test func changingAFieldAnotherManagerSetIsAConflictWithTheAPIServersWords() throws {
        let created = try apply(configuration(), to: nil)
        var scaled = created
        scaled = Self.setting(scaled, replicas: 5)
        scaled = ssa.recordUpdate(scaled, previous: created, manager: "kubectl-scale", type: type, apiVersion: "apps/v1",
                                  time: "2026-01-01T00:01:00Z")
        #expect(throws: ApplyConflict.self) { try apply(configuration(replicas: 3), to: scaled) }
        do {
            _ = try apply(configuration(replicas: 3), to: scaled)
        } catch let conflict as ApplyConflict {
            #expect(conflict.message == "Apply failed with 1 conflict: conflict with \"kubectl-scale\" using apps/v1: .spec.replicas")
            #expect(conflict.causes == [.init(message: "conflict with \"kubectl-scale\" using apps/v1", field: ".spec.replicas")])
            #expect(conflict.code == 409)
        }
        // The same value as the other manager's is shared ownership, not a conflict.
        #expect(try apply(configuration(replicas: 5), to: scaled).value(at: ["spec", "replicas"]) == 5)
    }

    @Test func forceTakesTheFieldOver() throws {
        let created = try apply(configuration(), to: nil)
        let scaled = ssa.recordUpdate(Self.setting(created, replicas: 5), previous: created, manager: "kubectl-scale",
                                      type: type, apiVersion: "apps/v1", time: "2026-01-01T00:01:00Z")
        let forced = try apply(configuration(replicas: 3), to: scaled, force: true)
        #expect(forced.value(at: ["spec", "replicas"]) == 3)
        let managers = forced.value(at: ["metadata", "managedFields"])?.listValue?.compactMap { $0["manager"]?.stringValue }
        #expect(managers == ["kubectl"], "kubectl-scale owned only replicas, so its entry goes")
    }

    @Test func aFieldNoLongerAppliedIsRemovedUnlessAnotherManagerOwnsIt() throws {
        let created = try apply(configuration(labels: ["app": "pu", "old": "x"]), to: nil)
        let dropped = try apply(configuration(labels: ["app": "pu"]), to: created)
        #expect(dropped.value(at: ["metadata", "labels"]) == ["app": "pu"])

        let shared = try apply(configuration(labels: ["old": "x"]), to: created, manager: "other")
        let kept = try apply(configuration(labels: ["app": "pu"]), to: shared)
        #expect(kept.value(at: ["metadata", "labels", "old"]) == "x")
    }

    @Test func conflictsWithSeveralFieldsListThemByManager() {
        let conflict = ApplyConflict([("\"a\"", ".spec.replicas"), ("\"b\" using v1", ".metadata.labels.x"), ("\"a\"", ".spec.x")])
        #expect(conflict.message == """
            Apply failed with 3 conflicts: conflicts with "a":
            - .spec.replicas
            - .spec.x
            conflicts with "b" using v1:
            - .metadata.labels.x
            """)
    }

    static func setting(_ object: Values, replicas: Int) -> Values {
        guard case .map(var map) = object, case .map(var spec)? = map["spec"] else { return object }
        spec["replicas"] = .int(replicas)
        map["spec"] = .map(spec)
        return .map(map)
    }
}
