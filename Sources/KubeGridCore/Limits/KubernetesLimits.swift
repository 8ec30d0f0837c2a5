/// Limits and well-known keys of a default Kubernetes cluster that kubegrid checks against
/// in more than one place (chart values, manifest lint, the simulated API server), kept
/// here so a check and its message can never disagree about the number.
public enum KubernetesLimits {
    /// The API server's default `--service-node-port-range`.
    public static let nodePortRange = 30000...32767
    /// `30000–32767`, as rule documentation writes the range.
    public static var nodePortRangeText: String { "\(nodePortRange.lowerBound)–\(nodePortRange.upperBound)" }
    /// The longest DNS-1123 label, label name or label value: Service names among them.
    public static let labelLength = KubernetesNames.labelLimit
    /// The longest DNS-1123 subdomain: the names of most objects (pods, StatefulSets, nodes).
    public static let subdomainLength = KubernetesNames.subdomainLimit
    /// The longest StatefulSet name whose pods can be created: the controller adds
    /// `<name>-<10-character hash>` as the `controller-revision-hash` label, which must fit
    /// ``labelLength``.
    public static let statefulSetNameLength = 52
    /// The node label that names each node, and the topology key of "one per node".
    public static let hostnameTopologyKey = "kubernetes.io/hostname"
    /// The node label of the zone a node runs in, the topology key of "one per zone".
    public static let zoneTopologyKey = "topology.kubernetes.io/zone"
}
