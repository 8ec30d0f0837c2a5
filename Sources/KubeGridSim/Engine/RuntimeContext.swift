import OrderedCollections

/// What a grid step works on besides the grid's own state: the clock it records on and
/// schedules with; the pods the kubelets run (it reads them, and wakes a pod's dormant
/// probes when its instance's readiness changes); the fault log it annotates with outages
/// and loss notes; the scenario's clients (a partition that loses its primary gets a
/// monitor); and, read-only, the Services and nodes an instance registers by.
///
/// The world lends these parts for one step (`World.withGrid`), so the grid changes
/// exactly what it is handed, in the order it always did.
struct RuntimeContext {
    var timeline: Timeline
    var pods: PodTable
    var faultLog: FaultLog
    var clientRun: ClientRun
    let cluster: ClusterView

    var now: SimTime { timeline.now }

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

    /// The instance in `podKey` may answer its probes differently now.
    mutating func applicationStatusChanged(_ podKey: String) {
        pods.wakeDormantProbes(of: podKey, timeline: &timeline)
    }

    /// A partition lost its primary: while a scenario measures, a monitor reads it until it answers.
    mutating func primaryLost(space: String, partition: Int, retryInterval: SimTime) {
        guard clientRun.monitoring else { return }
        clientRun.startMonitor(PartitionRef(space: space, partition: partition), interval: retryInterval, timeline: &timeline)
    }
}

/// The cluster as a grid process sees it from inside its pod: the Services the API server
/// accepted (with what it allocated) and the nodes.
struct ClusterView {
    let api: APIServer
    let nodes: NodeTable
    /// The per-instance Service key of each pod key (the Service controller's index).
    let instanceServiceByPod: [String: String]

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
