import KubeGridCore
import Testing

@testable import KubeGridSim

/// Scenario `spark`: a driver Job submitted after the clients wrote runs its executors as
/// its service account, reads every partition through the lookup service while a primary
/// fails over, and completes; it fails with the API server's words without RBAC, and with
/// the policy's when the executors have no route to the Space.
@Suite struct SparkScenarioTests {
    func simulate(
        _ spark: SparkFixture = SparkFixture(), grid: GridFixture = GridFixture(partitions: 2), seed: UInt64 = 1,
        change: (inout SimulationOptions) -> Void = { _ in }
    ) throws -> ScenarioReport {
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.operations = 200
        options.authorizesWorkloads = true
        options.scenarios = [.spark]
        options.seed = seed
        change(&options)
        return try Simulation.run(spark.bundle(with: grid), options: options).scenarios[0]
    }

    @Test func theJobReadsEveryAcknowledgedWriteThroughAFailover() throws {
        let report = try simulate()
        #expect(report.passed, "\(report.reasons)")
        let figures = try #require(report.spark?.first)
        #expect(figures.state == "Succeeded")
        #expect(figures.partitionsRead == 2 && figures.partitions == 2)
        #expect(figures.acknowledgedBeforeStart > 0)
        #expect(figures.missedWrites == 0)
        #expect(figures.executorsCreated == 2)
        // The primary of partition 1 was killed while the job read: its task waited out the failover.
        #expect(report.faults.count == 1)
        #expect(figures.taskRetries > 0)
        #expect(figures.taskFailures == 0)
    }

    @Test func theDriverIsCompletedAndItsExecutorsAreGone() throws {
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.operations = 50
        options.authorizesWorkloads = true
        let bundle = SparkFixture().bundle(with: GridFixture(partitions: 2))
        var world = World.deployed(bundle, nodes: try options.cluster.build(), options: options)
        world.run(until: options.deployTimeout) { $0.isSettled }
        for driver in bundle.sparkDrivers { world.applyWrite(driver) }
        var sawExecutors = 0
        world.run(until: world.now + .seconds(300)) { world in
            sawExecutors = max(sawExecutors, world.pods.values.filter { $0.labels["spark-role"] == "executor" }.count)
            return world.spark.applications.values.allSatisfy(\.isFinished) && world.spark.executorsLeft == 0
                && !world.spark.applications.isEmpty
        }
        #expect(sawExecutors == 2)
        let driver = try #require(world.pods.values.first { $0.labels["spark-role"] == "driver" })
        #expect(driver.statusText == "Completed" && driver.phase == .succeeded)
        #expect(driver.name.hasPrefix("reader-") && driver.labels["job-name"] == "reader")
        #expect(!world.pods.values.contains { $0.labels["spark-role"] == "executor" })
        #expect(world.api.store.list(.pod).count == world.pods.values.count)
        // The driver no longer holds its node's resources; the Job says Complete.
        #expect(!world.scheduling.cache.isPlaced(driver.key))
        let job = try #require(world.api.store.get(ObjectKey(.job, namespace: "default", "reader")))
        guard case .passive(let body) = job.body else { Issue.record("not a Job"); return }
        let status = try #require(body.fields["status"]?.mapValue)
        #expect(status["succeeded"] == 1)
        #expect(status["conditions"]?.listValue?.contains { $0.mapValue?["type"] == "Complete" } == true)
    }

