import KubeGridCore
import OrderedCollections

/// A Service port as an endpoint offers it: the Service port's name and protocol, and the
/// pod's port its `targetPort` resolved to.
public struct PodEndpointPort: Sendable, Hashable {
    public var name: String?
    public var port: Int
    public var protocolName: String
}

/// A pod behind a Service, as the endpoints controller writes it.
public struct PodEndpoint: Sendable, Hashable {
    public var ip: IPv4Address
    public var nodeName: String?
    public var podName: String
    /// The pod object's uid (`targetRef.uid`); nil while the store has no such pod.
    public var podUID: UID?
    /// Receives traffic (`addresses` rather than `notReadyAddresses`; `ready` in a slice).
    public var ready: Bool
    /// The pod is Ready, whatever its termination (a slice's `serving`).
    public var serving: Bool
    /// The pod is being deleted (a slice's `terminating`).
    public var terminating: Bool
    /// The Service ports this pod offers, in the Service's order (a named `targetPort`
    /// the pod does not declare is left out, as kube-controller-manager does).
    public var ports: [PodEndpointPort]
}

/// What the endpoints controller writes for one selector Service: its pods with an IP,
/// ordered by IP, in an `Endpoints` object named after the Service and an `EndpointSlice`
/// labelled `kubernetes.io/service-name`. One value in both bodies: the two objects say the
/// same thing in two shapes (the server's encoding writes each).
public struct ServiceEndpoints: Sendable, Hashable {
    public var serviceName: String
    public var addresses: [PodEndpoint]

    /// Compares the addresses where they are stored: the store compares a Service's old and
    /// new endpoints on every write, and the array's own comparison copies (and retains)
    /// each of thousands of addresses.
    public static func == (lhs: ServiceEndpoints, rhs: ServiceEndpoints) -> Bool {
        guard lhs.serviceName == rhs.serviceName, lhs.addresses.count == rhs.addresses.count else { return false }
        return lhs.addresses.withUnsafeBufferPointer { left in
            rhs.addresses.withUnsafeBufferPointer { right in
                left.baseAddress == right.baseAddress || left.indices.allSatisfy { left[$0] == right[$0] }
            }
        }
    }

    /// `Endpoints.subsets`: addresses grouped by the ports they offer (in order of the
    /// first address of each group), ready ones in `addresses`, the others — unless they
    /// are terminating — in `notReadyAddresses`.
    public var subsets: [(ports: [PodEndpointPort], ready: [PodEndpoint], notReady: [PodEndpoint])] {
        var groups: OrderedDictionary<[PodEndpointPort], (ready: [PodEndpoint], notReady: [PodEndpoint])> = [:]
        for address in addresses {
            if address.ready {
                groups[address.ports, default: ([], [])].ready.append(address)
            } else if !address.terminating {
                groups[address.ports, default: ([], [])].notReady.append(address)
            }
        }
        return groups.map { (ports: $0.key, ready: $0.value.ready, notReady: $0.value.notReady) }
    }

    /// kube-controller-manager's endpoints controller keeps at most this many addresses in an
    /// `Endpoints` object (`maxCapacity`); the EndpointSlices list them all.
    public static let endpointsCapacity = 1_000

    /// The addresses an `Endpoints` object keeps of these, and how many subsets they make;
    /// nil when all fit in `capacity` (kube's `truncateEndpoints`): ready addresses come
    /// first; each subset keeps a share of what fits proportional to its size, rounded up,
    /// while room lasts, and its first addresses (by IP). When the ready ones alone are too
    /// many, no not-ready one is kept.
    public func truncated(to capacity: Int = Self.endpointsCapacity) -> (endpoints: ServiceEndpoints, subsets: Int)? {
        guard addresses.count > capacity else { return nil }
        // The subset of each address (as `subsets` groups them, without copying them).
        var groupPorts: [[PodEndpointPort]] = []
        var ready: [Int] = []
        var notReady: [Int] = []
        var groupOf = [Int](repeating: -1, count: addresses.count)
        addresses.withUnsafeBufferPointer { list in
            var last = -1
            for index in list.indices where list[index].ready || !list[index].terminating {
                if last < 0 || groupPorts[last] != list[index].ports {
                    last = groupPorts.firstIndex(of: list[index].ports) ?? groupPorts.count
                    if last == groupPorts.count {
                        groupPorts.append(list[index].ports)
                        ready.append(0)
                        notReady.append(0)
                    }
                }
                groupOf[index] = last
                if list[index].ready { ready[last] += 1 } else { notReady[last] += 1 }
            }
        }
        let totalReady = ready.reduce(0, +)
        let totalNotReady = notReady.reduce(0, +)
        guard totalReady + totalNotReady > capacity else { return nil }
        let truncatingReady = totalReady > capacity
        let share = truncatingReady ? capacity : capacity - totalReady
        let total = truncatingReady ? totalReady : totalNotReady
        var room = share
        var quota = truncatingReady ? ready : notReady
        for group in quota.indices {
            quota[group] = min((quota[group] * share + total - 1) / total, room)
            room -= quota[group]
        }
        var kept: [PodEndpoint] = []
        kept.reserveCapacity(capacity)
        for index in addresses.indices where groupOf[index] >= 0 {
            // The kind being cut keeps its quota; the other is all kept, or (ready ones
            // overflowing) none.
            if addresses[index].ready == truncatingReady {
                guard quota[groupOf[index]] > 0 else { continue }
                quota[groupOf[index]] -= 1
            } else if truncatingReady {
                continue
            }
            kept.append(addresses[index])
        }
        return (ServiceEndpoints(serviceName: serviceName, addresses: kept), groupPorts.count)
    }

    /// The ports of the slice: those of its first address, else none.
    public var slicePorts: [PodEndpointPort] { addresses.first?.ports ?? [] }
}

/// The labels and names the endpoints controllers write (k8s.io/api/discovery/v1 and
/// core/v1 `IsHeadlessService`).
public enum EndpointLabels {
    public static let serviceName = "kubernetes.io/service-name"
    public static let managedBy = "endpointslice.kubernetes.io/managed-by"
    public static let sliceController = "endpointslice-controller.k8s.io"
    public static let headless = "service.kubernetes.io/headless"
    /// The annotation of an `Endpoints` object that lists fewer addresses than it has
    /// (core/v1 `EndpointsOverCapacity`).
    public static let overCapacity = "endpoints.kubernetes.io/over-capacity"
}
