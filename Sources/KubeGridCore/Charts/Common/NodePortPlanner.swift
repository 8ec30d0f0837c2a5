/// Checks the node ports one release asks for (charts.md, "Node ports").
///
/// The Space's instance Services take a sequential block from `initialNodePort`; the
/// block must end within 30000–32767, and no port may be asked for twice in a release
/// (the umbrella's manager and Space together).
struct NodePortPlanner {
    /// A node port a manager Service asks for explicitly.
    struct Claim {
        var service: String
        var path: ValuePath
        var nodePort: Int
    }

    /// A Space's block of sequential node ports.
    struct Block {
        var path: ValuePath
        var start: Int
        var count: Int
        var serviceName: (Int) -> String

        var end: Int { start + count - 1 }
    }

    static let range = KubernetesLimits.nodePortRange

    static func diagnostics(claims: [Claim], block: Block?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let block, block.count > 0 {
            diagnostics += overflow(of: block)
        }
        var seen: [Int: Claim] = [:]
        for claim in claims {
            if let earlier = seen[claim.nodePort] {
                diagnostics.append(Diagnostic(
                    .error, rule: "KG108", path: claim.path,
                    "node port \(claim.nodePort) is also asked for by \(earlier.path) on Service \(earlier.service); give each port its own node port"))
            }
            seen[claim.nodePort] = seen[claim.nodePort] ?? claim
            if let block, block.count > 0, (block.start...block.end).contains(claim.nodePort) {
                let index = claim.nodePort - block.start
                diagnostics.append(Diagnostic(
                    .error, rule: "KG108", path: claim.path,
                    "node port \(claim.nodePort) is also given to instance Service \(block.serviceName(index)) (\(block.path) \(block.start) + \(index)); pick a port outside \(block.start)-\(block.end)"))
            }
        }
        return diagnostics
    }

    private static func overflow(of block: Block) -> [Diagnostic] {
        let capacity = range.count
        if block.count > capacity {
            return [Diagnostic(
                .error, rule: "KG107", path: block.path,
                "\(block.count) instance services need \(block.count) node ports but the range \(range.lowerBound)-\(range.upperBound) holds \(capacity); remove initialNodePort and let Kubernetes pick the ports, or use fewer partitions")]
        }
        guard block.end > range.upperBound else { return [] }
        return [Diagnostic(
            .error, rule: "KG107", path: block.path,
            "\(block.start) + \(block.count) instance services runs past \(range.upperBound) (instance service \(block.serviceName(block.count - 1)) would get \(block.end)); use at most \(range.upperBound - block.count + 1)")]
    }
}
