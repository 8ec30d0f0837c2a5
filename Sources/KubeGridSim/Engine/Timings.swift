/// How long things take on the virtual clock. Values follow what a small GigaSpaces
/// cluster on Kubernetes shows (a JVM that starts in tens of seconds, a manager that takes
/// longer than a Space instance), and Kubernetes' own defaults where it has them.
public struct Timings: Sendable {
    /// Pulling the image and creating the pod sandbox, before the first container starts.
    public var containerCreation = SimTime.seconds(2)
    /// A plain container (not a grid role) or a plain init container finishing its work.
    public var plainStartup = SimTime.seconds(1)
    /// A Management Pod's JVM start until its LUS, REST API and ZooKeeper member answer.
    public var managerStartup = SimTime.seconds(20)
    /// A Space instance's JVM start until it tries to register.
    public var spaceStartup = SimTime.seconds(15)
    /// Random extra start-up time, up to this much, drawn per start from the seed.
    public var startupJitter = SimTime.milliseconds(3000)
    /// How often `check-manager-ready` asks the manager's REST API.
    public var managerCheckInterval = SimTime.seconds(2)
    /// How often an instance retries registering when the lookup service is not up.
    public var registrationRetry = SimTime.seconds(5)
    /// A backup's recovery from its primary: a fixed part …
    public var recoveryBase = SimTime.seconds(1)
    /// … plus this much per thousand objects copied.
    public var recoveryPerThousandObjects = SimTime.milliseconds(200)
    /// How long a container takes to stop after SIGTERM (GigaSpaces' shutdown hook),
    /// unless the grace period is shorter.
    public var shutdown = SimTime.seconds(2)
    /// The kubelet's first restart back-off; it doubles per failure up to ``backOffLimit``.
    public var backOffInitial = SimTime.seconds(10)
    /// The kubelet's longest restart back-off (5 minutes).
    public var backOffLimit = SimTime.seconds(300)
    /// kube-scheduler's retry of unschedulable pods without a cluster change (5 minutes).
    public var unschedulableRetry = SimTime.seconds(300)
    /// A client call's round trip when the instance answers.
    public var operationLatency = SimTime.milliseconds(2)
    /// How long a client waits for a connection nobody answers before it gives up.
    public var connectTimeout = SimTime.seconds(3)
    /// Time between a client's operations.
    public var operationInterval = SimTime.milliseconds(10)
    /// How long a backup takes to notice that its primary is gone (GigaSpaces' failure
    /// detection: missed heartbeats), before it asks ZooKeeper to become primary.
    public var failureDetection = SimTime.seconds(8)
    /// How often a client's proxy asks the lookup service again while a partition has no
    /// primary it can reach (GigaSpaces' active-server lookup sampling).
    public var clientRetryInterval = SimTime.milliseconds(500)
    /// How long a client's proxy keeps retrying one operation before it gives up
    /// (GigaSpaces' active-server lookup timeout, 20 s).
    public var clientRetryTimeout = SimTime.seconds(20)
    /// How long the node controller waits for a silent node before it marks it NotReady
    /// and its pods Unknown (kube-controller-manager's `--node-monitor-grace-period`).
    public var nodeMonitorGracePeriod = SimTime.seconds(40)
    /// How long a NotReady node's `Node` object stays before it is deleted (the cloud
    /// provider's node controller, or an operator, removing a machine that is gone).
    public var nodeRemoval = SimTime.seconds(60)
    /// How long after a lost node is removed a replacement machine joins under its name.
    public var nodeReplacement = SimTime.seconds(30)
    /// How long after the original primary has recovered as backup it takes its role back,
    /// with `--failback`.
    public var failbackDelay = SimTime.seconds(1)
    /// How long the `pause` scenario's Space instance stops responding: longer than the
    /// failure detection delay, shorter than the liveness probe's failure window.
    public var pause = SimTime.seconds(12)
    /// How long the `partition` scenario's network partition lasts: longer than the failure
    /// detection delay (so the majority side promotes a backup), shorter than the node
    /// controller's grace period (the control plane still reaches every node).
    public var isolation = SimTime.seconds(20)
    /// How long a fault scenario waits for the grid to heal after one fault before it
    /// gives up on it.
    public var healTimeout = SimTime.seconds(900)
    /// The pause between a healed fault and the next one.
    public var faultGap = SimTime.seconds(2)

    public init() {}

    /// The kubelet's back-off after `failures` failures in a row.
    func backOff(failures: Int) -> SimTime {
        var delay = backOffInitial
        for _ in 1..<max(failures, 1) where delay < backOffLimit { delay = delay * 2 }
        return min(delay, backOffLimit)
    }
}
