/// The topology domains under one key that a pod may not go to, asked once for every node
/// the scheduler looks at. There are usually one or two (the other pod of a partition), so
/// up to four are held in place and compared one by one — no hashing, and nothing to
/// retain when the filter walks them per node; more go in a set.
struct BlockedDomains: Sendable {
    /// The topology key's id in the scheduler's ``TopologyTable``.
    let keyID: Int
    private let count: Int
    private let first: Int, second: Int, third: Int, fourth: Int
    private let many: Set<Int>?

    /// The domains in `domains`; nil when there are none, so nothing is asked per node.
    init?(keyID: Int, domains: some Collection<Int>) {
        guard !domains.isEmpty else { return nil }
        self.keyID = keyID
        count = domains.count
        let few = Array(domains.prefix(4))
        // -1 (a node without the key's label) is never blocked, so it pads the unused places.
        first = few[0]
        second = few.count > 1 ? few[1] : -1
        third = few.count > 2 ? few[2] : -1
        fourth = few.count > 3 ? few[3] : -1
        many = domains.count > 4 ? Set(domains) : nil
    }

    /// True when `domain` is blocked (-1, a node without the key's label, never is).
    func contains(_ domain: Int) -> Bool {
        guard domain >= 0 else { return false }
        if count > 4 { return many?.contains(domain) ?? false }
        return domain == first || domain == second || domain == third || domain == fourth
    }
}
