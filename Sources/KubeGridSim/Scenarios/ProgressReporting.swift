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
        let total = clients.plan?.count ?? 0
        var report = clients.progress + Self.operationsPerProgressReport
        while true {
            var sliced = false
            run(until: deadline) { world in
                if stop(world) { return true }
                guard world.clients.progress >= report else { return false }
                sliced = true
                return true
            }
            guard sliced else { return }
            var now = base
            now.time = self.now
            now.operations = clients.tally.completedOperations
            now.totalOperations = total
            progress(now)
            report = clients.progress + Self.operationsPerProgressReport
        }
    }
}
