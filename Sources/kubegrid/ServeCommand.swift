import ArgumentParser
import Dispatch
import KubeGridCore
import KubeGridServer
import KubeGridSim
import Synchronization

/// `kubegrid serve`: the simulated cluster as a Kubernetes API server that kubectl drives.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the simulated cluster behind a Kubernetes API server that kubectl can drive.",
        discussion: """
            Listens on --address (loopback by default) and, once it accepts requests, writes a kubeconfig \
            whose current context is kubegrid, with a bearer token made fresh at each start. The cluster's \
            clock follows wall time multiplied by --speed. On SIGINT or SIGTERM it stops the clock, runs \
            simulate's client workload and checker over what was deployed, prints the verdict and exits 0 \
            when every pod that should run is Ready and nothing was lost, 1 otherwise.
            """
    )

    /// Virtual seconds per wall second: the HA example (examples/umbrella-production-ha.yaml:
    /// three managers, four partitions with a backup each) has every StatefulSet rolled
    /// out after about 92 virtual seconds, so about 15 s of wall time.
    static let defaultSpeed = 6.0

    @Option(help: "Nodes in the simulated cluster (default: 3).")
    var nodes: Int?

    @Option(help: "Zones the nodes are spread over (default: 1).")
    var zones: Int?

    @Option(help: ArgumentHelp("A YAML file of Kubernetes Node objects, instead of --nodes/--zones.", valueName: "FILE"))
    var cluster: String?

    @Option(help: "The address to listen on.")
    var address: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 6443

    @Option(help: ArgumentHelp("Where to write the kubeconfig.", valueName: "FILE"))
    var kubeconfig: String = "./kubegrid.kubeconfig"

    @Option(help: "Virtual seconds per wall-clock second (default: 6).")
    var speed: Double = ServeCommand.defaultSpeed

    @Option(help: "The seed of the simulation.")
    var seed: Int = 1

    @Option(help: "Grid clients the final check runs against the deployed Spaces.")
    var clients: Int = 1

    @Option(help: "The output format of the verdict: text, json or junit.")
    var format: SimulateCommand.OutputFormat = .text

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report.", valueName: "FILE.html"))
    var reportFile: String?

    @Option(help: "Changes kept for watches to resume from; an older resourceVersion gets 410 Gone.")
    var watchCacheSize: Int = WatchCache.defaultCapacity

    @Option(
        name: .customLong("user"),
        help: ArgumentHelp(
            "A user besides the admin, with its groups: a token and a kubeconfig context of its name; RBAC decides what it may do (repeatable).",
            valueName: "NAME[:GROUP[,GROUP…]]"))
    var users: [String] = []

    @Option(help: ArgumentHelp(
        "Append an audit.k8s.io/v1 Event for every write request to FILE (level Metadata, with the authorizer's and admission's annotations).",
        valueName: "FILE"))
    var auditLogPath: String?

    @Option(help: "Threads that read requests and answer GETs of objects already encoded (default: one per core).")
    var eventLoopThreads: Int = KubeServer.defaultEventLoopThreads

    func run() throws {
        var options = try simulationOptions()
        let serveUsers = try parsedUsers()
        if let cluster {
            do {
                let files = LocalFiles()
                let nodes = try ManifestBundle.read([ManifestSource(name: cluster, bytes: try files.contents(of: cluster))]).nodes
                guard !nodes.isEmpty else { throw SimulationInputError.noNodes(source: cluster) }
                options.cluster = .nodes(nodes)
            } catch {
                throw CommandFailure.input(error)
            }
        }
        var server = KubeServer(address: address, port: port, kubeconfigPath: kubeconfig, speed: speed, options: options)
        server.watchCacheSize = watchCacheSize
        server.users = serveUsers
        server.auditLogPath = auditLogPath
        server.eventLoopThreads = eventLoopThreads
        let outcome = Mutex<Result<SimulationReport, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let kubeconfig = self.kubeconfig
        Task {
            do {
                let report = try await server.run { url in
                    Terminal.writeError("kubegrid serve: listening on \(url) (kubeconfig \(kubeconfig))")
                }
                outcome.withLock { $0 = .success(report) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        let report: SimulationReport
        switch outcome.withLock({ $0 })! {
        case .success(let value): report = value
        case .failure(let error): throw CommandFailure.input(error)
        }
        try SimulationVerdictOutput.write(report, format: format, reportFile: reportFile)
    }

    /// `--user` values, each a name unique among them.
    private func parsedUsers() throws -> [ServeUser] {
        var parsed: [ServeUser] = []
        for text in users {
            let user: ServeUser
            do { user = try ServeUser(parsing: text) } catch { throw CommandFailure.usage(error.description) }
            guard !parsed.contains(where: { $0.name == user.name }) else {
                throw CommandFailure.usage("--user \(text): \(user.name) is given twice; give each user once, with all its groups")
            }
            parsed.append(user)
        }
        return parsed
    }

    private func simulationOptions() throws -> SimulationOptions {
        guard (0...65535).contains(port) else { throw CommandFailure.usage("--port must be 0 to 65535, got \(port)") }
        guard speed > 0 else { throw CommandFailure.usage("--speed must be above 0, got \(speed)") }
        guard eventLoopThreads > 0 else { throw CommandFailure.usage("--event-loop-threads must be above 0, got \(eventLoopThreads)") }
        guard watchCacheSize > 0 else { throw CommandFailure.usage("--watch-cache-size must be above 0, got \(watchCacheSize)") }
        let flags = SimulationFlags(
            nodes: nodes, zones: zones, usesClusterFile: cluster != nil, scenarios: [], seed: seed,
            client: ClientPlacement.external.rawValue, clients: clients, operations: 100,
            loadBalancerPool: "203.0.113.0/24", failback: false, detectionDelay: nil)
        do {
            return try flags.options()
        } catch {
            throw CommandFailure.usage(error.description)
        }
    }
}
