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
}
