import KubeGridCore
import Testing

@testable import KubeGridSim

/// Services with more pods than an EndpointSlice (100) or an Endpoints object (1,000)
/// holds, as kube-controller-manager writes them: several slices, each rewritten only when
/// its own pods change, and an Endpoints object truncated and annotated; routing still
/// knows every pod.
@Suite struct EndpointsAtCapacityTests {
    typealias Rig = EndpointsControllerAloneTests.Rig

    /// A `web` Service over `count` running pods, all delivered; the pods' keys.
    static func rig(pods count: Int, ready: (Int) -> Bool = { _ in true }) throws -> (Rig, [String]) {
        var rig = Rig()
        try rig.service()
        var keys: [String] = []
        for ordinal in 0..<count {
            let key = rig.pod(ordinal)
            rig.run(key, ready: ready(ordinal))
            keys.append(key)
        }
        rig.deliver()
        return (rig, keys)
    }

    static func slices(_ rig: Rig) -> [StoredObject] {
        rig.api.store.list(.endpointSlice).filter { $0.metadata.labels[EndpointLabels.serviceName] == "web" }
    }

    static func endpoints(of slice: StoredObject) -> [PodEndpoint] {
        if case .endpointSlice(let endpoints) = slice.body { return endpoints.addresses }
        return []
    }

    @Test func aServiceOver250PodsGetsThreeSlicesOfAtMost100ThatListEveryPodOnce() throws {
        let (rig, keys) = try Self.rig(pods: 250)
        let slices = Self.slices(rig)
        #expect(slices.count == 3)
        #expect(slices.allSatisfy { Self.endpoints(of: $0).count <= 100 })
        let listed = slices.flatMap { Self.endpoints(of: $0).map(\.podName) }
        #expect(listed.count == 250)
        #expect(Set(listed) == Set(keys.map { String($0.split(separator: "/")[1]) }))
        // Named by generateName: the Service's name, a dash and five characters, each its own.
        #expect(Set(slices.map(\.metadata.name)).count == 3)
        #expect(slices.allSatisfy { $0.metadata.name.hasPrefix("web-") && $0.metadata.name.count == "web-".count + 5 })
        #expect(slices.allSatisfy { $0.metadata.labels[EndpointLabels.managedBy] == EndpointLabels.sliceController })
        #expect(slices.allSatisfy { $0.metadata.ownerReferences.map(\.name) == ["web"] })
    }

    @Test func aPodThatChangesRewritesOnlyTheSliceThatListsIt() throws {
        var (rig, keys) = try Self.rig(pods: 250)
        let before = Dictionary(uniqueKeysWithValues: Self.slices(rig).map { ($0.metadata.name, $0.metadata.resourceVersion) })
        rig.pods[keys[137]]?.ready = false
        rig.deliver()
        let after = Self.slices(rig)
        let rewritten = after.filter { before[$0.metadata.name] != $0.metadata.resourceVersion }
        #expect(after.count == 3)
        #expect(rewritten.count == 1)
        #expect(Self.endpoints(of: try #require(rewritten.first)).contains { $0.podName == "web-137" && !$0.ready })
    }

    @Test func podsThatGoEmptyASliceWhichIsDeletedAndNewPodsFillTheSlicesTheyChange() throws {
        var (rig, keys) = try Self.rig(pods: 250)
        let last = try #require(Self.slices(rig).first { Self.endpoints(of: $0).count == 50 })
        for key in keys[200...] { _ = rig.pods.remove(key) }
        rig.deliver()
        #expect(Self.slices(rig).count == 2)
        #expect(!Self.slices(rig).contains { $0.metadata.name == last.metadata.name })
        // One pod goes from a full slice and two come: the changed slice takes one, a new slice the other.
        _ = rig.pods.remove(keys[0])
        for ordinal in 300..<302 { rig.run(rig.pod(ordinal), ready: true) }
        rig.deliver()
        let counts = Self.slices(rig).map { Self.endpoints(of: $0).count }.sorted()
        #expect(counts == [1, 100, 100])
        // Every pod gone: the Service keeps one empty slice.
        for key in rig.pods.keys(labelled: "app", "web") { _ = rig.pods.remove(key) }
        rig.deliver()
        #expect(Self.slices(rig).map { Self.endpoints(of: $0).count } == [0])
        #expect(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web"))?.metadata.annotations.isEmpty == true)
    }

