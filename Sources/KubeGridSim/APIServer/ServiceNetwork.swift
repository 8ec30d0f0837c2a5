import KubeGridCore

/// The API server's Service allocators: cluster IPs, node ports (cluster-wide), and the
/// load balancer controller's external IP pool.
///
/// Requested values are checked by admission (``ServiceAllocationCheck``); values left out
/// are allocated the way Kubernetes does since 1.27 — at random, preferring the
/// upper part of each range and leaving the lower band for values users pick — from the
/// seeded generator, so a seed always gives the same addresses and ports.
public struct ServiceNetwork: Sendable {
    /// The Service CIDR (kube-apiserver's `--service-cluster-ip-range`).
    public var clusterIPRange: IPv4Range
    /// The NodePort range (`--service-node-port-range`).
    public var nodePortRange: ClosedRange<Int>
    /// The load balancer pool, handed out in order as MetalLB does.
    public private(set) var loadBalancerPool: IPv4Range

    private var usedClusterIPs: Set<IPv4Address> = []
    private var usedNodePorts: [Int: String] = [:]
    private var usedLoadBalancerIPs: Set<IPv4Address> = []
    /// Every pool offset below this one is taken (a release starts the search over).
    private var loadBalancerTakenBelow = 0
    private var random: SeededRandom

    /// Kubernetes' defaults, with the documentation address block 203.0.113.0/24 as the pool.
    public init(
        clusterIPRange: IPv4Range = IPv4Range("10.96.0.0/12")!, nodePortRange: ClosedRange<Int> = KubernetesLimits.nodePortRange,
        loadBalancerPool: IPv4Range = IPv4Range("203.0.113.0/24")!, random: SeededRandom
    ) {
        self.clusterIPRange = clusterIPRange
        self.nodePortRange = nodePortRange
        self.loadBalancerPool = loadBalancerPool
        self.random = random
        // The first address is the `kubernetes` Service's, as in every cluster.
        usedClusterIPs.insert(clusterIPRange.address(at: 1))
    }

    /// The Service that holds `port`, if any.
    public func holder(ofNodePort port: Int) -> String? { usedNodePorts[port] }

    /// True when another Service holds `address`.
    public func isAllocated(_ address: IPv4Address) -> Bool { usedClusterIPs.contains(address) }

    /// Allocates what `service` (key `namespace/name`) asked for and what it left out. Admission
    /// (``ServiceAllocationCheck``) has checked the requested values are free and in range.
    public mutating func allocate(_ service: Service, key: String) -> ServiceRecord {
        let spec = service.spec
        let type = spec.effectiveType
        let opensNodePorts = type == .nodePort || type == .loadBalancer
        var record = ServiceRecord(key: key, service: service, clusterIP: nil, nodePorts: [], loadBalancerIP: nil)
        if !spec.isHeadless && type != .externalName {
            let address = spec.requestedClusterIP ?? allocateClusterIP()
            usedClusterIPs.insert(address)
            record.clusterIP = address
        }
        for port in spec.ports {
            guard opensNodePorts else {
                record.nodePorts.append(nil)
                continue
            }
            let nodePort = port.nodePort ?? allocateNodePort()
            usedNodePorts[nodePort] = key
            record.nodePorts.append(nodePort)
        }
        if type == .loadBalancer { record.loadBalancerIP = allocateLoadBalancerIP() }
        return record
    }

    /// Frees what `record` holds (the Service was deleted).
    public mutating func release(_ record: ServiceRecord) {
        if let address = record.clusterIP { usedClusterIPs.remove(address) }
        for case let port? in record.nodePorts where usedNodePorts[port] == record.key { usedNodePorts[port] = nil }
        if let address = record.loadBalancerIP {
            usedLoadBalancerIPs.remove(address)
            loadBalancerTakenBelow = 0
        }
    }

    /// Kubernetes splits each range: values left out come from the upper band first, so
    /// that values users pick from the lower band rarely collide.
    private static func lowerBandSize(_ size: Int) -> Int { min(max(16, size / 16), 256) }

    private mutating func allocateClusterIP() -> IPv4Address {
        let size = clusterIPRange.size - 2
        let band = Self.lowerBandSize(size)
        let (range, used) = (clusterIPRange, usedClusterIPs)
        let isFree = { (offset: Int) in !used.contains(range.address(at: offset)) }
        if let offset = Self.randomFree(count: size - band, offset: 1 + band, random: &random, isFree: isFree) {
            return range.address(at: offset)
        }
        return range.address(at: (1...max(size, 1)).first(where: isFree) ?? 1)
    }

    private mutating func allocateNodePort() -> Int {
        let size = nodePortRange.count
        let band = min(max(16, size / 32), 128)
        let low = nodePortRange.lowerBound
        let used = usedNodePorts
        if let offset = Self.randomFree(count: size - band, offset: band, random: &random, isFree: { used[low + $0] == nil }) {
            return low + offset
        }
        return nodePortRange.first { used[$0] == nil } ?? low
    }

    /// A random free offset in `offset..<offset+count`: a random start, then the next free one.
    private static func randomFree(
        count: Int, offset: Int, random: inout SeededRandom, isFree: (Int) -> Bool
    ) -> Int? {
        guard count > 0 else { return nil }
        let start = Int.random(in: 0..<count, using: &random)
        for step in 0..<count {
            let candidate = offset + (start + step) % count
            if isFree(candidate) { return candidate }
        }
        return nil
    }

    /// The lowest free pool address (network and broadcast addresses left out), or nil.
    /// The search starts where the last one ended: a 4,096-partition Space's Services
    /// otherwise walked every address taken before theirs, and a /16 pool's offsets were
    /// listed in an array for each Service.
    private mutating func allocateLoadBalancerIP() -> IPv4Address? {
        let size = loadBalancerPool.size
        let usable = size <= 2 ? 0..<size : 1..<(size - 1)
        for offset in max(usable.lowerBound, loadBalancerTakenBelow)..<usable.upperBound {
            let address = loadBalancerPool.address(at: offset)
            if !usedLoadBalancerIPs.contains(address) {
                usedLoadBalancerIPs.insert(address)
                loadBalancerTakenBelow = offset + 1
                return address
            }
        }
        return nil
    }
}
