import KubeGridCore
import Testing

@testable import KubeGridSim

/// The grid controller on its own: an API server it watches for StatefulSets, and a
/// runtime context (clock, pods, fault log, clients) it is handed for each step.
@Suite struct GridControllerAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var grid: GridController
        var context: RuntimeContext
        let fixture: GridFixture

        init() throws {
            var fixture = GridFixture()
            fixture.lrmiEnabled = false
            self.fixture = fixture
            grid = GridController(changes: api.watch(), options: SimulationOptions())
            let pods = PodTable()
            for statefulSet in fixture.bundle.statefulSets {
                try api.create(.statefulSet(statefulSet), name: statefulSet.metadata.name, namespace: "default", at: .zero)
            }
            for event in api.changes(for: grid.changes) { grid.observe(event) }
            context = RuntimeContext(
                timeline: Timeline(), pods: pods, faultLog: FaultLog(), clients: GridClients(), random: SeededRandom(seed: 1),
                cluster: ClusterView(api: api, nodes: NodeTable(), instanceServiceByPod: [:], endpoints: EndpointsController(changes: api.watch())))
        }

        /// A running pod of `statefulSet`'s ordinal `ordinal`, with an IP.
        mutating func runningPod(of statefulSetName: String, ordinal: Int) throws -> KubeGridSim.Pod {
            try fixture.runningPod(of: statefulSetName, ordinal: ordinal, in: &context.pods)
        }

        var reasons: [String] { context.timeline.events.map(\.reason) }
    }

    @Test func theFirstRegisteredInstanceIsElectedOnceTheManagersHaveAQuorum() throws {
        var rig = try Rig()
        let space = try #require(rig.grid.spaces.values.first)
        let primaryPod = try rig.runningPod(of: "\(rig.fixture.spaceFullname)-1", ordinal: 0)
        rig.grid.applicationUp(primaryPod, &rig.context)
        // No lookup service yet: the instance waits and retries.
        #expect(rig.grid.instances[primaryPod.key]?.state == .starting)
        #expect(rig.grid.instances[primaryPod.key]?.waitingFor?.contains("no lookup service") == true)

        let manager = try rig.runningPod(of: rig.fixture.managerFullname, ordinal: 0)
        rig.grid.applicationUp(manager, &rig.context)
        #expect(rig.reasons.contains("QuorumFormed"))
        rig.grid.registerInstance(primaryPod.key, &rig.context)
        #expect(rig.grid.primary(of: space.key, partition: 1)?.podKey == primaryPod.key)
        #expect(rig.grid.applicationStatus(primaryPod).ready)

        let backupPod = try rig.runningPod(of: "\(rig.fixture.spaceFullname)-1", ordinal: 1)
        rig.grid.applicationUp(backupPod, &rig.context)
        #expect(rig.grid.instances[backupPod.key]?.state == .recovering)
        #expect(!rig.grid.applicationStatus(backupPod).ready)
        #expect(Array(rig.reasons.suffix(2)) == ["Registered", "BackupRecovering"])
    }

    @Test func aPrimaryThatStopsLeavesAnOutageAndItsBackupIsPromotedAfterDetection() throws {
        var rig = try Rig()
        let space = try #require(rig.grid.spaces.values.first)
        rig.grid.applicationUp(try rig.runningPod(of: rig.fixture.managerFullname, ordinal: 0), &rig.context)
        let primaryPod = try rig.runningPod(of: "\(rig.fixture.spaceFullname)-1", ordinal: 0)
        let backupPod = try rig.runningPod(of: "\(rig.fixture.spaceFullname)-1", ordinal: 1)
        rig.grid.applicationUp(primaryPod, &rig.context)
        rig.grid.applicationUp(backupPod, &rig.context)
        let attempt = try #require(rig.grid.instances[backupPod.key]?.recoveryAttempt)
        rig.grid.recoveryDone(uid: backupPod.uid, generation: backupPod.generation, attempt: attempt, &rig.context)
        #expect(rig.grid.instances[backupPod.key]?.state == .backup)

        rig.grid.applicationStopped(primaryPod, &rig.context)
        #expect(rig.grid.primary(of: space.key, partition: 1) == nil)
        #expect(rig.context.faultLog.outages.count == 1)
        let epoch = try #require(rig.grid.spaces[space.key]?.partitions[0].epoch)
        rig.grid.primaryLossDetected(spaceKey: space.key, partition: 1, epoch: epoch, &rig.context)
        #expect(rig.grid.primary(of: space.key, partition: 1)?.podKey == backupPod.key)
        #expect(rig.context.faultLog.outages.first?.primaryBack != nil)
        #expect(rig.reasons.last == "PrimaryPromoted")
    }
}
