import OrderedCollections

/// What the controllers that act on running pods — the kubelet, the node lifecycle
/// controller and the grid — work on besides their own state: the clock they record on
/// and schedule with; the pods the kubelets run; the random stream start-up jitter draws
/// from; the fault log the grid annotates with outages and loss notes; the scenario's
/// clients (a partition that loses its primary gets a monitor); and, read-only, the
/// Services and nodes.
///
/// The world lends these parts for one step (`World.withKubelet`, `withGrid`, …) by moving
/// them, not copying, and takes them back after it, with what the step reported: pods
/// whose readiness changed (for the StatefulSet controller) and progress. So each
/// controller changes exactly what it is handed, in the order it always did.
struct RuntimeContext {
    var timeline: Timeline
    var pods: PodTable
    var faultLog: FaultLog
    var clients: GridClients
    var random: SeededRandom
    /// Read-only for the steps: the world moves the API server and the endpoints in and
    /// out (`World.lendRuntime`), so it is a `var`.
    var cluster: ClusterView
    /// The world's `progress` (changes in the cluster and the grid) when it lent the
    /// runtime: a client re-checks a cached primary's reachability only once it moved.
    var changesSoFar = 0
    /// Owners (`namespace/statefulSet`) of pods whose readiness changed in this step, in order.
    private(set) var readinessChanges: [String] = []
    /// Changes a scenario waiting on the cluster should look at (a node lost or back).
    var progress = 0

    var now: SimTime { timeline.now }

    /// What the step reported (pods whose readiness changed, progress), cleared for the next step.
    mutating func takeReports() -> (readinessChanges: [String], progress: Int) {
        defer {
            readinessChanges.removeAll()
            progress = 0
        }
        return (readinessChanges, progress)
    }

    mutating func record(_ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType = .normal) {
        timeline.record(object, reason, message, type: type)
    }

    /// Records a grid event that the application in `pod` (a pod key) also logs
    /// (`kubectl logs`: registration, election, recovery, hand-over).
    mutating func record(_ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType = .normal, pod: String) {
        guard let uid = pods[pod]?.uid else { return record(object, reason, message, type: type) }
        timeline.record(object, reason, message, type: type, loggedBy: pod, uid: uid)
    }

    mutating func schedule(_ event: SimEvent, after delay: SimTime = .zero) {
        timeline.schedule(event, after: delay)
    }

    /// A random duration in `0...limit`, drawn from the seed.
    mutating func jitter(_ limit: SimTime) -> SimTime {
        guard limit.milliseconds > 0 else { return .zero }
        return .milliseconds(Int.random(in: 0...limit.milliseconds, using: &random))
    }

    /// A pod became Ready or stopped being Ready: its StatefulSet reconciles after this step.
    mutating func readinessChanged(_ pod: Pod) {
        readinessChanges.append(pod.owner)
    }

    /// The instance in `podKey` may answer its probes differently now.
    mutating func applicationStatusChanged(_ podKey: String) {
        pods.wakeDormantProbes(of: podKey, timeline: &timeline)
    }

    /// A partition lost its primary: while a scenario measures, a monitor reads it until it answers.
    mutating func primaryLost(space: String, partition: Int, retryInterval: SimTime) {
        guard clients.monitoring else { return }
        clients.startMonitor(PartitionRef(space: space, partition: partition), interval: retryInterval, timeline: &timeline)
    }
}

/// The cluster as a grid process sees it from inside its pod: the Services the API server
/// accepted (with what it allocated) and the nodes.
struct ClusterView {
    var api: APIServer
    var nodes: NodeTable
    /// The per-instance Service key of each pod key (the Service controller's index).
    var instanceServiceByPod: [String: String]
    /// Which pods each Service sends traffic to, as at the start of the step.
    var endpoints: EndpointsController
    /// The StatefulSets the controller reconciles (a client finds a manager's Service by its pods' labels).
    var statefulSets: OrderedDictionary<String, StatefulSetRecord> = [:]
    /// Whether a pod's calls to the API are held to its service account's RBAC.
    var authorizesWorkloads = false
    /// The NetworkPolicies the pod network enforces.
    var networkPolicies = NetworkPolicyRules()

    var services: OrderedDictionary<String, ServiceRecord> { api.services }

    /// The Service that exposes exactly this pod, as the charts' per-instance Services do
    /// (the first applied that selects it by `statefulset.kubernetes.io/pod-name`).
    func instanceService(of pod: Pod) -> ServiceRecord? {
        instanceServiceByPod[pod.key].flatMap { api.services[$0] }
    }

    func node(named name: String?) -> ClusterNode? {
        name.flatMap { nodes[$0] }
    }
}
