import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct StatefulSetControllerTests {
    func world(_ fixture: GridFixture, nodes: Int = 3) throws -> World {
        let options = SimulationOptions()
        return World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: nodes, zones: 1).build(), options: options)
    }

    /// The time of the first event with `reason` for `object`.
    func time(_ world: World, _ object: String, _ reason: String, containing text: String = "") -> SimTime? {
        world.events.first {
            $0.object == object && $0.reason == reason && (text.isEmpty || $0.message.contains(text))
        }?.time
    }

    @Test func orderedReadyCreatesTheNextOrdinalOnlyAfterTheOneBeforeIsReady() throws {
        var world = try world(GridFixture(partitions: 1))
        world.run(until: .seconds(600)) { $0.isSettled }
        let sts = "statefulset/test-insightedge-pu-1"
        let firstCreated = time(world, sts, "SuccessfulCreate", containing: "test-insightedge-pu-1-0 ")
        let secondCreated = time(world, sts, "SuccessfulCreate", containing: "test-insightedge-pu-1-1 ")
        let elected = time(world, "space/test-insightedge-pu", "PrimaryElected")
        let first = try #require(firstCreated)
        let second = try #require(secondCreated)
        let primaryElected = try #require(elected)
        #expect(first == .zero)
        // The readiness probe (30 s initial delay) passes only once the instance is primary.
        #expect(second > primaryElected)
        #expect(world.pods["default/test-insightedge-pu-1-1"]?.isRunningAndReady == true)
    }

    @Test func parallelCreatesEveryPodAtOnce() throws {
        var fixture = GridFixture(managerHA: true, partitions: 1)
        fixture.managerAntiAffinity = true
        var world = try world(fixture)
        world.run(until: .seconds(1))
        let creations = world.events.filter { $0.object == "statefulset/test-insightedge-manager" && $0.reason == "SuccessfulCreate" }
        #expect(creations.map(\.time) == [.zero, .zero, .zero])
        #expect(creations.map(\.message).map { $0.split(separator: " ")[2] } == [
            "test-insightedge-manager-0", "test-insightedge-manager-1", "test-insightedge-manager-2",
        ])
    }

    @Test func aDeletedPodIsCreatedAgainWithTheSameName() throws {
        var world = try world(GridFixture(partitions: 1, ha: false))
        world.run(until: .seconds(600)) { $0.isSettled }
        let before = try #require(world.pods["default/test-insightedge-pu-1-0"])
        world.deletePod(before.key, reason: "Stopping container pu-container")
        world.run(until: world.now + .seconds(1))
        let after = try #require(world.pods["default/test-insightedge-pu-1-0"])
        #expect(after.uid != before.uid)
        #expect(after.name == before.name)
        // The old pod's Space instance left its partition with it.
        #expect(world.grid.instances[before.key]?.uid != before.uid)
        #expect(world.events.contains { $0.reason == "InstanceLeft" && $0.message.hasPrefix(before.name) })
    }

    @Test func podsGetTheStatefulSetLabels() throws {
        var world = try world(GridFixture(partitions: 1, ha: false))
        world.run(until: .seconds(1))
        let pod = try #require(world.pods["default/test-insightedge-pu-1-0"])
        #expect(pod.labels["statefulset.kubernetes.io/pod-name"] == "test-insightedge-pu-1-0")
        #expect(pod.labels["selectorId"] == "test-insightedge-pu-1")
        #expect(pod.ordinal == 0)
    }
}

@Suite struct KubeletTests {
    @Test func initContainerWaitsForTheManagerAndRestartsWithBackOffWhenItNeverAnswers() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.includeManager = false
        var world = World.deployed(
            fixture.bundle, nodes: try ClusterShape.generated(count: 1, zones: 1).build(), options: SimulationOptions())
        world.run(until: .seconds(200))
        let pod = try #require(world.pods["default/test-insightedge-pu-1-0"])
        #expect(pod.statusText == "Init:CrashLoopBackOff" || pod.statusText == "Init:0/1")
        let backOffs = world.events.filter { $0.object == "pod/test-insightedge-pu-1-0" && $0.reason == "BackOff" }.map(\.time)
        // 2 s to start, 60 s of waiting, then back-offs of 10 s and 20 s between tries.
        #expect(backOffs.first == .seconds(62))
        #expect(backOffs.count >= 2)
        #expect(backOffs[1] == .seconds(62 + 10 + 60))
    }

    @Test func backOffDoublesUpToFiveMinutes() {
        let timings = Timings()
        #expect((1...7).map { timings.backOff(failures: $0) } == [10, 20, 40, 80, 160, 300, 300].map(SimTime.seconds))
    }

    @Test func aPodWithoutReadinessProbeIsReadyWhenItsContainersStart() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.readinessProbe = false
        var world = World.deployed(
            fixture.bundle, nodes: try ClusterShape.generated(count: 1, zones: 1).build(), options: SimulationOptions())
        world.run(until: .seconds(30))
        // Its containers started after the init container found the manager, well before
        // the Space instance registered: nothing stops Kubernetes from calling it Ready.
        let pod = try #require(world.pods["default/test-insightedge-pu-1-0"])
        #expect(pod.ready)
        #expect(world.grid.instances[pod.key]?.isReady != true)
    }
}
