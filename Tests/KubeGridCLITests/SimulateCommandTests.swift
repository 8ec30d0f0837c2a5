import Foundation
import Testing

/// `kubegrid render … | kubegrid simulate -f -`, end to end, as a user or a CI job runs it.
@Suite struct SimulateCommandTests {
    /// The rendered manifests of `arguments` (a `kubegrid render` command line).
    func render(_ arguments: [String]) throws -> String {
        let result = try KubeGridProcess.run(["render"] + arguments)
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout
    }

    func simulate(_ manifests: String, _ arguments: [String] = []) throws -> KubeGridProcess.Result {
        try KubeGridProcess.run(["simulate", "-f", "-"] + arguments, stdin: manifests)
    }

    static let umbrellaHA = ["insightedge", "--name", "prod", "-f", "examples/umbrella-production-ha.yaml"]

    @Test func theUmbrellaHAExamplePassesDeploy() throws {
        let result = try simulate(try render(Self.umbrellaHA))
        #expect(result.exitCode == 0, "\(result.stdout)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "kubegrid simulate: 3 nodes in 1 zone, seed 1, external client")
        #expect(lines.dropFirst().first?.hasPrefix("PASS deploy: 11/11 pods ready, 8/8 instances registered, 4/4 partitions reached") == true)
    }

    @Test func separateManagerAndSpaceReleasesPassTogether() throws {
        let manager = try render(["insightedge-manager", "--name", "prodspace", "-f", "examples/manager-production-ha.yaml"])
        let space = try render(["insightedge-pu", "--name", "prodspace", "-f", "examples/pu-production-ha.yaml"])
        let result = try simulate(manager + space)
        #expect(result.exitCode == 0, "\(result.stdout)")
    }

    @Test func theDevNodePortExamplesPass() throws {
        let manager = try render(["insightedge-manager", "--name", "testspace", "-f", "examples/manager-dev-nodeport.yaml"])
        let space = try render(["insightedge-pu", "--name", "testspace", "-f", "examples/pu-dev-nodeport.yaml"])
        let result = try simulate(manager + space, ["--nodes", "1"])
        #expect(result.exitCode == 0, "\(result.stdout)")
    }

    @Test func antiAffinityOnOneNodeFailsAndSaysWhichPodIsPendingAndWhy() throws {
        let result = try simulate(try render(Self.umbrellaHA), ["--nodes", "1"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("FAIL deploy:"))
        #expect(
            result.stdout.contains(
                "  - pods prod-insightedge-manager-1 and prod-insightedge-manager-2 are Pending: 0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
            ))
        #expect(result.stdout.contains("run on at least 3 nodes (--nodes 3), or set antiAffinity.enabled=false"))
    }

    @Test func aClusterIPOnlyManagerFailsForARemoteClientAndPassesForAnInternalOne() throws {
        let manifests = try render(Self.umbrellaHA + ["--set", "manager.service.type=ClusterIP"])
        let external = try simulate(manifests)
        #expect(external.exitCode == 1)
        #expect(external.stdout.contains("the manager Service prod-insightedge-manager-service is of type ClusterIP"))
        #expect(external.stdout.contains("or use --client internal if the clients run in the cluster"))
        #expect(try simulate(manifests, ["--client", "internal"]).exitCode == 0)
    }

    @Test func aSpaceWithoutLRMIServicesFailsForARemoteClientAndNamesTheValueToChange() throws {
        let manifests = try render(Self.umbrellaHA + ["--set", "pu.service.lrmi.enabled=false"])
        let external = try simulate(manifests)
        #expect(external.exitCode == 1)
        #expect(external.stdout.contains("a remote client cannot reach 8 instances of Space prod-insightedge-pu"))
        #expect(external.stdout.contains("set service.lrmi.enabled=true (pu.service.lrmi.enabled=true in the insightedge chart)"))
        #expect(try simulate(manifests, ["--client", "internal"]).exitCode == 0)
    }

