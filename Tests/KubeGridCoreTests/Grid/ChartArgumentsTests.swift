import Testing

@testable import KubeGridCore

/// What the chart builders write into the containers parses back to the values they were
/// given, so a simulated or linted pod sees the settings the chart was rendered with.
@Suite struct ChartArgumentsTests {
    func statefulSets(_ chart: String, _ set: [String]) throws -> [StatefulSet] {
        let job = RenderJob(chart: chart, release: ReleaseOptions(name: "demo"), options: ValuesOptions(set: set))
        return try job.plan(files: LocalFiles()).templates.flatMap(\.objects).compactMap { object in
            if case .statefulSet(let set) = object { set } else { nil }
        }
    }

    @Test func aPartitionedSpacesArgumentsParseBackToItsValues() throws {
        let sets = try statefulSets(
            "insightedge-pu", ["partitions=3", "ha=true", "service.lrmi.enabled=true", "service.lrmi.port=8300"])
        #expect(sets.count == 3)
        for (index, set) in sets.enumerated() {
            let template = set.spec.template
            let recognised = GridMember.recognise(
                containerArgs: template.spec.containers.map(\.args), labels: template.metadata.labels)
            guard case .spaceInstance(let space) = recognised.member else {
                Issue.record("\(set.metadata.name) is not a Space instance")
                continue
            }
            #expect(space.partitions == 3)
            #expect(space.partitionId == index + 1)
            #expect(space.partitionId.map(String.init) == template.metadata.labels[GridLabels.partitionId])
            #expect(space.hasBackups)
            #expect(space.externalLRMI)
            #expect(space.lrmiPort == 8300)
            #expect(space.managerName == "demo-insightedge-manager")
            let check = template.spec.initContainers.first.flatMap {
                ManagerCheckArguments.of(containerName: $0.name, args: $0.args)
            }
            #expect(check?.managerName == space.managerName)
            #expect(check?.effectiveAPIPort == GridDefaults.managerAPIPort)
        }
    }

    @Test func aReplicatedSpaceWritesItsInstances() throws {
        let sets = try statefulSets("insightedge-pu", ["instances=2"])
        let args = try #require(sets.first?.spec.template.spec.containers.first?.args)
        let space = SpaceInstanceArguments(EntrypointArguments(parsing: args))
        #expect(space.instances == 2)
        #expect(space.partitions == nil)
        #expect(space.lrmiPort == nil)
    }

    @Test func theManagersArgumentsParseBackToItsValues() throws {
        let sets = try statefulSets("insightedge-manager", ["ha=true"])
        let set = try #require(sets.first)
        let args = try #require(set.spec.template.spec.containers.first?.args)
        let parsed = EntrypointArguments(parsing: args)
        #expect(parsed.problems(knownKeys: ManagerArguments.keys).isEmpty)
        let manager = ManagerArguments(parsed)
        #expect(manager.fullName == set.metadata.name)
        #expect(manager.replicas == set.spec.replicas)
        #expect(manager.releaseNamespace == "default")
    }
}
