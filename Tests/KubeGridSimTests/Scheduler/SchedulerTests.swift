import KubeGridCore
import OrderedCollections
import Testing

@testable import KubeGridSim

/// Pods and nodes for scheduler tests.
enum SchedulerFixtures {
    static func nodes(_ count: Int, zones: Int = 1, memory: String = "32Gi", cpu: String = "8") -> [ClusterNode] {
        let allocatable = ResourceAmounts(
            milliCPU: Quantity(stringLiteral: cpu).milliValue, memory: Quantity(stringLiteral: memory).value, pods: 110)
        return (try? ClusterShape.generated(count: count, zones: zones, allocatable: allocatable).build()) ?? []
    }

    static func scheduler(_ nodes: [ClusterNode], seed: UInt64 = 1) -> Scheduler {
        var scheduler = Scheduler(random: SeededRandom(seed: seed))
        for node in nodes { scheduler.addNode(node) }
        return scheduler
    }

    static func antiAffinity(_ selectorId: String, topology: String = ClusterNode.hostnameLabel) -> Affinity {
        Affinity(
            podAntiAffinity: PodAffinity(required: [
                PodAffinityTerm(
                    labelSelector: LabelSelector(matchExpressions: [
                        LabelSelectorRequirement(key: "selectorId", operator: .in, values: [selectorId])
                    ]),
                    topologyKey: topology)
            ]))
    }

    static func pod(
        _ name: String, labels: OrderedDictionary<String, String> = [:], affinity: Affinity? = nil,
        memory: String? = nil, cpu: String? = nil, nodeSelector: OrderedDictionary<String, String> = [:]
    ) -> SchedulingPod {
        var requests: OrderedDictionary<String, Quantity> = [:]
        if let memory { requests["memory"] = Quantity(stringLiteral: memory) }
        if let cpu { requests["cpu"] = Quantity(stringLiteral: cpu) }
        let spec = PodSpec(
            containers: [Container(name: "main", resources: ResourceRequirements(requests: requests))], affinity: affinity,
            nodeSelector: nodeSelector)
        return SchedulingPod(name: name, namespace: "default", labels: labels, spec: spec)
    }

    /// Schedules and binds `pod`; returns the node, or the FailedScheduling message.
    static func place(_ pod: SchedulingPod, _ scheduler: inout Scheduler) -> Result<String, FitFailure> {
        switch scheduler.schedule(pod) {
        case .node(let name):
            scheduler.assume(pod, on: name)
            return .success(name)
        case .unschedulable(let failure):
            return .failure(failure)
        }
    }
}

