/// The operations the clients run: for every Space, one write and one read of a key in
/// each partition (so every partition is tried), then `operations` writes and reads of
/// random keys. The random keys never repeat the covering ones and are drawn from as many
/// keys as there are operations (at least four per partition, at most ``keyLimit``), so
/// most writes stay the last of their key: a write lost to a fault is not hidden by a
/// later one.
///
/// The plan is never held whole: it is a seed and counts, and ``PlanCursor`` makes its
/// operations one after another, so a run of a hundred million operations takes no more
/// memory than one of a hundred thousand.
struct WorkloadPlan: Sendable {
    /// The most keys the random operations are drawn from: the checker and the Space keep
    /// state per key, so this bounds what a long run holds. Runs of up to this many
    /// operations draw from one key per operation.
    static let keyLimit = 100_000

    struct Space: Sendable {
        var key: String
        var partitions: Int
        /// The number of the first random key (`key-n`), past the covering keys.
        var firstRandomKey: Int
        /// How many keys the random operations of this Space are drawn from.
        var keys: Int
    }

    let spaces: [Space]
    /// The covering writes and reads, in order.
    let covering: [PlannedOperation]
    /// Random operations after the covering ones.
    let operations: Int
    /// The generator the random operations are drawn from, as the plan starts.
    let random: SeededRandom

    init(spaces: [(key: String, partitions: Int)], operations: Int, random: SeededRandom) {
        var covering: [PlannedOperation] = []
        var described: [Space] = []
        for space in spaces {
            let keys = Workload.keysCoveringPartitions(space.partitions)
            for key in keys {
                covering.append(
                    PlannedOperation(function: .write, spaceKey: space.key, key: key, value: "v\(covering.count / 2 + 1)"))
                covering.append(PlannedOperation(function: .read, spaceKey: space.key, key: key, value: nil))
            }
            described.append(
                Space(
                    key: space.key, partitions: space.partitions,
                    firstRandomKey: (keys.compactMap { Int($0.dropFirst(4)) }.max() ?? -1) + 1,
                    keys: max(16, space.partitions * 4, min(max(operations, 0), Self.keyLimit))))
        }
        self.spaces = described
        self.covering = covering
        self.operations = spaces.isEmpty ? 0 : max(operations, 0)
        self.random = random
    }

    /// Every operation of the plan.
    var count: Int { covering.count + operations }

    /// A cursor at the plan's first operation.
    func cursor() -> PlanCursor { PlanCursor(plan: self) }
}

/// Walks a ``WorkloadPlan`` in order. Operations are drawn as numbers and spelled out
/// (`key-n`, `vn`) only when asked for, so skipping another client's share is cheap.
struct PlanCursor: Sendable {
    /// One operation as numbers.
    struct Drawn: Sendable {
        var space: Int
        var keyNumber: Int
        /// The value's number for a write; nil for a read.
        var valueNumber: Int?
    }

    let plan: WorkloadPlan
    /// The index of the next operation.
    private(set) var index = 0
    private var random: SeededRandom
    private var nextValue: Int

    init(plan: WorkloadPlan) {
        self.plan = plan
        random = plan.random
        nextValue = plan.covering.count / 2 + 1
    }

    /// The next operation spelled out, or nil at the end.
    mutating func next() -> PlannedOperation? {
        if index < plan.covering.count {
            defer { index += 1 }
            return plan.covering[index]
        }
        guard let drawn = draw() else { return nil }
        let space = plan.spaces[drawn.space]
        let key = "key-\(space.firstRandomKey + drawn.keyNumber)"
        return PlannedOperation(
            function: drawn.valueNumber == nil ? .read : .write, spaceKey: space.key, key: key,
            value: drawn.valueNumber.map { "v\($0)" })
    }

    /// Steps over the next operation without spelling it out.
    mutating func skip() {
        if index < plan.covering.count {
            index += 1
        } else {
            _ = draw()
        }
    }

    /// The next random operation as numbers (the draws the plan has always made, in order).
    mutating func draw() -> Drawn? {
        guard index >= plan.covering.count, index < plan.count else { return nil }
        index += 1
        let space = Int.random(in: 0..<plan.spaces.count, using: &random)
        let keyNumber = Int.random(in: 0..<plan.spaces[space].keys, using: &random)
        guard Bool.random(using: &random) else { return Drawn(space: space, keyNumber: keyNumber, valueNumber: nil) }
        defer { nextValue += 1 }
        return Drawn(space: space, keyNumber: keyNumber, valueNumber: nextValue)
    }

    /// Visits every write of the plan in order, as (index, Space key, key, value), for a
    /// check that needs to know what was written without having kept it.
    static func forEachWrite(of plan: WorkloadPlan, _ body: (Int, String, String, String) -> Void) {
        for (index, operation) in plan.covering.enumerated() where operation.function == .write {
            if let value = operation.value { body(index, operation.spaceKey, operation.key, value) }
        }
        var cursor = plan.cursor()
        while cursor.index < plan.covering.count { cursor.skip() }
        while cursor.index < plan.count {
            let index = cursor.index
            guard let drawn = cursor.draw() else { break }
            guard let valueNumber = drawn.valueNumber else { continue }
            let space = plan.spaces[drawn.space]
            body(index, space.key, "key-\(space.firstRandomKey + drawn.keyNumber)", "v\(valueNumber)")
        }
    }
}

enum Workload {
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
