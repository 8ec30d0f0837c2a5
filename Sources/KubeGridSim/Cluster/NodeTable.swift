/// The machines of the cluster, in the order they joined, found by name.
struct NodeTable: Sendable, Sequence {
    private(set) var all: [ClusterNode] = []
    private var indexByName: [String: Int] = [:]
    /// Bumped by every change, so a check that read the nodes knows when to read them again.
    private(set) var changes = 0

    /// The node named `name`; setting changes a node that exists (nodes keep their place).
    subscript(name: String) -> ClusterNode? {
        get { indexByName[name].map { all[$0] } }
        set {
            guard let index = indexByName[name], let newValue else { return }
            all[index] = newValue
            changes &+= 1
        }
    }

    mutating func add(_ node: ClusterNode) {
        indexByName[node.name] = all.count
        all.append(node)
        changes &+= 1
    }

    func makeIterator() -> IndexingIterator<[ClusterNode]> { all.makeIterator() }
}