extension Result {
    var value: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite struct SchedulerAntiAffinityTests {
    typealias F = SchedulerFixtures

    @Test func aPartitionsPrimaryAndBackupLandOnDifferentNodes() {
        var scheduler = F.scheduler(F.nodes(3))
        let labels: OrderedDictionary<String, String> = ["selectorId": "space-1"]
        let first = F.place(F.pod("space-1-0", labels: labels, affinity: F.antiAffinity("space-1")), &scheduler)
        let second = F.place(F.pod("space-1-1", labels: labels, affinity: F.antiAffinity("space-1")), &scheduler)
        #expect(first.value != nil && second.value != nil)
        #expect(first.value != second.value)
    }

    /// A set larger than the few blocked domains held in place: every pod still gets a node
    /// of its own, and the one too many is refused on every node for both reasons' sides.
    @Test func manyPodsOfOneSetEachTakeANodeOfTheirOwn() {
        var scheduler = F.scheduler(F.nodes(9))
        let labels: OrderedDictionary<String, String> = ["selectorId": "wide"]
        var used: Set<String> = []
        for ordinal in 0..<9 {
            let node = F.place(F.pod("wide-\(ordinal)", labels: labels, affinity: F.antiAffinity("wide")), &scheduler).value
            #expect(node != nil && used.insert(node ?? "").inserted, "wide-\(ordinal)")
        }
        let refused = F.place(F.pod("wide-9", labels: labels, affinity: F.antiAffinity("wide")), &scheduler)
        #expect(refused.error?.reasonCounts == [.antiAffinity: 9])
    }

    @Test func theIncomingPodsTermsBlockNodesHoldingMatchingPods() {
        var scheduler = F.scheduler(F.nodes(1))
        _ = F.place(F.pod("plain", labels: ["selectorId": "x"]), &scheduler)
        let blocked = F.place(F.pod("picky", labels: ["app": "y"], affinity: F.antiAffinity("x")), &scheduler)
        #expect(
            blocked.error?.message
                == "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        )
    }

    /// Symmetry: a placed pod's required anti-affinity keeps matching pods away even when
    /// the incoming pod has no affinity of its own.
    @Test func existingPodsTermsBlockTheIncomingPod() {
        var scheduler = F.scheduler(F.nodes(2))
        let guardNode = F.place(F.pod("guard", labels: ["app": "g"], affinity: F.antiAffinity("x")), &scheduler).value
        let first = F.place(F.pod("x-0", labels: ["selectorId": "x"]), &scheduler).value
        #expect(first != nil && first != guardNode)
        var crowded = F.scheduler(F.nodes(1))
        _ = F.place(F.pod("guard", labels: ["app": "g"], affinity: F.antiAffinity("x")), &crowded)
        let refused = F.place(F.pod("x-0", labels: ["selectorId": "x"]), &crowded)
        #expect(
            refused.error?.message
                == "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        )
    }

    @Test func termsOnlyCountPodsInTheirNamespace() {
        var scheduler = F.scheduler(F.nodes(1))
        let other = SchedulingPod(
            name: "x-0", namespace: "other", labels: ["selectorId": "x"], spec: PodSpec(containers: [Container(name: "c")]))
        scheduler.assume(other, on: "node-1")
        #expect(F.place(F.pod("x-1", labels: ["selectorId": "x"], affinity: F.antiAffinity("x")), &scheduler).value == "node-1")
    }

    @Test func byZoneTwoPodsOfASetNeverShareAZoneAndAThirdWaits() {
        var scheduler = F.scheduler(F.nodes(4, zones: 2))
        let labels: OrderedDictionary<String, String> = ["selectorId": "s"]
        let affinity = F.antiAffinity("s", topology: ClusterNode.zoneLabel)
        let nodes = F.nodes(4, zones: 2)
        let zoneOf = Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, $0.zone) })
        let a = F.place(F.pod("s-0", labels: labels, affinity: affinity), &scheduler).value
        let b = F.place(F.pod("s-1", labels: labels, affinity: affinity), &scheduler).value
        #expect(a.flatMap { zoneOf[$0] } != b.flatMap { zoneOf[$0] })
        let third = F.place(F.pod("s-2", labels: labels, affinity: affinity), &scheduler)
        #expect(
            third.error?.message
                == "0/4 nodes are available: 4 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod."
        )
    }

    @Test func byHostnameTwoPodsMayShareAZone() {
        var scheduler = F.scheduler(F.nodes(2, zones: 1))
        let labels: OrderedDictionary<String, String> = ["selectorId": "s"]
        let a = F.place(F.pod("s-0", labels: labels, affinity: F.antiAffinity("s")), &scheduler).value
        let b = F.place(F.pod("s-1", labels: labels, affinity: F.antiAffinity("s")), &scheduler).value
        #expect(a != nil && b != nil && a != b)
    }

    @Test func aNodeWithoutTheTopologyLabelIsNotBlocked() {
        let bare = ClusterNode(
            name: "bare", labels: ["kubernetes.io/hostname": "bare"], allocatable: ClusterShape.defaultAllocatable,
            internalIP: IPv4Address("172.18.0.9")!)
        var scheduler = F.scheduler([bare])
        let labels: OrderedDictionary<String, String> = ["selectorId": "s"]
        let affinity = F.antiAffinity("s", topology: ClusterNode.zoneLabel)
        #expect(F.place(F.pod("s-0", labels: labels, affinity: affinity), &scheduler).value == "bare")
        #expect(F.place(F.pod("s-1", labels: labels, affinity: affinity), &scheduler).value == "bare")
    }

    @Test func forgettingAPodFreesItsDomain() {
        var scheduler = F.scheduler(F.nodes(1))
        let labels: OrderedDictionary<String, String> = ["selectorId": "s"]
        let first = F.pod("s-0", labels: labels, affinity: F.antiAffinity("s"))
        _ = F.place(first, &scheduler)
        #expect(F.place(F.pod("s-1", labels: labels, affinity: F.antiAffinity("s")), &scheduler).error != nil)
        scheduler.forget(first.key)
        #expect(F.place(F.pod("s-1", labels: labels, affinity: F.antiAffinity("s")), &scheduler).value == "node-1")
    }

    @Test func preferredAntiAffinityOutweighsLeastAllocated() {
        let term = PodAffinityTerm(
            labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: ClusterNode.hostnameLabel)
        let affinity = Affinity(podAntiAffinity: PodAffinity(preferred: [WeightedPodAffinityTerm(weight: 100, podAffinityTerm: term)]))
        func run(_ affinity: Affinity?) -> (String?, String?) {
            var scheduler = F.scheduler(F.nodes(2))
            // node-2 is half full, so least-allocated alone prefers node-1 for both pods.
            scheduler.assume(F.pod("heavy", memory: "16Gi", cpu: "4"), on: "node-2")
            let first = F.place(F.pod("web-0", labels: ["app": "web"], affinity: affinity), &scheduler).value
            let second = F.place(F.pod("web-1", labels: ["app": "web"], affinity: affinity), &scheduler).value
            return (first, second)
        }
        let without = run(nil)
        #expect(without.0 == "node-1" && without.1 == "node-1")
        let with = run(affinity)
        #expect(with.0 == "node-1" && with.1 == "node-2")
        // With nowhere else to go, a preference does not keep a pod Pending.
        var single = F.scheduler(F.nodes(1))
        _ = F.place(F.pod("web-0", labels: ["app": "web"], affinity: affinity), &single)
        #expect(F.place(F.pod("web-1", labels: ["app": "web"], affinity: affinity), &single).value == "node-1")
    }
}