    /// A Space instance with remote access reads its Service for the address clients use;
    /// without the pu chart's Role its service account may not, as on a cluster with RBAC.
    @Test func aSpaceWithoutItsRoleCannotReadItsServiceAndTheReasonNamesRBACCreate() throws {
        let withRole = try simulate(try render(Self.umbrellaHA))
        #expect(withRole.exitCode == 0, "\(withRole.stdout)")
        let manifests = try render(Self.umbrellaHA + ["--set", "pu.rbac.create=false"])
        let result = try simulate(manifests)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("FAIL deploy:"), "\(result.stdout)")
        #expect(result.stdout.contains(
            "pod prod-insightedge-pu-1-0 is Running but not Ready: its Space instance cannot register: it cannot read its Service prod-insightedge-pu-1-0-service for its external address: "
                + "the Kubernetes API refused it: services \"prod-insightedge-pu-1-0-service\" is forbidden: "
                + "User \"system:serviceaccount:default:prod-insightedge-pu\" cannot get resource \"services\" in API group \"\" "
                + "in the namespace \"default\"; with rbac.create=true the pu chart's Role grants its service account get on services"),
            "\(result.stdout)")
    }

    @Test func twoReleasesWithTheSameNodePortsConflict() throws {
        let dev = try render(["insightedge", "--name", "dev", "-f", "examples/umbrella-dev.yaml"])
        let qa = try render(["insightedge", "--name", "qa", "-f", "examples/umbrella-dev.yaml"])
        let result = try simulate(dev + qa)
        #expect(result.exitCode == 1)
        #expect(
            result.stdout.contains(
                "The Service \"qa-insightedge-pu-1-0-service\" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated"
            ))
    }

    @Test func theSameSeedGivesTheSameJSONAndJUnitBytes() throws {
        let manifests = try render(Self.umbrellaHA)
        for format in ["json", "junit"] {
            let arguments = ["--format", format, "--seed", "7", "--clients", "2", "--ops", "300"]
            let first = try simulate(manifests, arguments)
            #expect(first.exitCode == 0)
            #expect(try simulate(manifests, arguments).stdout == first.stdout)
        }
        let json = try simulate(manifests, ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == true)
        #expect(object?["seed"] as? Int == 1)
        #expect((object?["nodes"] as? [Any])?.count == 3)
    }

    @Test func nodesCanComeFromAClusterFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubegrid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let nodes = (1...3).map { index in
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: worker-\(index)
              labels: {topology.kubernetes.io/zone: zone-\(index)}
            status:
              allocatable: {cpu: "4", memory: 16Gi, pods: "110"}
            """
        }.joined(separator: "\n---\n")
        let cluster = directory.appendingPathComponent("cluster.yaml")
        try nodes.write(to: cluster, atomically: true, encoding: .utf8)
        let result = try simulate(try render(Self.umbrellaHA), ["--cluster", cluster.path, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\"name\": \"worker-3\""))
    }

    static let usageErrors: [([String], String)] = [
        (["simulate"], "error: give the manifests with -f FILE"),
        (["simulate", "-f", "-", "--nodes", "0"], "error: --nodes must be at least 1, got 0"),
        (["simulate", "-f", "-", "--nodes", "2", "--zones", "3"], "error: --zones 3 is more than --nodes 2"),
        (["simulate", "-f", "-", "--scenario", "chaos"], "error: --scenario chaos is not one of deploy, failover, node-loss, rolling-upgrade, manager-loss, drain, pause, partition, isolation, spark, all"),
        (["simulate", "-f", "-", "--client", "inside"], "error: --client must be external or internal"),
        (["simulate", "-f", "-", "--cluster", "c.yaml", "--nodes", "3"], "error: --cluster gives the nodes; leave out --nodes and --zones"),
    ]

    @Test(arguments: usageErrors)
    func aWrongCommandLineExitsTwo(arguments: [String], expected: String) throws {
        let result = try KubeGridProcess.run(arguments, stdin: "")
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }

    @Test func wrongInputExitsOneWithNothingOnStdout() throws {
        let missing = try KubeGridProcess.run(["simulate", "-f", "/nonexistent/manifests.yaml"])
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("error: cannot read /nonexistent/manifests.yaml"))
        let broken = try simulate("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  replicas: many\n")
        #expect(broken.exitCode == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr == "error: standard input:5: spec.replicas: expected an integer, got the string \"many\"\n")
        let empty = try simulate("")
        #expect(empty.exitCode == 1)
        #expect(empty.stderr.contains("holds no StatefulSet, so there is nothing to simulate"))
    }
}
