import KubeGridCore
import Testing

@testable import KubeGridSim

/// The pod table's index by node gives what a scan would: the pods bound to a node, in
/// creation order, following binding, rebinding and removal.
@Suite struct PodTableTests {
    @Test func podsOnANodeAreThoseAScanFindsInCreationOrder() {
        var table = PodTable()
        let spec = StoreFixtures.statefulSet("web").spec.template.spec
        var keys: [String] = []
        for ordinal in 0..<6 {
            var pod = KubeGridSim.Pod(
                uid: table.newUID(), name: "web-\(ordinal)", namespace: "default", labels: [:], spec: spec,
                owner: "default/web", ordinal: ordinal, revision: 1, role: .other, createdAt: .zero)
            // Unbound at first for the odd ones, as a pod waits for the scheduler.
            pod.nodeName = ordinal.isMultiple(of: 2) ? "node-\(ordinal % 3)" : nil
            table[pod.key] = pod
            keys.append(pod.key)
        }
        table["default/web-1"]?.nodeName = "node-1"
        table["default/web-3"]?.nodeName = "node-0"
        table["default/web-0"]?.nodeName = "node-2"
        _ = table.remove("default/web-2")
        for node in ["node-0", "node-1", "node-2", "node-9"] {
            let scanned = table.values.filter { $0.nodeName == node }.map(\.key)
            #expect(table.pods(on: node).map(\.key) == scanned, "\(node)")
        }
        #expect(table.pods(on: "node-1").map(\.key) == ["default/web-1", "default/web-4"])
        #expect(table.pods(on: "node-0").map(\.key) == ["default/web-3"])
    }

    /// Removals leave gaps that close later; either way the pods stay in creation order,
    /// each found by key, and a pod added again goes last, as in an ordered dictionary.
    @Test func removalsKeepCreationOrder() {
        var table = PodTable()
        var expected: [String] = []
        for ordinal in 0..<40 {
            let pod = Self.pod(ordinal, in: &table)
            table[pod.key] = pod
            expected.append(pod.key)
        }
        // Enough removals to close the gaps more than once, with checks in between.
        for ordinal in Array(stride(from: 0, to: 40, by: 3)) + Array(stride(from: 1, to: 40, by: 3)) {
            #expect(table.remove("default/web-\(ordinal)")?.ordinal == ordinal)
            expected.removeAll { $0 == "default/web-\(ordinal)" }
            #expect(table.values.map(\.key) == expected)
            #expect(table.values.count == expected.count)
            #expect(Array(table.values.reversed()).map(\.key) == expected.reversed())
        }
        #expect(table.remove("default/web-0") == nil)
        let again = Self.pod(0, in: &table)
        table[again.key] = again
        expected.append(again.key)
        #expect(table.values.map(\.key) == expected)
        for key in expected { #expect(table[key]?.key == key) }
        #expect(table.pod(uid: again.uid)?.key == again.key)
    }

    /// The heal check reads the pods again only when this count moved: a pod becoming
    /// Running and Ready, leaving it, or going moves it; other changes do not.
    @Test func settleChangesMoveOnlyWithASettledRevision() {
        var table = PodTable()
        var pod = Self.pod(0, in: &table)
        table[pod.key] = pod
        var seen = table.settleChanges
        pod.nodeName = "node-1"
        table[pod.key] = pod
        #expect(table.settleChanges == seen)
        pod.phase = .running
        pod.stage = .running
        pod.ready = true
        table[pod.key] = pod
        #expect(table.settleChanges != seen && table.settledRevision(pod.key) == 1)
        seen = table.settleChanges
        table[pod.key]?.restartCount = 1
        #expect(table.settleChanges == seen)
        _ = table.remove(pod.key)
        #expect(table.settleChanges != seen && table.settledRevision(pod.key) == nil)
    }

    private static func pod(_ ordinal: Int, in table: inout PodTable) -> KubeGridSim.Pod {
        KubeGridSim.Pod(
            uid: table.newUID(), name: "web-\(ordinal)", namespace: "default", labels: ["app": "web"],
            spec: StoreFixtures.statefulSet("web").spec.template.spec, owner: "default/web", ordinal: ordinal, revision: 1,
            role: .other, createdAt: .zero)
    }
}