@Suite struct SchedulerResourceTests {
    typealias F = SchedulerFixtures

    @Test func requestsAreCheckedAgainstWhatIsLeft() {
        var scheduler = F.scheduler(F.nodes(1, memory: "1Gi"))
        #expect(F.place(F.pod("a", memory: "600Mi"), &scheduler).value == "node-1")
        let refused = F.place(F.pod("b", memory: "600Mi"), &scheduler)
        #expect(
            refused.error?.message
                == "0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        )
    }

    @Test func oneNodeCanFailSeveralResourcesAtOnce() {
        var scheduler = F.scheduler(F.nodes(2, memory: "1Gi", cpu: "1"))
        let refused = F.place(F.pod("big", memory: "2Gi", cpu: "2"), &scheduler)
        #expect(
            refused.error?.message
                == "0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod."
        )
    }

    @Test func limitsStandInForUnsetRequests() {
        let spec = PodSpec(containers: [Container(name: "c", resources: ResourceRequirements(limits: ["memory": "300Mi"]))])
        let pod = SchedulingPod(name: "p", namespace: "default", labels: [:], spec: spec)
        #expect(pod.requests.memory == 300 * 1024 * 1024)
        #expect(pod.requests.milliCPU == 0)
        #expect(pod.nonZeroRequests.milliCPU == 100)
    }

    @Test func initContainersCountByTheLargestNotTheSum() {
        let big = Container(name: "init", resources: ResourceRequirements(requests: ["memory": "1Gi"]))
        let spec = PodSpec(
            initContainers: [big, big],
            containers: [Container(name: "c", resources: ResourceRequirements(requests: ["memory": "200Mi"]))])
        #expect(ResourceAmounts.requests(of: spec).memory == 1024 * 1024 * 1024)
    }

    @Test func leastAllocatedSpreadsEqualPods() {
        var scheduler = F.scheduler(F.nodes(3))
        let placed = (0..<3).compactMap { F.place(F.pod("p-\($0)", memory: "1Gi"), &scheduler).value }
        #expect(Set(placed).count == 3)
    }

    @Test func cordonedAndMismatchedNodesAreUnresolvable() {
        var scheduler = F.scheduler(F.nodes(3))
        scheduler.updateNode("node-1", unschedulable: true, taints: [])
        scheduler.updateNode("node-2", unschedulable: false, taints: ["node.kubernetes.io/unreachable"])
        let refused = F.place(F.pod("p", nodeSelector: ["disk": "ssd"]), &scheduler)
        #expect(
            refused.error?.message
                == "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
        )
    }

    @Test func noNodesAtAll() {
        var scheduler = Scheduler(random: SeededRandom(seed: 1))
        #expect(F.place(F.pod("p"), &scheduler).error?.message == "no nodes available to schedule pods")
    }
}

@Suite struct FailedSchedulingMessageTests {
    /// kube-scheduler's histogram: "count reason", sorted as strings (so "10 …" sorts
    /// before "2 …"), joined by ", ", then the preemption part.
    static let cases: [([FitFailure.Reason: Int], Int, Int, String)] = [
        (
            [FitFailure.Reason.insufficientMemory: 1, FitFailure.Reason.antiAffinity: 2], 3, 3,
            "0/3 nodes are available: 1 Insufficient memory, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
        ),
        (
            [FitFailure.Reason.antiAffinity: 10, FitFailure.Reason.insufficientCPU: 2], 12, 12,
            "0/12 nodes are available: 10 node(s) didn't match pod anti-affinity rules, 2 Insufficient cpu. preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod."
        ),
        (
            [FitFailure.Reason.nodeSelector: 2, FitFailure.Reason.tooManyPods: 1], 3, 1,
            "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."
        ),
    ]

    @Test(arguments: cases)
    func messagesAreWordedAsKubeSchedulerWordsThem(counts: [FitFailure.Reason: Int], nodes: Int, resolvable: Int, expected: String) {
        #expect(FitFailure(nodeCount: nodes, reasonCounts: counts, resolvableNodes: resolvable).message == expected)
    }

    @Test(arguments: [(3, 3), (99, 99), (100, 100), (500, 230), (1000, 420), (5000, 500), (20000, 1000)])
    func feasibleNodesToFindFollowsPercentageOfNodesToScore(nodes: Int, expected: Int) {
        #expect(Scheduler.feasibleNodesToFind(nodes) == expected)
    }
}
