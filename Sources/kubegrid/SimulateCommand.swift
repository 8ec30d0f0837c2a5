import ArgumentParser
import KubeGridCore
import KubeGridSim

/// `kubegrid simulate`: applies manifests to a simulated cluster and smoke-tests the grid.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Apply manifests to a simulated cluster and smoke-test the grid.",
        discussion: """
            Reads rendered manifests (kubegrid render … | kubegrid simulate -f -), schedules and starts \
            them on simulated nodes, and checks that every pod comes up and that a client reaches every \
            partition. Exits 0 when every scenario passes, 1 when one fails.
            """
    )

    /// How the result is written.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: ArgumentHelp("A manifest file; - reads standard input (repeatable).", valueName: "FILE"))
    var files: [String] = []

    @Option(help: "Nodes in the simulated cluster (default: 3).")
    var nodes: Int?

    @Option(help: "Zones the nodes are spread over (default: 1).")
    var zones: Int?

    @Option(help: ArgumentHelp("A YAML file of Kubernetes Node objects, instead of --nodes/--zones.", valueName: "FILE"))
    var cluster: String?

    @Option(
        help: ArgumentHelp(
            "A scenario to run: \(ScenarioName.allCases.map(\.rawValue).joined(separator: ", ")), or all (repeatable).",
            valueName: "NAME"))
    var scenario: [String] = []

    @Option(help: "The seed: the same seed gives the same result, byte for byte.")
    var seed: Int = 1

    @Option(help: "Where the clients run: external (outside the cluster) or internal (in a pod).")
    var client: String = ClientPlacement.external.rawValue

    @Option(help: "Clients working at once.")
    var clients: Int = 1

    @Option(help: "Client operations besides one write and read per partition.")
    var ops: Int = 100

    @Option(help: ArgumentHelp("The LoadBalancer IP pool.", valueName: "CIDR"))
    var loadBalancerPool: String = "203.0.113.0/24"

    @Option(help: "The output format: text, json or junit.")
    var format: OutputFormat = .text

    func run() throws {
        let options = try simulationOptions()
        let files = LocalFiles()
        let report: SimulationReport
        do {
            var sources: [ManifestSource] = []
            for path in self.files {
                let name = path == "-" ? "standard input" : path
                sources.append(ManifestSource(name: name, bytes: try files.contents(of: path)))
            }
            var resolved = options
            if let cluster {
                let nodes = try ManifestBundle.read([ManifestSource(name: cluster, bytes: try files.contents(of: cluster))]).nodes
                guard !nodes.isEmpty else { throw SimulationInputError.noNodes(source: cluster) }
                resolved.cluster = .nodes(nodes)
            }
            report = try Simulation.run(try ManifestBundle.read(sources), options: resolved)
        } catch {
            throw CommandFailure.input(error)
        }
        let text: String
        switch format {
        case .text: text = TextReport.text(report)
        case .json:
            do { text = try JSONReport.text(report) } catch { throw CommandFailure.input(error) }
        case .junit: text = JUnitReport.text(report)
        }
        Terminal.writeOutput(text)
        if !report.passed { throw ExitCode(1) }
    }

    /// The library's options from the flags; a wrong combination is a usage error (exit 2).
    private func simulationOptions() throws -> SimulationOptions {
        var options = SimulationOptions()
        guard !files.isEmpty else {
            throw CommandFailure.usage("give the manifests with -f FILE, or -f - to read them from standard input")
        }
        if cluster != nil && (nodes != nil || zones != nil) {
            throw CommandFailure.usage("--cluster gives the nodes; leave out --nodes and --zones")
        }
        let nodeCount = nodes ?? 3
        let zoneCount = zones ?? 1
        guard nodeCount >= 1 else { throw CommandFailure.usage("--nodes must be at least 1, got \(nodeCount)") }
        guard zoneCount >= 1 else { throw CommandFailure.usage("--zones must be at least 1, got \(zoneCount)") }
        guard zoneCount <= nodeCount else {
            throw CommandFailure.usage("--zones \(zoneCount) is more than --nodes \(nodeCount); each zone needs a node")
        }
        options.cluster = .generated(count: nodeCount, zones: zoneCount)
        guard seed >= 0 else { throw CommandFailure.usage("--seed must not be negative, got \(seed)") }
        options.seed = UInt64(seed)
        guard let placement = ClientPlacement(rawValue: client) else {
            throw CommandFailure.usage("--client must be external or internal, got \"\(client)\"")
        }
        options.client = placement
        guard clients >= 1 else { throw CommandFailure.usage("--clients must be at least 1, got \(clients)") }
        guard ops >= 0 else { throw CommandFailure.usage("--ops must not be negative, got \(ops)") }
        options.clients = clients
        options.operations = ops
        guard let pool = IPv4Range(loadBalancerPool) else {
            throw CommandFailure.usage("--load-balancer-pool must be an IPv4 range such as 203.0.113.0/24, got \"\(loadBalancerPool)\"")
        }
        options.loadBalancerPool = pool
        options.scenarios = try scenarios()
        return options
    }

    private func scenarios() throws -> [ScenarioName] {
        if scenario.isEmpty { return [.deploy] }
        var names: [ScenarioName] = []
        for name in scenario {
            if name == "all" {
                names += ScenarioName.allCases
            } else if let known = ScenarioName(rawValue: name) {
                names.append(known)
            } else {
                let known = (ScenarioName.allCases.map(\.rawValue) + ["all"]).joined(separator: ", ")
                throw CommandFailure.usage("--scenario \(name) is not one of \(known)")
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0.rawValue).inserted }
    }
}
