import KubeGridCore
import OrderedCollections
import Testing

@testable import KubeGridSim

/// The endpoints controller on its own: an API server for the Services and the objects it
/// writes, and a pod table whose changes it is handed, as the world hands them after a step.
@Suite struct EndpointsControllerAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var controller: EndpointsController
        var pods = PodTable()

        init() {
            controller = EndpointsController(changes: api.watch())
        }

        /// Creates a Service selecting `app=web` on the named container port `http`.
        mutating func service(_ name: String = "web", publishNotReady: Bool? = nil, targetPort: IntOrString = .string("http")) throws {
            let service = Service(
                metadata: ObjectMeta(name: name, namespace: "default", labels: ["team": "a"]),
                spec: ServiceSpec(
                    selector: ["app": "web"], ports: [ServicePort(name: "http", port: 80, targetPort: targetPort)],
                    publishNotReadyAddresses: publishNotReady))
            try api.create(.service(service), name: name, namespace: "default", at: .zero)
            deliver()
        }

        /// A `web` pod with the named container port 8080.
        mutating func pod(_ ordinal: Int, labels: OrderedDictionary<String, String> = ["app": "web"]) -> String {
            let spec = PodSpec(containers: [Container(name: "main", ports: [ContainerPort(name: "http", containerPort: 8080)])])
            let pod = KubeGridSim.Pod(
                uid: pods.newUID(), name: "web-\(ordinal)", namespace: "default", labels: labels, spec: spec, owner: "default/web",
                ordinal: ordinal, revision: 1, role: .other, createdAt: .zero)
            pods[pod.key] = pod
            return pod.key
        }

        /// Starts the pod: bound, an IP, Running, Ready as asked.
        mutating func run(_ key: String, ready: Bool) {
            pods[key]?.nodeName = "node-1"
            _ = pods.assignAddress(to: key)
            pods[key]?.phase = .running
            pods[key]?.stage = .running
            pods[key]?.ready = ready
        }

        /// Hands the controller what changed, and lets it write.
        mutating func deliver() {
            for event in api.changes(for: controller.changes) { controller.observe(event, pods: pods) }
            controller.podsChanged(pods.takeEndpointChanges(), pods: pods)
            controller.write(&api, at: .seconds(1), all: true)
        }

        func stored(_ kind: ObjectKind, _ name: String) -> ServiceEndpoints? {
            switch api.store.get(ObjectKey(kind, namespace: "default", name))?.body {
            case .endpoints(let endpoints)?, .endpointSlice(let endpoints)?: return endpoints
            default: return nil
            }
        }
    }

    @Test func aReadyPodIsAnAddressAndAPodThatIsNotReadyANotReadyAddressWithItsNamedPortResolved() throws {
        var rig = Rig()
        try rig.service()
        let ready = rig.pod(0)
        let starting = rig.pod(1)
        rig.run(ready, ready: true)
        rig.run(starting, ready: false)
        rig.deliver()

        #expect(rig.controller.routes("default/web", to: ready))
        #expect(!rig.controller.routes("default/web", to: starting))
        #expect(rig.controller.hasReadyAddress("default/web"))
        #expect(rig.controller.readyPods(of: "default/web") == [ready])
        let endpoints = try #require(rig.stored(.endpoints, "web"))
        let subsets = endpoints.subsets
        #expect(subsets.count == 1)
        #expect(subsets.first?.ready.map(\.podName) == ["web-0"])
        #expect(subsets.first?.notReady.map(\.podName) == ["web-1"])
        #expect(subsets.first?.ports == [PodEndpointPort(name: "http", port: 8080, protocolName: "TCP")])
        #expect(endpoints.addresses.map(\.nodeName) == ["node-1", "node-1"])
        // The Endpoints carry the Service's labels; the slice names its Service and is its dependent.
        let object = try #require(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web")))
        #expect(object.metadata.labels == ["team": "a"])
        let slice = try #require(rig.api.store.get(ObjectKey(.endpointSlice, namespace: "default", EndpointsController.sliceName(of: "web"))))
        #expect(slice.metadata.labels[EndpointLabels.serviceName] == "web")
        #expect(slice.metadata.labels[EndpointLabels.managedBy] == "endpointslice-controller.k8s.io")
        #expect(slice.metadata.ownerReferences.map(\.kind) == [.service])
    }

    @Test func readinessChangesMoveAPodBetweenAddressesAndNotReadyAddresses() throws {
        var rig = Rig()
        try rig.service()
        let key = rig.pod(0)
        rig.run(key, ready: false)
        rig.deliver()
        #expect(!rig.controller.hasReadyAddress("default/web"))
        rig.pods[key]?.ready = true
        rig.deliver()
        #expect(rig.controller.routes("default/web", to: key))
        #expect(rig.stored(.endpoints, "web")?.subsets.first?.ready.count == 1)
        rig.pods[key]?.ready = false
        rig.pods[key]?.stage = .terminating
        rig.deliver()
        // Terminating and not Ready: gone from Endpoints, still in the slice as terminating.
        #expect(!rig.controller.hasReadyAddress("default/web"))
        #expect(rig.stored(.endpoints, "web")?.subsets.isEmpty == true)
        let sliced = try #require(rig.stored(.endpointSlice, EndpointsController.sliceName(of: "web"))?.addresses.first)
        #expect(!sliced.ready && !sliced.serving && sliced.terminating)
        _ = rig.pods.remove(key)
        rig.deliver()
        #expect(rig.stored(.endpoints, "web")?.addresses.isEmpty == true)
    }

    @Test func publishNotReadyAddressesRoutesToAPodBeforeItIsReady() throws {
        var rig = Rig()
        try rig.service("web-hs", publishNotReady: true)
        let key = rig.pod(0)
        rig.run(key, ready: false)
        rig.deliver()
        #expect(rig.controller.routes("default/web-hs", to: key))
        let address = try #require(rig.stored(.endpointSlice, EndpointsController.sliceName(of: "web-hs"))?.addresses.first)
        #expect(address.ready && !address.serving)
    }

    @Test func aPodWithoutTheNamedPortIsLeftOutOfThatPortAndAPodTheSelectorMissesIsNoMember() throws {
        var rig = Rig()
        try rig.service(targetPort: .string("metrics"))
        let key = rig.pod(0)
        let other = rig.pod(1, labels: ["app": "db"])
        rig.run(key, ready: true)
        rig.run(other, ready: true)
        rig.deliver()
        let endpoints = try #require(rig.stored(.endpoints, "web"))
        #expect(endpoints.addresses.map(\.podName) == ["web-0"])
        #expect(endpoints.addresses.first?.ports == [])
        #expect(!rig.controller.routes("default/web", to: other))
    }

    @Test func aServicesObjectsAreWrittenAtMostOnceASecondWhileRoutingFollowsEveryChange() throws {
        var rig = Rig()
        try rig.service()
        let key = rig.pod(0)
        rig.run(key, ready: false)
        rig.deliver()
        let version = try #require(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web"))?.metadata.resourceVersion)
        rig.pods[key]?.ready = true
        rig.controller.podsChanged(rig.pods.takeEndpointChanges(), pods: rig.pods)
        #expect(rig.controller.routes("default/web", to: key))
        #expect(!rig.controller.hasDue(at: .milliseconds(1999)))
        rig.controller.write(&rig.api, at: .milliseconds(1999))
        #expect(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web"))?.metadata.resourceVersion == version)
        #expect(rig.controller.hasDue(at: .seconds(2)))
        rig.controller.write(&rig.api, at: .seconds(2))
        #expect(rig.stored(.endpoints, "web")?.subsets.first?.ready.count == 1)
        #expect(!rig.controller.hasUnwritten)
    }

    @Test func podsRunningBeforeTheServiceIsCreatedAreFoundAndTheObjectsGoWithTheService() throws {
        var rig = Rig()
        let key = rig.pod(0)
        rig.run(key, ready: true)
        rig.deliver()
        try rig.service()
        #expect(rig.controller.routes("default/web", to: key))
        #expect(rig.stored(.endpoints, "web")?.addresses.count == 1)
        try rig.api.delete(ObjectKey(.service, namespace: "default", "web"), at: .seconds(2))
        rig.deliver()
        #expect(!rig.controller.routes("default/web", to: key))
        #expect(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web")) == nil)
        #expect(rig.api.store.count(.endpointSlice) == 0)
    }
}
