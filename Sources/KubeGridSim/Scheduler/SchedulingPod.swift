import KubeGridCore
import OrderedCollections

/// What kube-scheduler looks at in a pod: its labels, requests, node selector and
/// inter-pod (anti-)affinity terms.
public struct SchedulingPod: Sendable {
    /// `namespace/name`, unique in the cluster.
    public var key: String
    /// The pod's namespace, against which terms without `namespaces` are read.
    public var namespace: String
    /// The pod's labels.
    public var labels: OrderedDictionary<String, String>
    /// What the filters reserve: requests (limits where unset), one pod.
    public var requests: ResourceAmounts
    /// What scoring counts: requests with kube-scheduler's defaults for unset CPU and memory.
    public var nonZeroRequests: ResourceAmounts
    /// Labels a node must carry.
    public var nodeSelector: OrderedDictionary<String, String>
    /// `podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
    public var requiredAntiAffinity: [PodAffinityTerm]
    /// `podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
    public var preferredAntiAffinity: [WeightedPodAffinityTerm]
    /// `podAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
    public var preferredAffinity: [WeightedPodAffinityTerm]

    /// The scheduling view of a pod named `name` in `namespace` running `spec`.
    public init(name: String, namespace: String, labels: OrderedDictionary<String, String>, spec: PodSpec) {
        key = "\(namespace)/\(name)"
        self.namespace = namespace
        self.labels = labels
        requests = ResourceAmounts.requests(of: spec)
        nonZeroRequests = ResourceAmounts.nonZeroRequests(of: spec)
        nodeSelector = spec.nodeSelector
        requiredAntiAffinity = spec.affinity?.podAntiAffinity?.required ?? []
        preferredAntiAffinity = spec.affinity?.podAntiAffinity?.preferred ?? []
        preferredAffinity = spec.affinity?.podAffinity?.preferred ?? []
    }

    /// True when the pod has a term other pods are scored against.
    var hasPreferredTerms: Bool { !preferredAntiAffinity.isEmpty || !preferredAffinity.isEmpty }
}
