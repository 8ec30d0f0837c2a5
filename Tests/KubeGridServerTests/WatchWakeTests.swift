import KubeGridCore
@testable import KubeGridSim
import Testing

@testable import KubeGridServer

/// A waiting watch wakes for a change it admits (or the heartbeat), not for every change.
@Suite struct WatchWakeTests {
    func create(_ json: String, on host: ClusterHost) async throws {
        let manifest = try JSONReader.parse(json)
        _ = try await host.write { cluster in try cluster.create(manifest) }
    }

    @Test func aBudgetWatchSleepsThroughAConfigMapAndWakesForABudget() async throws {
        let host = ClusterHost(
            cluster: try LiveCluster(options: SimulationOptions()), clock: ServeClock(speed: 1), options: SimulationOptions())
        let budgets = try #require(APIResource.all.first { $0.kind == .podDisruptionBudget })
        let filter = WatchFilter(resource: budgets, namespace: "default", selection: try Selection(Query(nil)))
        let seen = await host.initialEvents(filter).seen
        // The heartbeat wakes every watch once a second: start its second now.
        await host.wakeWatches()
        let watch = Task { await host.nextEvents(filter, after: seen) }
        while await host.waiting.isEmpty { await Task.yield() }

        try await create(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default"}}"#, on: host)
        #expect(await host.waiting.count == 1)

        try await create(
            #"{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"b","namespace":"default"},"spec":{"maxUnavailable":1,"selector":{"matchLabels":{"app":"b"}}}}"#,
            on: host)
        guard case .events(let lines, _) = await watch.value else {
            Issue.record("the watch read no events"); return
        }
        #expect(lines.count == 1 && lines[0].hasPrefix(#"{"type":"ADDED""#) && lines[0].contains(#""name":"b""#))
        #expect(await host.waiting.isEmpty)
    }
}
