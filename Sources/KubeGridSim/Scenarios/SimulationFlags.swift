/// The `kubegrid simulate` flags as typed, before they are checked.
///
/// `options()` turns them into `SimulationOptions` or says which flag is wrong, so the
/// command line only parses and the rules live with the simulator.
public struct SimulationFlags: Sendable {
    public var nodes: Int?
    public var zones: Int?
    /// `--cluster FILE` was given (its nodes are read by the caller).
    public var usesClusterFile: Bool
    public var scenarios: [String]
    public var seed: Int
    public var client: String
    public var clients: Int
    public var operations: Int
    public var loadBalancerPool: String
    public var failback: Bool
    public var detectionDelay: Double?

    public init(
        nodes: Int?, zones: Int?, usesClusterFile: Bool, scenarios: [String], seed: Int, client: String,
        clients: Int, operations: Int, loadBalancerPool: String, failback: Bool, detectionDelay: Double?
    ) {
        self.nodes = nodes
        self.zones = zones
        self.usesClusterFile = usesClusterFile
        self.scenarios = scenarios
        self.seed = seed
        self.client = client
        self.clients = clients
        self.operations = operations
        self.loadBalancerPool = loadBalancerPool
        self.failback = failback
        self.detectionDelay = detectionDelay
    }

    /// The most operations a run takes. Each may wait out a client's retry timeout, and the
    /// deadline that allows for it must fit the virtual clock (which overflows past about
    /// 4 × 10^14 operations); a billion already takes hours of wall time.
    public static let maxOperations = 1_000_000_000
    /// The most clients at once; each is a process with its own state and events.
    public static let maxClients = 10_000

    /// A flag that is out of range or does not go with another.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public func options() throws(Problem) -> SimulationOptions {
        var options = SimulationOptions()
        // The command line runs whole renders, Roles included, so the grid's API calls are
        // authorized as a real cluster authorizes them.
        options.authorizesWorkloads = true
        if usesClusterFile && (nodes != nil || zones != nil) {
            throw Problem(description: "--cluster gives the nodes; leave out --nodes and --zones")
        }
        let nodeCount = nodes ?? 3
        let zoneCount = zones ?? 1
        guard nodeCount >= 1 else { throw Problem(description: "--nodes must be at least 1, got \(nodeCount)") }
        guard zoneCount >= 1 else { throw Problem(description: "--zones must be at least 1, got \(zoneCount)") }
        guard zoneCount <= nodeCount else {
            throw Problem(description: "--zones \(zoneCount) is more than --nodes \(nodeCount); each zone needs a node")
        }
        options.cluster = .generated(count: nodeCount, zones: zoneCount)
        guard seed >= 0 else { throw Problem(description: "--seed must not be negative, got \(seed)") }
        options.seed = UInt64(seed)
        guard let placement = ClientPlacement(rawValue: client) else {
            throw Problem(description: "--client must be external or internal, got \"\(client)\"")
        }
        options.client = placement
        guard clients >= 1 else { throw Problem(description: "--clients must be at least 1, got \(clients)") }
        guard clients <= Self.maxClients else {
            throw Problem(description: "--clients must be at most \(Self.maxClients), got \(clients)")
        }
        guard operations >= 0 else { throw Problem(description: "--ops must not be negative, got \(operations)") }
        guard operations <= Self.maxOperations else {
            throw Problem(
                description: "--ops must be at most \(Self.maxOperations), got \(operations)")
        }
        options.clients = clients
        options.operations = operations
        guard let pool = IPv4Range(loadBalancerPool) else {
            throw Problem(description: "--load-balancer-pool must be an IPv4 range such as 203.0.113.0/24, got \"\(loadBalancerPool)\"")
        }
        options.loadBalancerPool = pool
        options.scenarios = try scenarioNames()
        options.sparkWhenPresent = scenarios.contains { $0.split(separator: ",").contains("all") }
        options.failback = failback
        if let detectionDelay {
            guard detectionDelay >= 0, detectionDelay <= 3600 else {
                let given = detectionDelay.rounded() == detectionDelay && abs(detectionDelay) < 1e15
                    ? "\(Int(detectionDelay))" : "\(detectionDelay)"
                throw Problem(description: "--detection-delay must be between 0 and 3600 seconds, got \(given)")
            }
            options.timings.failureDetection = .milliseconds(Int((detectionDelay * 1000).rounded()))
        }
        return options
    }

    /// `--scenario` names in order (each flag may list several, `all,isolation`), `all`
    /// expanded, each once; `deploy` when none is given.
    private func scenarioNames() throws(Problem) -> [ScenarioName] {
        if scenarios.isEmpty { return [.deploy] }
        var names: [ScenarioName] = []
        for name in scenarios.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }) {
            if name == "all" {
                names += ScenarioName.all
            } else if let known = ScenarioName(rawValue: name) {
                names.append(known)
            } else {
                let known = (ScenarioName.allCases.map(\.rawValue) + ["all"]).joined(separator: ", ")
                throw Problem(description: "--scenario \(name) is not one of \(known)")
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0.rawValue).inserted }
    }
}
