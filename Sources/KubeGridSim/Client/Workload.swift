/// The operations the clients run.
enum Workload {
    /// For every Space, one write and one read of a key in each partition (so every
    /// partition is tried), then `operations` writes and reads of random keys.
    static func plan(
        spaces: [(key: String, partitions: Int)], operations: Int, random: inout SeededRandom
    ) -> [PlannedOperation] {
        var plan: [PlannedOperation] = []
        var nextValue = 1
        func value() -> String {
            defer { nextValue += 1 }
            return "v\(nextValue)"
        }
        for space in spaces {
            for key in keysCoveringPartitions(space.partitions) {
                plan.append(PlannedOperation(function: .write, spaceKey: space.key, key: key, value: value()))
                plan.append(PlannedOperation(function: .read, spaceKey: space.key, key: key, value: nil))
            }
        }
        guard !spaces.isEmpty else { return plan }
        for _ in 0..<max(operations, 0) {
            let space = spaces[Int.random(in: 0..<spaces.count, using: &random)]
            let key = "key-\(Int.random(in: 0..<max(16, space.partitions * 4), using: &random))"
            if Bool.random(using: &random) {
                plan.append(PlannedOperation(function: .write, spaceKey: space.key, key: key, value: value()))
            } else {
                plan.append(PlannedOperation(function: .read, spaceKey: space.key, key: key, value: nil))
            }
        }
        return plan
    }

    /// The first key `key-n` (by n) that routes to each partition, in partition order.
    static func keysCoveringPartitions(_ partitions: Int) -> [String] {
        var found: [Int: String] = [:]
        var n = 0
        while found.count < partitions && n < partitions * 200 + 1000 {
            let key = "key-\(n)"
            let partition = Routing.partition(of: key, partitions: partitions)
            if found[partition] == nil { found[partition] = key }
            n += 1
        }
        return (1...max(partitions, 1)).compactMap { found[$0] }
    }
}
