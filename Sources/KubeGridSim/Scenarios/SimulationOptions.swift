/// Everything a simulation run can be told (the `kubegrid simulate` flags).
public struct SimulationOptions: Sendable {
    /// The nodes: `--nodes`/`--zones`, or `--cluster FILE`.
    public var cluster: ClusterShape = .generated(count: 3, zones: 1)
    /// `--seed`: the same seed gives the same run, byte for byte.
    public var seed: UInt64 = 1
    /// `--client`: where the clients run.
    public var client: ClientPlacement = .external
    /// `--clients`: how many clients work at once.
    public var clients = 1
    /// `--ops`: how many operations the clients run (besides one write and read per partition).
    public var operations = 100
    /// `--scenario`: what to run, in order.
    public var scenarios: [ScenarioName] = [.deploy]
    /// The LoadBalancer IP pool.
    public var loadBalancerPool = IPv4Range("203.0.113.0/24")!
    /// How long `deploy` waits for everything to be Running and Ready.
    public var deployTimeout = SimTime.seconds(600)
    /// How long things take.
    public var timings = Timings()

    public init() {}
}

/// The scenarios `kubegrid simulate` runs.
public enum ScenarioName: String, Sendable, CaseIterable {
    /// Apply, schedule, start; a client writes and reads every partition.
    case deploy
}
