import KubeGridCore
import OrderedCollections

/// A pod's phase, as `kubectl get pods` reports it in `status.phase`.
public enum PodPhase: String, Sendable {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    /// The node stopped reporting: nobody knows whether the pod still runs.
    case unknown = "Unknown"
}

/// Where a pod is in its life, in more detail than its phase.
public enum PodStage: Sendable, Hashable {
    /// Waiting for the scheduler.
    case unscheduled
    /// Bound to a node: the kubelet pulls the image and creates the sandbox.
    case creating
    /// Running init container `index`.
    case initializing(Int)
    /// Init container `index` failed; waiting out the back-off before running it again.
    case initBackOff(Int)
    /// The containers have started; the application is starting up.
    case starting
    /// The application is up (liveness passes).
    case running
    /// The main container exited; waiting out the back-off before restarting it.
    case crashBackOff
    /// On a node that stopped reporting.
    case lost
    /// Deleted with a grace period: its containers got SIGTERM and are stopping.
    case terminating
    /// A run-to-completion pod (a Job's, `restartPolicy: Never`) whose containers exited
    /// with `exitCode`: Succeeded for 0, Failed otherwise. It holds no resources any more.
    case exited(exitCode: Int)
}

/// A pod of the simulated cluster, created by the StatefulSet controller.
public struct Pod: Sendable {
    /// Unique for every pod ever created; a recreated pod with the same name gets a new one.
    public let uid: Int
    public let name: String
    public let namespace: String
    /// The template's labels plus those the StatefulSet controller adds.
    public var labels: OrderedDictionary<String, String>
    /// The template's spec.
    public var spec: PodSpec
    /// `namespace/name` of the owning StatefulSet.
    public var owner: String
    /// The StatefulSet ordinal (`<sts>-<ordinal>`).
    public var ordinal: Int
    /// The StatefulSet revision (template generation) the pod was created from.
    public var revision: Int
    /// What the pod is to the grid.
    public var role: GridRole
    public var createdAt: SimTime

    /// The node it is bound to.
    public var nodeName: String?
    public var podIP: IPv4Address?
    public var phase: PodPhase = .pending
    public var stage: PodStage = .unscheduled
    /// The Ready condition: what Services and the StatefulSet controller go by.
    public var ready = false
    /// Container restarts, as `kubectl get pods` counts them.
    public var restartCount = 0
    /// Why the main container was last killed, if it was.
    public var lastTermination: ContainerTermination?
    /// Bumped at every container (re)start; events of an earlier start are then ignored.
    public var generation = 0
    /// Failures of the current init container in a row, for the back-off.
    public var initFailures = 0
    /// When the main containers last started.
    public var startedAt: SimTime?
    /// Why the scheduler last found no node while Pending.
    public var schedulingFailure: FitFailure?
    /// The last `FailedScheduling` message while Pending.
    public var schedulingMessage: String? { schedulingFailure?.message }
    /// Consecutive readiness results, for the thresholds.
    public var readinessSuccesses = 0
    public var readinessFailures = 0
    public var livenessFailures = 0
    /// Probes that passed with nothing left to change and wait for the application's
    /// status to change before they tick again.
    var dormantProbes: Set<ProbeKind> = []

    init(
        uid: Int, name: String, namespace: String, labels: OrderedDictionary<String, String>, spec: PodSpec,
        owner: String, ordinal: Int, revision: Int, role: GridRole, createdAt: SimTime
    ) {
        self.uid = uid
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.spec = spec
        self.owner = owner
        self.ordinal = ordinal
        self.revision = revision
        self.role = role
        self.createdAt = createdAt
    }

    /// `namespace/name`.
    public var key: String { "\(namespace)/\(name)" }

    /// True when the pod is Running and Ready (the StatefulSet controller's test).
    public var isRunningAndReady: Bool { phase == .running && ready }

    /// Its revision when it is Running and Ready with its containers running (settled, as
    /// a fault's heal check waits for), else nil.
    var settledRevision: Int? { isRunningAndReady && stage == .running ? revision : nil }

    /// The STATUS column of `kubectl get pods`.
    public var statusText: String {
        switch stage {
        case .unscheduled: return "Pending"
        case .creating:
            return spec.initContainers.isEmpty ? "ContainerCreating" : "Init:0/\(spec.initContainers.count)"
        case .initializing(let index): return "Init:\(index)/\(spec.initContainers.count)"
        case .initBackOff: return "Init:CrashLoopBackOff"
        case .starting, .running: return "Running"
        case .crashBackOff: return "CrashLoopBackOff"
        case .lost: return "Unknown"
        case .terminating: return "Terminating"
        case .exited(let exitCode): return exitCode == 0 ? "Completed" : "Error"
        }
    }

    /// What a Service's endpoints show of the pod: a change of it is a change for the
    /// endpoints controller.
    var endpointView: EndpointView {
        EndpointView(podIP: podIP, phase: phase, ready: ready, terminating: stage == .terminating, nodeName: nodeName)
    }

    struct EndpointView: Equatable {
        var podIP: IPv4Address?
        var phase: PodPhase
        var ready: Bool
        var terminating: Bool
        var nodeName: String?
    }

    /// The view kube-scheduler takes of the pod.
    var schedulingView: SchedulingPod {
        SchedulingPod(name: name, namespace: namespace, labels: labels, spec: spec)
    }
}
