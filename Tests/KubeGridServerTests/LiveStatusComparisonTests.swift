import KubeGridCore
@testable import KubeGridSim
import Testing

/// What a client's write makes the next status comparison look at: a create or delete can
/// change only a ResourceQuota's usage, so it compares the quotas and walks no pods (a
/// walk of every pod after each create was what cut serve's creates to a third).
@Suite struct LiveStatusComparisonTests {
    func manifest(_ json: String) throws -> Values { try JSONReader.parse(json) }

    @Test func aCreateComparesQuotaUsageWithoutWalkingThePods() throws {
        var cluster = try LiveCluster(options: SimulationOptions())
        _ = try cluster.create(manifest(
            #"{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","namespace":"default"},"spec":{"hard":{"services":"5"}}}"#))
        _ = cluster.takeChanges(comparingStatus: true)
        #expect(!cluster.statusMayHaveChanged && !cluster.quotaUsageMayHaveChanged)

        _ = try cluster.create(manifest(
            #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},"spec":{"ports":[{"port":80}]}}"#))
        #expect(cluster.quotaUsageMayHaveChanged)
        #expect(!cluster.statusMayHaveChanged, "a create made the next comparison walk every pod")

        // Not compared until the caller's interval says so; then the quota's usage changes.
        let early = cluster.takeChanges(comparingStatus: false)
        #expect(early.map(\.object.key) == [ObjectKey(.service, namespace: "default", "s")])
        let compared = cluster.takeChanges(comparingStatus: true)
        #expect(compared.map(\.type) == [.modified])
        #expect(compared.map(\.object.key) == [ObjectKey(.resourceQuota, namespace: "default", "q")])
        #expect(!cluster.quotaUsageMayHaveChanged)
    }

    @Test func eventsStillMakeTheComparisonWalkThePods() throws {
        var cluster = try LiveCluster(options: SimulationOptions())
        _ = cluster.takeChanges(comparingStatus: true)
        _ = try cluster.create(manifest(
            #"{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":1,"serviceName":"web","selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"busybox:1.36"}]}}}}"#))
        // The pod's first report is part of its creation; what changes after is a change.
        cluster.advance(to: cluster.now + .seconds(1))
        _ = cluster.takeChanges(comparingStatus: true)
        cluster.advance(to: cluster.now + .seconds(120))
        #expect(cluster.statusMayHaveChanged)
        let changes = cluster.takeChanges(comparingStatus: true)
        // The pod's status as its kubelet reports it reaches watches as a change of its own.
        #expect(changes.contains { $0.type == .modified && $0.object.key == ObjectKey(.pod, namespace: "default", "web-0") })
        #expect(!cluster.statusMayHaveChanged)
    }
}
