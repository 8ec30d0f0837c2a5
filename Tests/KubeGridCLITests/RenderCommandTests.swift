import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersTheIssueExampleReadyForKubectl() throws {
        let result = try KubeGridProcess.run([
            "render", "insightedge-pu", "--name", "testspace", "--set",
            "partitions=4,ha=true,service.type=NodePort,service.lrmi.enabled=true,service.lrmi.initialNodePort=31200",
        ])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("---\n# Source: insightedge-pu/templates/networkpolicy.yaml\napiVersion: networking.k8s.io/v1\n"))
        #expect(result.stdout.contains("# Source: insightedge-pu/templates/poddisruptionbudget.yaml\napiVersion: policy/v1\n"))
        // External LRMI behind node ports: the instances read their Service and their node.
        #expect(result.stdout.contains("\nkind: Role\n") && result.stdout.contains("\nkind: ClusterRole\n"))
        #expect(result.stdout.components(separatedBy: "\nkind: Service\n").count - 1 == 9)
        #expect(result.stdout.components(separatedBy: "\nkind: StatefulSet\n").count - 1 == 4)
        #expect(result.stdout.contains("    nodePort: 31207\n"))
        #expect(result.stderr.contains("warning: --set 'partitions=4,ha=true,"))
    }

    @Test func templateIsAnAliasAndTheReleaseMayComeFirst() throws {
        let named = try KubeGridProcess.run(["render", "insightedge-manager", "--name", "grid"])
        let helmStyle = try KubeGridProcess.run(["template", "grid", "insightedge-manager"])
        #expect(named.exitCode == 0)
        #expect(named.stdout == helmStyle.stdout)
        #expect(named.stdout.contains("name: grid-insightedge-manager-hs"))
    }

    @Test func sameInputSameBytes() throws {
        let arguments = ["render", "insightedge", "--name", "demo", "-f", "examples/umbrella-production-ha.yaml"]
        let first = try KubeGridProcess.run(arguments)
        for _ in 0..<3 {
            #expect(try KubeGridProcess.run(arguments).stdout == first.stdout)
        }
    }

    @Test func jsonIsOneKubernetesList() throws {
        let result = try KubeGridProcess.run(["render", "insightedge-pu", "--name", "a", "--set", "partitions=2", "--output", "json"])
        #expect(result.exitCode == 0)
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(list?["kind"] as? String == "List")
        // NetworkPolicy, ServiceAccount, license Secret, headless Service, two StatefulSets.
        #expect((list?["items"] as? [Any])?.count == 6)
    }

    @Test func valuesComeFromStandardInput() throws {
        let result = try KubeGridProcess.run(["render", "insightedge-pu", "--name", "a", "-f", "-"], stdin: "partitions: 3\n")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("name: a-insightedge-pu-3\n"))
    }

    @Test func showOnlyKeepsTheNamedTemplates() throws {
        let result = try KubeGridProcess.run([
            "render", "insightedge", "--name", "d", "--set", "pu.partitions=1", "--show-only", "charts/pu/templates/statefulset.yaml",
        ])
        #expect(result.exitCode == 0)
        #expect(result.stdout.components(separatedBy: "# Source: ").count - 1 == 1)
        #expect(result.stdout.contains("# Source: insightedge/charts/pu/templates/statefulset.yaml"))
        let missing = try KubeGridProcess.run(["render", "insightedge-pu", "--show-only", "templates/nope.yaml"])
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("error: --show-only templates/nope.yaml: the chart renders no such template"))
    }

    @Test func outputDirectoryUsesHelmsLayout() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try KubeGridProcess.run([
            "render", "insightedge", "--name", "d", "--set", "pu.partitions=2,pu.ha=true,pu.antiAffinity.enabled=true",
            "--output-dir", directory.path,
        ])
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        let files = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == [
            "insightedge/charts/manager/templates/networkpolicy.yaml", "insightedge/charts/manager/templates/secret.yaml",
            "insightedge/charts/manager/templates/service.yaml", "insightedge/charts/manager/templates/serviceaccount.yaml",
            "insightedge/charts/manager/templates/statefulset.yaml",
            "insightedge/charts/pu/templates/networkpolicy.yaml", "insightedge/charts/pu/templates/poddisruptionbudget.yaml",
            "insightedge/charts/pu/templates/secret.yaml", "insightedge/charts/pu/templates/service.yaml",
            "insightedge/charts/pu/templates/serviceaccount.yaml", "insightedge/charts/pu/templates/statefulset.yaml",
        ])
        let services = try String(contentsOf: directory.appendingPathComponent(files[8]), encoding: .utf8)
        #expect(services.hasPrefix("---\n# Source: insightedge/charts/pu/templates/service.yaml\n"))
    }

    @Test func nothingIsWrittenOnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try KubeGridProcess.run([
            "render", "insightedge-pu", "--set", "partitions=2,instances=2", "--output-dir", directory.path,
        ])
        #expect(result.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
