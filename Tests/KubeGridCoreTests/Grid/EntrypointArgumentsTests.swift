import Testing

@testable import KubeGridCore

/// The entrypoint's `key=value` protocol: what the chart builders write reads back to the
/// same settings, and hand-written arguments read the way the image reads them.
@Suite struct EntrypointArgumentsTests {
    static let managers: [ManagerArguments] = [
        ManagerArguments(replicas: 3, javaHeap: "limit-150Mi", releaseNamespace: "grid", fullName: "demo-insightedge-manager"),
        ManagerArguments(replicas: 1, javaHeap: "512m", releaseNamespace: "default", fullName: "m"),
        ManagerArguments(fullName: "only-a-name"),
    ]

    @Test(arguments: managers) func managerArgumentsRoundTrip(_ manager: ManagerArguments) {
        let written = manager.arguments.list
        #expect(written.first == "component=manager")
        let parsed = EntrypointArguments(parsing: written)
        #expect(ManagerArguments(parsed) == manager)
        #expect(parsed.problems(knownKeys: ManagerArguments.keys).isEmpty)
    }

    static let spaces: [SpaceInstanceArguments] = [
        SpaceInstanceArguments(
            name: "demo", partitions: 4, ha: true, partitionId: 2, license: "tryme", javaHeap: "limit-150Mi",
            managerName: "demo-insightedge-manager", externalLRMI: true, lrmiPort: 8200),
        SpaceInstanceArguments(
            name: "demo", instances: 3, license: "tryme", schema: "sync_replicated", javaHeap: "512m",
            managerName: "m", resourceURL: "http://x/pu.jar", properties: "a=b;c=d"),
        SpaceInstanceArguments(name: "p", partitions: 1, ha: false, partitionId: 1),
    ]

    @Test(arguments: spaces) func spaceInstanceArgumentsRoundTrip(_ space: SpaceInstanceArguments) {
        let parsed = EntrypointArguments(parsing: space.arguments.list)
        #expect(SpaceInstanceArguments(parsed) == space)
        #expect(parsed.problems(knownKeys: SpaceInstanceArguments.keys).isEmpty)
    }

    @Test func spaceArgumentsAreWrittenInTheChartsOrder() {
        let written = Self.spaces[0].arguments.list
        #expect(written == [
            "component=pu", "name=demo", "partitions=4", "ha=true", "partitionId=2", "license=tryme",
            "java.heap=limit-150Mi", "manager.name=demo-insightedge-manager", "external.lrmi.enabled=true",
            "lrmi.port=8200",
        ])
    }

    @Test func managerCheckArgumentsRoundTrip() {
        let check = ManagerCheckArguments(managerName: "demo-insightedge-manager", apiPort: 8090, discoveryTimeoutSeconds: 60)
        #expect(check.arguments.list == [
            "component=init", "manager.name=demo-insightedge-manager", "manager.ports.api=8090",
            "manager.discoveryTimeoutSeconds=60",
        ])
        #expect(ManagerCheckArguments.of(containerName: "wait", args: check.arguments.list) == check)
    }

    @Test func handWrittenArgumentsReadAsTheEntrypointReadsThem() {
        let parsed = EntrypointArguments(parsing: [
            "component=pu", "partitions=2", "partitionId=1", "ha=true", "partitions=9", "pu.properties=k=v",
        ])
        let space = SpaceInstanceArguments(parsed)
        #expect(space.partitions == 2, "the first value of a key wins")
        #expect(space.partitionId == 1)
        #expect(space.hasBackups)
        #expect(space.properties == "k=v", "only the first '=' separates key and value")
        #expect(space.lrmiPort(containerPort: nil) == GridDefaults.lrmiPort)
        #expect(space.lrmiPort(containerPort: 9000) == 9000)
        #expect(!space.externalLRMI)
    }

    @Test func missingSettingsTakeTheImagesDefaults() {
        let check = ManagerCheckArguments.of(containerName: ManagerCheckArguments.containerName, args: ["manager.name=m"])
        #expect(check?.effectiveAPIPort == GridDefaults.managerAPIPort)
        #expect(check?.effectiveTimeoutSeconds == GridDefaults.managerDiscoveryTimeoutSeconds)
        #expect(ManagerCheckArguments.of(containerName: "sidecar", args: ["manager.name=m"]) == nil)
        #expect(ManagerCheckArguments.of(containerName: "wait", args: ["component=init"]) == nil, "no manager to wait for")
        #expect(SpaceInstanceArguments(EntrypointArguments(parsing: [])).hasBackups == false)
    }

    static let malformed: [(args: [String], problems: [GridArgumentProblem])] = [
        (["component=pu", "partitions"], [.missingEquals("partitions")]),
        (["component=pu", "partitions=four"], [.notAnInteger(.partitions, "four")]),
        (["component=pu", "ha=yes"], [.notABoolean(.ha, "yes")]),
        (["component=pu", "colour=blue"], [.unknownKey("colour")]),
        (["component=pu", "full.name=x"], [.unknownKey("full.name")]),
        (["component=pu", "ha=true", "ha=false"], [.repeated(.ha, ignored: "false")]),
        (["component=pu", "lrmi.port=8200", "external.lrmi.enabled=true"], []),
    ]

    @Test(arguments: malformed) func unknownAndMalformedArgumentsAreReported(
        _ testCase: (args: [String], problems: [GridArgumentProblem])
    ) {
        let parsed = EntrypointArguments(parsing: testCase.args)
        #expect(parsed.problems(knownKeys: SpaceInstanceArguments.keys) == testCase.problems)
    }

    @Test func malformedValuesReadAsAbsent() {
        let space = SpaceInstanceArguments(EntrypointArguments(parsing: ["component=pu", "partitions=four", "ha=yes"]))
        #expect(space.partitions == nil)
        #expect(space.ha == false, "only `true` is true")
        #expect(GridArgumentProblem.notAnInteger(.partitions, "four").description == "argument partitions=four is not an integer")
    }
}