    @Test func withoutRBACTheDriverFailsWithTheAPIServersWords() throws {
        var spark = SparkFixture()
        spark.rbac = false
        let report = try simulate(spark)
        #expect(!report.passed)
        let reason = try #require(report.reasons.first { $0.contains("Spark application reader failed") })
        #expect(reason.contains(
            "pods is forbidden: User \"system:serviceaccount:default:reader\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\""))
        #expect(reason.contains("rbac.create=true"))
        #expect(report.spark?.first?.executorsCreated == 0)
    }

    @Test func executorsWithoutARouteToTheSpaceFailTheJobWithThePolicy() throws {
        // A policy that admits the grid's own pods and no one else: executors are kept out.
        var grid = GridFixture(partitions: 2)
        grid.release = "test"
        let policy: Values = [
            "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": ["name": "grid-only", "namespace": "default"],
            "spec": [
                "podSelector": ["matchExpressions": [["key": "app.kubernetes.io/component", "operator": "Exists"]]],
                "policyTypes": ["Ingress"],
                "ingress": [["from": [["podSelector": ["matchExpressions": [["key": "app.kubernetes.io/component", "operator": "Exists"]]]]]]],
            ],
        ]
        var spark = SparkFixture()
        spark.extraConf = [("spark.task.maxFailures", "2")]
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.operations = 50
        options.authorizesWorkloads = true
        options.client = .internal
        options.scenarios = [.spark]
        var bundle = spark.bundle(with: grid)
        bundle.add(.other(policy), source: "policy.yaml")
        let report = try Simulation.run(bundle, options: options).scenarios[0]
        #expect(!report.passed)
        let reason = try #require(report.reasons.first { $0.contains("Spark application reader failed") }, "\(report.reasons)")
        #expect(reason.contains("failed 2 times"))
        #expect(reason.contains("cannot reach the lookup service"))
        #expect(reason.contains("NetworkPolicy default/grid-only"))
    }

    @Test func theReadSetCheckCatchesAJobThatMissedWrites() throws {
        let report = try simulate { $0.sparkSkipsReads = true }
        #expect(!report.passed)
        let figures = try #require(report.spark?.first)
        #expect(figures.state == "Succeeded" && figures.missedWrites > 0)
        #expect(report.reasons.contains { $0.contains("missed \(figures.missedWrites) write(s) acknowledged before it started") })
    }

    @Test func dynamicAllocationGrowsToTheWorkWithinItsBounds() throws {
        var spark = SparkFixture()
        spark.dynamicAllocation = (min: 1, max: 3)
        let report = try simulate(spark, grid: GridFixture(partitions: 4))
        #expect(report.passed, "\(report.reasons)")
        let figures = try #require(report.spark?.first)
        // Four partitions, one core each: the maximum, never more.
        #expect(figures.peakExecutors == 3)
        #expect(figures.partitionsRead == 4)
        // With the default idle timeout (60 s) none went while the job ran.
        #expect(figures.executorsRemovedIdle == 0)
    }

    @Test func idleExecutorsGoWhenTheWorkNoLongerNeedsThem() throws {
        // While partition 1's task waits out its primary's failover (8 s), the executors whose
        // tasks are done sit idle past a 1 s timeout; the one task left needs one executor.
        var spark = SparkFixture()
        spark.dynamicAllocation = (min: 1, max: 3)
        spark.extraConf = [("spark.dynamicAllocation.executorIdleTimeout", "1s")]
        let report = try simulate(spark, grid: GridFixture(partitions: 4))
        #expect(report.passed, "\(report.reasons)")
        let figures = try #require(report.spark?.first)
        #expect(figures.peakExecutors == 3)
        #expect(figures.executorsRemovedIdle == 2)
        #expect(figures.partitionsRead == 4)
    }

    @Test func sameSeedSameBytes() throws {
        let first = try JSONReport.text(try simulateReport())
        let second = try JSONReport.text(try simulateReport())
        #expect(first == second)
    }

    private func simulateReport() throws -> SimulationReport {
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.operations = 100
        options.authorizesWorkloads = true
        options.scenarios = [.spark]
        return try Simulation.run(SparkFixture().bundle(with: GridFixture(partitions: 2)), options: options)
    }

    @Test func withoutADriverTheScenarioSaysWhatToRender() throws {
        var options = SimulationOptions()
        options.cluster = .generated(count: 3, zones: 1)
        options.operations = 20
        options.scenarios = [.spark]
        let report = try Simulation.run(GridFixture(partitions: 2).bundle, options: options).scenarios[0]
        #expect(!report.passed)
        #expect(report.reasons == [
            "the manifests hold no Spark driver: render the insightedge-spark chart with the grid "
                + "(kubegrid render insightedge-spark --set space.name=…) and simulate both"
        ])
    }
}
