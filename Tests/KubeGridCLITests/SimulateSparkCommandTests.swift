import Foundation
import Testing

/// The Spark job on the HA example, rendered by the charts and simulated (issue 14):
/// `--scenario all` runs `spark` because the manifests hold a driver, and it passes; the
/// same job without RBAC fails with the API server's forbidden words and exit 1.
@Suite struct SimulateSparkCommandTests {
    static let grid = ["insightedge", "--name", "prod", "-f", "examples/umbrella-production-ha.yaml"]
    static let spark = ["insightedge-spark", "--name", "count", "-f", "examples/spark-ha-count.yaml"]

    func simulate(_ renders: [String], _ arguments: [String]) throws -> KubeGridProcess.Result {
        try KubeGridProcess.simulate(renders, ["--nodes", "5"] + arguments)
    }

    @Test func allRunsTheSparkJobAndItPasses() throws {
        let result = try simulate([try KubeGridProcess.render(Self.grid), try KubeGridProcess.render(Self.spark)], ["--scenario", "all"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let spark = try #require(lines.last)
        #expect(spark.hasPrefix("PASS spark: count-products Succeeded: 4/4 partitions read (43 objects), "), "\(spark)")
        #expect(spark.contains("43/43 keys acknowledged before the start read at their last value, 4 executor(s) (peak 4)"))
        // Without a driver in the manifests, all is what it was.
        let gridOnly = try simulate([try KubeGridProcess.render(Self.grid)], ["--scenario", "all"])
        #expect(!gridOnly.stdout.contains("spark"))
    }

    @Test func withoutRBACTheJobFailsWithTheForbiddenWords() throws {
        let locked = try KubeGridProcess.render(Self.spark + ["--set", "rbac.create=false"])
        let result = try simulate([try KubeGridProcess.render(Self.grid), locked], ["--scenario", "spark", "--format", "json"])
        #expect(result.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scenario = try #require((report["scenarios"] as? [[String: Any]])?.first)
        let figures = try #require((scenario["spark"] as? [[String: Any]])?.first)
        #expect(figures["state"] as? String == "Failed")
        #expect(figures["executorsCreated"] as? Int == 0)
        let reason = try #require(figures["reason"] as? String)
        #expect(reason.contains(
            "pods is forbidden: User \"system:serviceaccount:default:count-insightedge-spark\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\""))
        #expect((scenario["reasons"] as? [String])?.first?.hasPrefix("Spark application count-products failed: ") == true)
    }
}
