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
            partition; the fault scenarios (failover, node-loss, rolling-upgrade, manager-loss, drain, pause, partition) then break \
            a fresh copy of the deployment under a client workload and check that no acknowledged write \
            is lost; isolation (not in all) checks that the NetworkPolicies keep each tenant's clients to \
            its own Spaces; spark (in all when the manifests hold a Spark driver Job) submits the \
            insightedge-spark driver once clients have written, and checks that its executors read every \
            partition through a failover and that the job saw every write acknowledged before it \
            started. Exits 0 when every scenario passes, 1 when one fails.
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
            "Scenarios to run: \(ScenarioName.allCases.map(\.rawValue).joined(separator: ", ")), or all (all but isolation, and spark only with a Spark driver); comma-separated or repeated.",
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

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report: the cluster and each scenario's timeline.", valueName: "FILE.html"))
    var reportFile: String?

    @Option(
        name: .customLong("history"),
        help: ArgumentHelp(
            "Also write every client operation (invoke, ok, fail, info) to FILE as it happens, one JSON object a line.",
            valueName: "FILE"))
    var historyPath: String?

    @Flag(help: "Once a failed primary's pod has recovered as backup, make it primary again.")
    var failback = false

    @Option(help: ArgumentHelp("Seconds a backup takes to notice its primary is gone (default: 8).", valueName: "SECONDS"))
    var detectionDelay: Double?

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
            let bundle = try ManifestBundle.read(sources)
            let history = try historyPath.map(HistoryOutput.create)
            defer { history?.release() }
            resolved.historyFile = history?.file
            var progress = ProgressLine()
            defer { progress.finish() }
            report = try Simulation.run(bundle, options: resolved) { progress.update($0) }
            try history?.finish()
        } catch {
            throw CommandFailure.input(error)
        }
        try SimulationVerdictOutput.write(report, format: format, reportFile: reportFile)
    }

    /// The library's options from the flags; a wrong combination is a usage error (exit 2).
    private func simulationOptions() throws -> SimulationOptions {
        guard !files.isEmpty else {
            throw CommandFailure.usage("give the manifests with -f FILE, or -f - to read them from standard input")
        }
        let flags = SimulationFlags(
            nodes: nodes, zones: zones, usesClusterFile: cluster != nil, scenarios: scenario, seed: seed,
            client: client, clients: clients, operations: ops, loadBalancerPool: loadBalancerPool,
            failback: failback, detectionDelay: detectionDelay)
        do {
            return try flags.options()
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }
}
