/// Node label values turned into small integers per topology key, so that "is this node
/// in a domain some pod blocks" is an integer set lookup, not a string comparison.
struct TopologyTable: Sendable {
    /// The id of each topology key seen so far.
    private var keyIDs: [String: Int] = [:]
    /// For each key id, the id of each label value seen so far.
    private var valueIDs: [[String: Int]] = []
    /// For each key id, each node's domain id, or -1 when the node lacks the label.
    private(set) var domains: [[Int]] = []

    /// The id of `key`, computing every node's domain under it the first time.
    mutating func keyID(_ key: String, nodeLabels: [[String: String]]) -> Int {
        if let id = keyIDs[key] { return id }
        let id = valueIDs.count
        keyIDs[key] = id
        valueIDs.append([:])
        var column: [Int] = []
        column.reserveCapacity(nodeLabels.count)
        for labels in nodeLabels {
            column.append(labels[key].map { valueID(id, $0) } ?? -1)
        }
        domains.append(column)
        return id
    }

    /// The id of `key`, if any term has used it.
    func existingKeyID(_ key: String) -> Int? { keyIDs[key] }

    /// Records a new node's domains under every known key.
    mutating func addNode(labels: [String: String]) {
        for (key, id) in keyIDs {
            // Each key appends to its own column, so the dictionary's order does not matter.
            let domain = labels[key].map { valueID(id, $0) } ?? -1
            domains[id].append(domain)
        }
    }

    /// The domain of node `node` under key `keyID`, or -1.
    func domain(key keyID: Int, node: Int) -> Int { domains[keyID][node] }

    private mutating func valueID(_ keyID: Int, _ value: String) -> Int {
        if let id = valueIDs[keyID][value] { return id }
        let id = valueIDs[keyID].count
        valueIDs[keyID][value] = id
        return id
    }
}
