import KubeGridCore
import Testing

@testable import KubeGridSim

/// The REST Manager answers from a settled HA grid (4 partitions, one backup each, 3 managers).
@Suite struct RESTManagerTests {
    let fixture = GridFixture.haExample

    private func get(_ world: World, _ path: String, service: String? = nil) throws -> RESTManagerAnswer {
        try #require(world.restManagerAnswer(namespace: "default", service: service ?? "\(fixture.managerFullname)-service", path: path))
    }

    @Test func instancesHaveAPrimaryAndABackupPerPartitionWithTheirPodsAndHosts() throws {
        let world = try settledWorld(fixture)
        let answer = try get(world, "/v2/spaces/\(fixture.spaceFullname)/instances")
        #expect(answer.status == 200)
        let instances = try #require(answer.body.listValue)
        #expect(instances.count == 8)
        for partition in 1...4 {
            let members = instances.filter { $0["partitionId"] == .int(partition) }
            #expect(members.compactMap { $0["mode"]?.stringValue }.sorted() == ["BACKUP", "PRIMARY"])
            #expect(members.compactMap { $0["id"]?.stringValue } == ["\(fixture.spaceFullname)~\(partition)_1", "\(fixture.spaceFullname)~\(partition)_2"])
            let primary = try #require(members.first { $0["mode"] == "PRIMARY" })
            #expect(primary["containerId"]?.stringValue == world.primaryName(partition))
            let pod = try #require(world.pod(named: primary["containerId"]?.stringValue ?? ""))
            #expect(primary["hostId"]?.stringValue == pod.nodeName)
        }
    }

    @Test func aDeletedPrimaryShowsItsBackupPromoted() throws {
        var world = try settledWorld(fixture)
        let before = try #require(world.primaryName(1))
        _ = world.inject(.killPod(before))
        world.run(for: .seconds(30))
        let instances = try #require(try get(world, "/v2/spaces/\(fixture.spaceFullname)/instances").body.listValue)
        let primary = try #require(instances.first { $0["partitionId"] == 1 && $0["mode"] == "PRIMARY" })
        #expect(primary["containerId"]?.stringValue != before)
    }

    @Test func spacesAndPusDescribeTheTopology() throws {
        let world = try settledWorld(fixture)
        let spaces = try #require(try get(world, "/v2/spaces").body.listValue)
        #expect(spaces.count == 1)
        #expect(spaces.first?["topology"] == ["schema": "partitioned", "partitions": 4, "backupsPerPartition": 1])
        #expect(spaces.first?["instancesIds"]?.listValue?.count == 8)
        let pus = try #require(try get(world, "/v2/pus").body.listValue)
        #expect(pus.first?["status"] == "intact")
        #expect(pus.first?["instances"]?.listValue?.count == 8)
    }

    @Test func infoAndHostsNameTheManagersAndTheNodes() throws {
        let world = try settledWorld(fixture)
        let info = try get(world, "/v2/info").body
        #expect(info["revision"] == "15.5")
        #expect(info["managers"]?.listValue?.count == 3)
        #expect(info["lookupLocators"]?.stringValue?.hasPrefix("\(fixture.managerFullname)-0.\(fixture.managerFullname)-hs:4174,") == true)
        let hosts = try #require(try get(world, "/v2/hosts").body.listValue)
        #expect(hosts.count == 3)
        let containers = hosts.flatMap { $0["containers"]?.listValue ?? [] }
        #expect(containers.count == 3 + 8)
        #expect(hosts.allSatisfy { $0["address"]?.stringValue != nil })
    }

    @Test func unknownSpacesPathsAndMethodsAreRefused() throws {
        let world = try settledWorld(fixture)
        let missing = try get(world, "/v2/spaces/nope/instances")
        #expect(missing.status == 404)
        #expect(missing.body["message"] == "Space [nope] does not exist")
        #expect(try get(world, "/v2/nothing").status == 404)
        #expect(try get(world, "/v1/spaces").status == 404)
        let post = try #require(world.restManagerAnswer(namespace: "default", service: fixture.managerFullname, method: "POST", path: "/v2/spaces"))
        #expect(post.status == 405)
        #expect(world.restManagerAnswer(namespace: "default", service: "other", path: "/v2/info") == nil)
        #expect(world.restManagerAnswer(namespace: "elsewhere", service: fixture.managerFullname, path: "/v2/info") == nil)
    }
}
