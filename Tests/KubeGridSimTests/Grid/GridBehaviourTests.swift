import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct GridBehaviourTests {
    func deployed(_ fixture: GridFixture, operations: Int = 50, clients: Int = 2) throws -> World {
        var options = SimulationOptions()
        options.operations = operations
        options.clients = clients
        options.keepsHistory = true
        var world = World.deployed(fixture.bundle, nodes: try ClusterShape.generated(count: 3, zones: 1).build(), options: options)
        _ = DeployScenario.run(&world, options: options)
        return world
    }

    @Test func everyAcknowledgedWriteIsOnTheBackupToo() throws {
        let world = try deployed(GridFixture(partitions: 3))
        for space in world.grid.spaces.values {
            for partition in space.partitions {
                let primary = try #require(partition.primary.flatMap { world.grid.instances[$0] })
                let backup = try #require(partition.backups.first.flatMap { world.grid.instances[$0] })
                #expect(!primary.store.isEmpty)
                #expect(primary.store == backup.store)
            }
        }
    }

    @Test func objectsLiveInThePartitionTheirKeyRoutesTo() throws {
        let world = try deployed(GridFixture(partitions: 4))
        for instance in world.grid.instances.values {
            #expect(instance.store.keys.allSatisfy { Routing.partition(of: $0, partitions: 4) == instance.partition })
        }
    }

    @Test func everyInvokeHasOneCompletionFromTheSameClient() throws {
        let world = try deployed(GridFixture(partitions: 2), clients: 3)
        var open: [Int: Operation] = [:]
        for entry in world.clients.history.entries where entry.process >= 0 {
            if entry.type == .invoke {
                #expect(open[entry.process] == nil, "a client has one operation in flight at a time")
                open[entry.process] = entry
            } else {
                let invoke = open.removeValue(forKey: entry.process)
                #expect(invoke?.key == entry.key && invoke?.function == entry.function)
                #expect(invoke.map { $0.time <= entry.time } == true)
            }
        }
        #expect(open.isEmpty)
        #expect(Set(world.clients.history.entries.map(\.process)) == [-1, 0, 1, 2])
    }

    @Test func aFailedOperationSaysWhy() throws {
        let world = try deployed(GridFixture(partitions: 1, lrmiEnabled: false), operations: 2, clients: 1)
        let failure = try #require(world.clients.history.entries.first { $0.type == .fail })
        #expect(failure.error?.hasPrefix("cannot reach the primary test-insightedge-pu-1-0 at 10.244.") == true)
    }

    @Test func aLivenessProbeThatFiresBeforeTheApplicationStartsKeepsRestartingIt() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.liveness = (delay: 5, failures: 1)
        let report = try simulate(fixture, operations: 0)
        let deploy = report.scenarios[0]
        #expect(!report.passed)
        let pod = try #require(report.nodes.flatMap(\.pods).first { $0.name == "test-insightedge-pu-1-0" })
        #expect(pod.restarts > 3)
        #expect(deploy.events.contains { $0.reason == "Killing" && $0.message == "Container pu-container failed liveness probe, will be restarted" })
        #expect(deploy.reasons.contains { $0.contains("raise livenessProbe.initialDelaySeconds") })
    }

    @Test func managersFormAQuorumWithAMajority() throws {
        var ensemble = ManagerEnsemble(key: "default/m", fullName: "m", namespace: "default", size: 3)
        #expect(!ensemble.hasQuorum && ensemble.quorumSize == 2)
        ensemble.upMembers[0] = "default/m-0"
        #expect(!ensemble.hasQuorum && ensemble.lookupServiceUp)
        ensemble.upMembers[2] = "default/m-2"
        #expect(ensemble.hasQuorum && ensemble.leaderOrdinal == 2)
    }
}
