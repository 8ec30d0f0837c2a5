import KubeGridCore
import OrderedCollections

/// A pod spec held once for every pod made from it (a StatefulSet revision's template):
/// a spec is large, and a thousand pods of one template need not each carry a copy.
final class PodSpecBox: Sendable {
    let spec: PodSpec

    init(_ spec: PodSpec) {
        self.spec = spec
    }
}

/// A pod as the API server stores it: what its StatefulSet's template gave it and where
/// the scheduler bound it. Its life (containers, probes, readiness) belongs to the kubelet.
public struct PodObject: Sendable, Hashable {
    private let specBox: PodSpecBox
    public var nodeName: String?

    public var spec: PodSpec { specBox.spec }

    public init(spec: PodSpec, nodeName: String? = nil) {
        self.init(sharing: PodSpecBox(spec), nodeName: nodeName)
    }

    init(sharing specBox: PodSpecBox, nodeName: String? = nil) {
        self.specBox = specBox
        self.nodeName = nodeName
    }

    func hasSameSpec(as other: PodObject) -> Bool {
        specBox === other.specBox || spec == other.spec
    }

    public static func == (lhs: PodObject, rhs: PodObject) -> Bool {
        lhs.nodeName == rhs.nodeName && lhs.hasSameSpec(as: rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodeName)
        hasher.combine(spec)
    }
}

/// A node as the API server stores it: its labels, whether it takes new pods, its taints.
public struct NodeObject: Sendable, Hashable {
    public var labels: OrderedDictionary<String, String>
    public var unschedulable: Bool
    /// Keys of its `NoSchedule` taints.
    public var taints: [String]

    public init(labels: OrderedDictionary<String, String> = [:], unschedulable: Bool = false, taints: [String] = []) {
        self.labels = labels
        self.unschedulable = unschedulable
        self.taints = taints
    }
}

/// The typed body of a stored object. `indirect`: each body lives in a box of its own,
/// so copies of the store (a scenario's world) share it instead of copying a whole
/// StatefulSet inline.
public indirect enum ObjectBody: Sendable, Hashable {
    case namespace
    case node(NodeObject)
    case service(Service)
    case podDisruptionBudget(PodDisruptionBudget)
    case statefulSet(StatefulSet)
    case pod(PodObject)
    case passive(PassiveObject)
    case event(EventRecord)
    /// A selector Service's `Endpoints`, written by the endpoints controller.
    case endpoints(ServiceEndpoints)
    /// A selector Service's `EndpointSlice`, written by the endpoint slice controller.
    case endpointSlice(ServiceEndpoints)

    public var kind: ObjectKind {
        switch self {
        case .namespace: return .namespace
        case .node: return .node
        case .service: return .service
        case .podDisruptionBudget: return .podDisruptionBudget
        case .statefulSet: return .statefulSet
        case .pod: return .pod
        case .passive(let object): return object.kind
        case .event: return .event
        case .endpoints: return .endpoints
        case .endpointSlice: return .endpointSlice
        }
    }

    /// True when any change of the body is one of its spec. A slice has no spec: any change
    /// of it is one (kube-apiserver bumps its generation).
    var specIsWholeBody: Bool {
        if case .endpointSlice = self { return true }
        return false
    }

    /// False when the spec, the part whose change bumps `metadata.generation`, differs.
    /// Nodes and Namespaces have no generation to speak of; a pod's binding to a node is
    /// not a spec change (pods keep generation 1 unless the spec itself is updated).
    func hasSameSpec(as other: ObjectBody) -> Bool {
        if specIsWholeBody { return self == other }
        switch (self, other) {
        case (.namespace, .namespace), (.node, .node), (.event, .event), (.endpoints, .endpoints): return true
        case (.service(let a), .service(let b)): return a.spec == b.spec
        case (.podDisruptionBudget(let a), .podDisruptionBudget(let b)): return a.spec == b.spec
        case (.statefulSet(let a), .statefulSet(let b)): return a.spec == b.spec
        case (.pod(let a), .pod(let b)): return a.hasSameSpec(as: b)
        case (.passive(let a), .passive(let b)): return a.kind == b.kind && a.fields["spec"] == b.fields["spec"]
        default: return false
        }
    }

    /// The labels the manifest gave the object (the store keeps them in its metadata).
    var manifestLabels: OrderedDictionary<String, String> {
        switch self {
        case .namespace, .pod, .passive, .event, .endpoints, .endpointSlice: return [:]
        case .node(let node): return node.labels
        case .service(let service): return service.metadata.labels
        case .podDisruptionBudget(let budget): return budget.metadata.labels
        case .statefulSet(let statefulSet): return statefulSet.metadata.labels
        }
    }
}

/// One object of the store: the API server's metadata and the typed body.
public struct StoredObject: Sendable, Hashable {
    public var metadata: ObjectMetadata
    public var body: ObjectBody

    public var kind: ObjectKind { body.kind }
    public var key: ObjectKey { ObjectKey(kind, namespace: metadata.namespace, metadata.name) }
}
