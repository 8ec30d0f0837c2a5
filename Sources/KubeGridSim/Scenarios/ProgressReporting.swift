/// Long client phases tell the progress line how far they are, every so many operations,
/// without changing what runs: the run is only cut into slices.
extension World {
    /// Client operations between two progress reports.
    static let operationsPerProgressReport = 1 << 16

    /// `run(until:stop:)`, telling `progress` about the operations done every
    /// ``operationsPerProgressReport`` of them.
    mutating func run(
        until deadline: SimTime, reporting base: SimulationProgress, to progress: (SimulationProgress) -> Void,
        stop: (World) -> Bool
    ) {
        let total = clientRun.plan?.count ?? 0
        var report = clientRun.progress + Self.operationsPerProgressReport
        while true {
            var sliced = false
            run(until: deadline) { world in
                if stop(world) { return true }
                guard world.clientRun.progress >= report else { return false }
                sliced = true
                return true
            }
            guard sliced else { return }
            var now = base
            now.time = self.now
            now.operations = clientRun.tally.completedOperations
            now.totalOperations = total
            progress(now)
            report = clientRun.progress + Self.operationsPerProgressReport
        }
    }
}