    @Test func anEndpointsObjectOf1200PodsKeeps1000AndSaysItIsTruncatedWhileRoutingKnowsEveryPod() throws {
        let (rig, keys) = try Self.rig(pods: 1_200)
        let object = try #require(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web")))
        #expect(object.metadata.annotations[EndpointLabels.overCapacity] == "truncated")
        let kept = try #require(rig.stored(.endpoints, "web"))
        #expect(kept.subsets.first?.ready.count == 1_000)
        // The first thousand by IP: the pods got their addresses in order.
        #expect(kept.addresses.map(\.podName) == (0..<1_000).map { "web-\($0)" })
        #expect(rig.controller.readyPods(of: "default/web").count == 1_200)
        #expect(rig.controller.routes("default/web", to: keys[1_199]))
        #expect(Self.slices(rig).count == 12)
    }

    @Test func aTruncatedEndpointsObjectChangesOnlyWithTheAddressesItKeeps() throws {
        var (rig, keys) = try Self.rig(pods: 1_200)
        let version = rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web"))?.metadata.resourceVersion
        rig.pods[keys[1_100]]?.ready = false
        rig.deliver()
        #expect(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web"))?.metadata.resourceVersion == version)
        rig.pods[keys[5]]?.ready = false
        rig.deliver()
        let kept = try #require(rig.stored(.endpoints, "web"))
        #expect(kept.subsets.first?.ready.map(\.podName) == (0..<1_001).filter { $0 != 5 }.map { "web-\($0)" })
        #expect(kept.subsets.first?.notReady.isEmpty == true)
        // Ready ones down to the capacity: every ready address fits, and not-ready ones fill the rest.
        for key in keys[10..<210] { rig.pods[key]?.ready = false }
        rig.deliver()
        let refilled = try #require(rig.stored(.endpoints, "web")?.subsets.first)
        #expect(refilled.ready.count == 998)
        #expect(refilled.notReady.map(\.podName) == ["web-5", "web-10"])
    }

    @Test func readyAddressesAreKeptBeforeNotReadyOnes() throws {
        let (rig, _) = try Self.rig(pods: 1_100) { $0 % 4 != 0 }  // 825 ready, 275 not
        let kept = try #require(rig.stored(.endpoints, "web"))
        #expect(kept.subsets.first?.ready.count == 825)
        #expect(kept.subsets.first?.notReady.count == 175)
        #expect(kept.subsets.first?.notReady.first?.podName == "web-0")
    }

    @Test func truncationSharesTheCapacityBetweenSubsetsByTheirSize() {
        func address(_ index: Int, port: Int) -> PodEndpoint {
            PodEndpoint(
                ip: IPv4Range("10.0.0.0/16")!.address(at: index), nodeName: nil, podName: "p\(index)", podUID: nil, ready: true,
                serving: true, terminating: false, ports: [PodEndpointPort(name: nil, port: port, protocolName: "TCP")])
        }
        // 1,500 on one port and 500 on another: three quarters of 1,000 and the rest.
        let addresses = (0..<2_000).map { address($0, port: $0 % 4 == 3 ? 81 : 80) }
        let kept = ServiceEndpoints(serviceName: "web", addresses: addresses).truncated()?.endpoints
        #expect(kept?.subsets.map(\.ready.count) == [750, 250])
        #expect(ServiceEndpoints(serviceName: "web", addresses: Array(addresses.prefix(1_000))).truncated() == nil)
    }

    @Test func belowTheCapsAServiceHasOneSliceOfTheOldNameAndAWholeEndpointsObject() throws {
        let (rig, _) = try Self.rig(pods: 100)
        let slices = Self.slices(rig)
        #expect(slices.map(\.metadata.name) == [EndpointsController.sliceName(of: "web")])
        let listed = Self.endpoints(of: try #require(slices.first))
        #expect(listed.map(\.podName) == (0..<100).map { "web-\($0)" })
        let object = try #require(rig.api.store.get(ObjectKey(.endpoints, namespace: "default", "web")))
        #expect(object.metadata.annotations.isEmpty)
        #expect(rig.stored(.endpoints, "web")?.addresses.count == 100)
    }
}
