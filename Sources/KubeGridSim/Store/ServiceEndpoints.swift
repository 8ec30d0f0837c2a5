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
}
