import KubeGridCore
import Testing

@testable import KubeGridSim

/// The grid's clients on their own: a grid of one manager and one partition (primary and
/// backup) brought up by hand, a runtime context, and the clients' events run from the
/// context's clock — no world, as an internal client of another controller would run them.
@Suite struct GridClientsAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var grid: GridController
        var context: RuntimeContext
        var clients: GridClients
        let fixture: GridFixture
        var primary: KubeGridSim.Pod!
        var backup: KubeGridSim.Pod!

        init() throws {
            var fixture = GridFixture()
            fixture.lrmiEnabled = false
            fixture.partitions = 1
            self.fixture = fixture
            var options = SimulationOptions()
            options.client = .internal
            options.keepsHistory = true
            grid = GridController(changes: api.watch(), options: options)
            clients = GridClients(options: options)
            for statefulSet in fixture.bundle.statefulSets {
                try api.create(.statefulSet(statefulSet), name: statefulSet.metadata.name, namespace: "default", at: .zero)
            }
            for event in api.changes(for: grid.changes) { grid.observe(event) }
            context = RuntimeContext(
                timeline: Timeline(), pods: PodTable(), faultLog: FaultLog(), clients: GridClients(), random: SeededRandom(seed: 1),
                cluster: ClusterView(api: api, nodes: NodeTable(), instanceServiceByPod: [:], endpoints: EndpointsController(changes: api.watch())))
            grid.applicationUp(try runningPod(of: fixture.managerFullname, ordinal: 0), &context)
            primary = try runningPod(of: "\(fixture.spaceFullname)-1", ordinal: 0)
            backup = try runningPod(of: "\(fixture.spaceFullname)-1", ordinal: 1)
            grid.applicationUp(primary, &context)
            grid.applicationUp(backup, &context)
            let attempt = try #require(grid.instances[backup.key]?.recoveryAttempt)
            grid.recoveryDone(uid: backup.uid, generation: backup.generation, attempt: attempt, &context)
        }

        /// A running pod of `statefulSet`'s ordinal `ordinal`, with an IP.
        mutating func runningPod(of statefulSetName: String, ordinal: Int) throws -> KubeGridSim.Pod {
            try fixture.runningPod(of: statefulSetName, ordinal: ordinal, in: &context.pods)
        }

        /// Runs the clients' events (others are left out) until none is due before `deadline`.
        mutating func runClients(until deadline: SimTime) {
            while let next = context.timeline.nextTime, next <= deadline {
                while let event = context.timeline.popEvent(at: next) {
                    switch event {
                    case .clientInvoke(let id): clients.invoke(id, grid: &grid, &context)
                    case .clientComplete(let id): clients.complete(id, grid: &grid, &context)
                    case .clientRetry(let id): clients.attempt(id, grid: &grid, &context)
                    default: break
                    }
                }
            }
        }

        var spaceKey: String { grid.spaces.values[0].key }
    }

    @Test func aWriteReachesThePrimaryAndItsBackupAndIsReadBack() throws {
        var rig = try Rig()
        #expect(rig.grid.instances[rig.primary.key]?.state == .primary)
        let plan = WorkloadPlan(spaces: [(rig.spaceKey, 1)], operations: 0, random: SeededRandom(seed: 3))
        rig.clients.start(count: 1, plan: plan, grid: &rig.grid, &rig.context)
        rig.runClients(until: .seconds(60))

        #expect(rig.clients.isDone)
        let entries = rig.clients.history.entries
        // The covering write and read of the one partition: each an invoke, then ok.
        #expect(entries.map(\.type) == [.invoke, .ok, .invoke, .ok])
        #expect(entries.map(\.function) == [.write, .write, .read, .read])
        let written = try #require(entries[1].value)
        #expect(entries[3].value == written)
        let key = entries[0].key
        #expect(rig.grid.instances[rig.primary.key]?.store[key] == written)
        #expect(rig.grid.instances[rig.backup.key]?.store[key] == written)
        #expect(rig.clients.check().lostWrites == 0)
    }

    @Test func aCallToAPrimaryThatStepsDownIsSentAgainToTheNewPrimary() throws {
        var rig = try Rig()
        let plan = WorkloadPlan(spaces: [(rig.spaceKey, 1)], operations: 0, random: SeededRandom(seed: 3))
        rig.clients.start(count: 1, plan: plan, grid: &rig.grid, &rig.context)
        // The proxy looks the primary up and sends the write; the backup takes over before it arrives.
        rig.runClients(until: .zero)
        rig.grid.instances[rig.primary.key]?.state = .backup
        rig.grid.instances[rig.backup.key]?.state = .primary
        rig.grid.spaces.values[0].partitions[0].primary = rig.backup.key
        rig.runClients(until: .seconds(60))

        let entries = rig.clients.history.entries
        let write = try #require(entries.first { $0.type != .invoke })
        #expect(write.type == .ok)
        #expect(rig.grid.instances[rig.backup.key]?.store[write.key] == write.value)
        #expect(rig.grid.instances[rig.primary.key]?.store[write.key] == nil)
        // Two lookups and two calls: the first call found its primary gone, the proxy asked again.
        #expect(write.time == entries[0].time + rig.clients.timings.operationLatency * 4)
    }
}
