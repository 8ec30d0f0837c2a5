import KubeGridCore
import Testing

@testable import KubeGridSim

/// An eviction finds a pod's PodDisruptionBudgets, and the pods each selects, through the
/// store's index; it must find what listing every budget and pod would.
@Suite struct DisruptionBudgetLookupTests {
    @Test func theIndexFindsWhatListingFindsAsPodsComeAndGo() throws {
        let options = SimulationOptions()
        var world = World.deployed(
            GridFixture(partitions: 3).bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: options)
        world.run(until: options.deployTimeout) { $0.isSettled }
        var budgetsFound = 0
        for round in 0..<3 {
            let store = world.api.store
            let pods = store.list(.pod)
            for pod in pods {
                let listed: [(name: String, pods: [ObjectKey])] = store.list(.podDisruptionBudget).compactMap { object in
                    guard case .podDisruptionBudget(let budget) = object.body, let selector = budget.spec.selector,
                        object.metadata.namespace == pod.metadata.namespace, selector.matches(pod.metadata.labels)
                    else { return nil }
                    let selected = pods.filter {
                        $0.metadata.namespace == object.metadata.namespace && selector.matches($0.metadata.labels)
                    }
                    return (object.metadata.name, selected.map(\.key))
                }
                let indexed = store.disruptionBudgets(selecting: pod)
                #expect(indexed.map(\.name) == listed.map(\.name), "\(pod.key)")
                #expect(indexed.map(\.pods) == listed.map(\.pods), "\(pod.key)")
                budgetsFound += indexed.count
            }
            // A pod deleted and recreated: the index follows the store.
            _ = world.inject(.killPod("test-insightedge-pu-\(round + 1)-0"))
            world.run(for: .seconds(5))
        }
        #expect(budgetsFound > 0)
    }
}
