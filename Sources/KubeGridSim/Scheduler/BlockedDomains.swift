/// The topology domains under one key that a pod may not go to, asked once for every node
/// the scheduler looks at. There are usually one or two (the other pod of a partition), so
/// a short list compared in place beats hashing the domain per node; many go in a set.
struct BlockedDomains: Sendable {
    /// The topology key's id in the scheduler's ``TopologyTable``.
    let keyID: Int
    private let few: [Int]
    private let many: Set<Int>?

    /// Above this many domains a set lookup is cheaper than comparing each.
    private static let listLimit = 8

    /// The domains in `domains`; nil when there are none, so nothing is asked per node.
    init?(keyID: Int, domains: some Collection<Int>) {
        guard !domains.isEmpty else { return nil }
        self.keyID = keyID
        if domains.count <= Self.listLimit {
            few = Array(domains)
            many = nil
        } else {
            few = []
            many = Set(domains)
        }
    }

    /// True when `domain` is blocked (-1, a node without the key's label, never is).
    func contains(_ domain: Int) -> Bool {
        if let many { return many.contains(domain) }
        for blocked in few where blocked == domain { return true }
        return false
    }
}
