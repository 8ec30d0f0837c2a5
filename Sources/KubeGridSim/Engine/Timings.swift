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

    public init() {}

    /// The kubelet's back-off after `failures` failures in a row.
    func backOff(failures: Int) -> SimTime {
        var delay = backOffInitial
        for _ in 1..<max(failures, 1) where delay < backOffLimit { delay = delay * 2 }
        return min(delay, backOffLimit)
    }
}
