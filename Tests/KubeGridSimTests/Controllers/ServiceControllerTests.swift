import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct ServiceControllerTests {
    @Test func itIndexesInstanceServicesAndReportsLoadBalancerAddresses() throws {
        var api = APIServer(network: ServiceNetwork(loadBalancerPool: try #require(IPv4Range("203.0.113.0/30")), random: SeededRandom(seed: 1)))
        var controller = ServiceController(changes: api.watch())
        var timeline = Timeline()
        for name in ["a", "b", "c"] {
            let service = Service(
                metadata: ObjectMeta(name: name, namespace: "default"),
                spec: ServiceSpec(type: .loadBalancer, selector: [GridLabels.podName: "pod-\(name)"], ports: [ServicePort(name: "p", port: 80)]))
            try api.create(.service(service), name: name, namespace: "default", at: .zero)
        }
        for event in api.changes(for: controller.changes) { controller.observe(event, api: api, timeline: &timeline) }
        #expect(controller.instanceServiceByPod["default/pod-b"] == "default/b")
        #expect(timeline.events.map(\.message) == [
            "Assigned IP [\"203.0.113.1\"]", "Assigned IP [\"203.0.113.2\"]",
            "Failed to allocate IP for \"default/c\": no available IPs in pool 203.0.113.0/30",
        ])
    }
}
