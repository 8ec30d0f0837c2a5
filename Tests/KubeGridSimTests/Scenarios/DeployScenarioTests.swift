import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct DeployScenarioTests {
    @Test func theHAExamplePassesOnThreeNodes() throws {
        var fixture = GridFixture(managerHA: true, partitions: 4)
        fixture.managerAntiAffinity = true
        let report = try simulate(fixture)
        let deploy = report.scenarios[0]
        #expect(report.passed, "\(deploy.reasons)")
        #expect(deploy.podsReady == 11 && deploy.podsExpected == 11)
        #expect(deploy.instancesRegistered == 8)
        #expect(deploy.partitionsReached == 4)
        #expect(deploy.check.acknowledgedWrites > 0)
        #expect(deploy.check.lostWrites == 0 && deploy.check.phantomValues == 0)
        // Each partition's primary and backup are on different nodes.
        for partition in 1...4 {
            let nodes = report.nodes.filter { node in node.pods.contains { $0.partition == partition } }
            #expect(nodes.count == 2)
        }
    }

    @Test func antiAffinityOnOneNodeLeavesTheBackupUnplacedAndSaysWhy() throws {
        let report = try simulate(GridFixture(partitions: 1), nodes: 1)
        let deploy = report.scenarios[0]
        #expect(!report.passed)
        #expect(report.pendingPods.map(\.name) == ["test-insightedge-pu-1-1"])
        let reason = try #require(deploy.reasons.first { $0.hasPrefix("pod test-insightedge-pu-1-1 is Pending") })
        #expect(
            reason.contains(
                "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
            ))
        #expect(reason.contains("--nodes 2"))
        #expect(reason.contains("antiAffinity.enabled=false"))
    }

    @Test func zoneAntiAffinityNeedsZones() throws {
        var fixture = GridFixture(partitions: 1)
        fixture.topology = ClusterNode.zoneLabel
        let oneZone = try simulate(fixture, nodes: 3, zones: 1)
        #expect(!oneZone.passed)
        #expect(oneZone.scenarios[0].reasons.contains { $0.contains("--zones 2") })
        #expect(try simulate(fixture, nodes: 3, zones: 3).passed)
    }

    @Test func aClusterIPOnlyManagerFailsForARemoteClient() throws {
        let fixture = GridFixture(managerServiceType: .clusterIP, partitions: 2)
        let report = try simulate(fixture)
        #expect(!report.passed)
        let reasons = report.scenarios[0].reasons
        #expect(reasons.count == 1)
        #expect(reasons[0].contains("the manager Service test-insightedge-manager-service is of type ClusterIP"))
        #expect(reasons[0].contains("service.type=LoadBalancer or NodePort"))
        #expect(reasons[0].contains("--client internal"))
        #expect(report.scenarios[0].podsReady == report.scenarios[0].podsExpected)
        #expect(try simulate(fixture, client: .internal).passed)
    }

    @Test func aManagerServiceWithoutTheLookupPortFails() throws {
        var fixture = GridFixture(partitions: 1)
        fixture.managerLookupPort = false
        let reasons = try simulate(fixture).scenarios[0].reasons
        #expect(reasons.contains { $0.contains("has no lus port") && $0.contains("service.lus.enabled=true") })
    }

    @Test func aSpaceWithoutLRMIServicesFailsForARemoteClientAndNamesBothWaysOut() throws {
        let fixture = GridFixture(partitions: 2, lrmiEnabled: false)
        let report = try simulate(fixture)
        #expect(!report.passed)
        let reasons = report.scenarios[0].reasons
        #expect(reasons.count == 1)
        #expect(reasons[0].contains("a remote client cannot reach 4 instances of Space test-insightedge-pu"))
        #expect(reasons[0].contains("test-insightedge-pu-1-0 (partition 1) at 10.244."))
        #expect(reasons[0].contains("set service.lrmi.enabled=true"))
        #expect(reasons[0].contains("or use --client internal"))
        #expect(try simulate(fixture, client: .internal).passed)
    }

    @Test func nodePortServicesPassForARemoteClient() throws {
        var fixture = GridFixture(managerServiceType: .nodePort, partitions: 2, spaceServiceType: .nodePort)
        fixture.managerNodePorts = (30890, 30174, 30200)
        fixture.initialNodePort = 31000
        #expect(try simulate(fixture).passed)
    }

    @Test func twoReleasesWithTheSameNodePortsConflict() throws {
        var dev = GridFixture(release: "dev", partitions: 1, ha: false, antiAffinity: false, spaceServiceType: .nodePort)
        dev.initialNodePort = 31000
        var qa = dev
        qa.release = "qa"
        var bundle = dev.bundle
        let second = qa.bundle
        bundle.services += second.services
        bundle.statefulSets += second.statefulSets
        let report = try Simulation.run(bundle, options: SimulationOptions())
        let reasons = report.scenarios[0].reasons
        #expect(!report.passed)
        #expect(
            reasons.contains {
                $0.hasPrefix(
                    "The Service \"qa-insightedge-pu-1-0-service\" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated"
                ) && $0.contains("held by Service dev-insightedge-pu-1-0-service")
            })
    }

    @Test func aSpaceWhoseManagerIsMissingIsStuckInItsInitContainer() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.includeManager = false
        let reasons = try simulate(fixture).scenarios[0].reasons
        #expect(
            reasons.contains {
                $0.hasPrefix("pod test-insightedge-pu-1-0 is stuck in init container check-manager-ready")
                    && $0.contains("no Service test-insightedge-manager-hs")
            })
    }

    @Test func withoutAQuorumNoPrimaryIsElected() throws {
        var fixture = GridFixture(managerHA: true, partitions: 1, ha: false)
        fixture.managerAntiAffinity = true
        let report = try simulate(fixture, nodes: 1)
        let reasons = report.scenarios[0].reasons
        #expect(reasons.contains { $0.hasPrefix("pods test-insightedge-manager-1 and test-insightedge-manager-2 are Pending") })
        #expect(
            reasons.contains {
                $0.hasPrefix("pod test-insightedge-pu-1-0 is Running but not Ready: no primary can be elected")
                    && $0.contains("1 of 3 members up and needs 2")
            })
    }

    @Test func insufficientMemorySaysWhatThePodRequests() throws {
        var fixture = GridFixture(partitions: 1, ha: false)
        fixture.spaceMemory = "64Gi"
        let reasons = try simulate(fixture).scenarios[0].reasons
        let reason = try #require(reasons.first)
        #expect(reason.hasPrefix("pod test-insightedge-pu-1-0 is Pending: 0/3 nodes are available: 3 Insufficient memory."))
        #expect(reason.contains("it requests 64Gi of memory"))
    }

    @Test func theLoadBalancerPoolRunningOutLeavesInstancesUnregistered() throws {
        var options = SimulationOptions()
        options.loadBalancerPool = try #require(IPv4Range("203.0.113.0/30"))
        options.operations = 0
        let report = try Simulation.run(GridFixture(partitions: 1).bundle, options: options)
        #expect(!report.passed)
        #expect(report.scenarios[0].reasons.contains { $0.contains("has no external IP") })
    }
}

@Suite struct DeterminismTests {
    func json(seed: UInt64) throws -> String {
        var fixture = GridFixture(managerHA: true, partitions: 3)
        fixture.managerAntiAffinity = true
        var options = SimulationOptions()
        options.seed = seed
        options.clients = 3
        options.operations = 200
        return try JSONReport.text(Simulation.run(fixture.bundle, options: options))
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let first = try json(seed: 42)
        #expect(try json(seed: 42) == first)
        #expect(try json(seed: 42) == first)
    }

    @Test func everyScenarioAndEveryFormatGivesTheSameBytesForTheSameSeed() throws {
        func outputs() throws -> [String] {
            var options = SimulationOptions()
            options.seed = 7
            options.clients = 2
            options.operations = 60
            options.scenarios = ScenarioName.all
            let report = try Simulation.run(GridFixture.haExample.bundle, options: options)
            return [TextReport.text(report), try JSONReport.text(report), JUnitReport.text(report), try HTMLReport.text(report)]
        }
        let first = try outputs()
        #expect(try outputs() == first)
    }

    @Test func anotherSeedGivesAnotherRun() throws {
        #expect(try json(seed: 1) != json(seed: 2))
    }
}
