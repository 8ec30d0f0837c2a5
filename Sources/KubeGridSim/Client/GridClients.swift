/// The grid's clients as a controller: space proxies running a workload, and monitors, with
/// what they saw — state of the workload, not of the cluster. It owns that state and works
/// on a lent `RuntimeContext` (the clock, the pods, the fault log, the cluster view) and the
/// grid (the lookup services it asks, the instances it reads and writes), as the kubelet
/// and the grid do (`World.withClients`).
///
/// Its API, for the scenarios and for anything that runs clients of its own:
/// - `start(count:plan:interval:pacedFrom:_:)` starts clients sharing a `WorkloadPlan`;
///   each then runs on `SimEvent.clientInvoke` / `clientComplete` / `clientRetry`
///   (`invoke`, `complete`, `attempt`), one operation at a time.
/// - `isDone`, `check()`, `tally` and `history` say how far they got and what they saw.
/// - `finalRead(grid:_:)` reads every key written back; `stopMonitors()` ends a scenario.
/// - `unreachableReason`, `lookupLocator`, `policyBlockReason` answer what a client at this
///   placement can reach (the diagnosis asks them too).
///
/// Operations are checked and counted as they happen; the history itself is kept only when
/// asked (`keepsHistory`), so a run's memory does not grow with its operations.
struct GridClients: Sendable {
    /// Where the clients run (`--client`): outside the cluster or in a pod.
    var placement = ClientPlacement.external
    /// Call latency, retry interval and timeout, the pace of operations.
    var timings = Timings()
    /// Test-only: writes skip the backups (see ``SimulationOptions``).
    var brokenReplication = false

    var clients: [ClientState] = []
    /// The plan the workload clients share, round-robin.
    var plan: WorkloadPlan?
    /// Every operation, in order, when the run keeps them; empty otherwise.
    var history = History()
    var keepsHistory = false
    /// Where every operation is written as it happens (`--history`), and the scenario's name for it.
    var historyFile: HistoryFile?
    var scenario = ""
    /// Entries recorded so far (kept or not).
    var recorded = 0
    /// The checker, fed as operations happen.
    var checker = StreamingChecker()
    /// The reports' counts.
    var tally = OperationTally()
    /// When true, a partition that loses its primary gets a monitor client that reads it
    /// until it answers, so its unavailability window is measured.
    var monitoring = false
    /// The monitor client of each partition that has one.
    var monitors: [PartitionRef: Int] = [:]
    /// For each Space, a key routing to each partition, for monitors.
    var coveringKeys: [String: [String]] = [:]
    /// Bumped when a client operation completes.
    var progress = 0

    init() {}

    init(options: SimulationOptions) {
        placement = options.client
        timings = options.timings
        brokenReplication = options.brokenReplication
        keepsHistory = options.keepsHistory
        historyFile = options.historyFile
    }

    /// The checker's verdict; whether a value read back was written at all is found by
    /// replaying the plan (only for the few values it no longer keeps).
    func check() -> CheckResult {
        let unexplained = checker.unexplainedReads
        var written = Set<KeyID>()
        if !unexplained.isEmpty, let plan {
            PlanCursor.forEachWrite(of: plan) { index, space, key, value in
                let id = KeyID(space: space, key: key)
                if unexplained[id] == value, invoked(index) { written.insert(id) }
            }
        }
        return checker.result(written: written)
    }

    /// Whether operation `index` of the plan was invoked: the clients take the plan
    /// round-robin, each in order.
    private func invoked(_ index: Int) -> Bool {
        let workload = clients.filter { $0.monitor == nil }
        guard !workload.isEmpty else { return false }
        return workload[index % workload.count].next > index / workload.count
    }

    /// Records one entry of the history: the checker and the tally see it, and the
    /// history keeps it if asked.
    mutating func recordOperation(_ entry: Operation, faultLog: FaultLog) {
        recorded += 1
        checker.observe(entry)
        if keepsHistory { history.record(entry) }
        historyFile?.write(entry, scenario: scenario)
        guard entry.type != .invoke else { return }
        if entry.process < 0 {
            tally.finalRead(entry)
        } else {
            if entry.type == .ok { tally.noteOutages(faultLog.outages) }
            tally.completed(entry)
        }
    }
}
