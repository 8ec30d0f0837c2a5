/// Everything that can happen on the virtual clock. Events about a pod carry its `uid`
/// and container `generation`; a handler ignores an event whose pod has since been
/// deleted or restarted.
enum SimEvent: Sendable {
    /// The StatefulSet controller reconciles one StatefulSet.
    case syncStatefulSet(String)
    /// The scheduler works through its queue.
    case schedulingCycle
    /// kube-scheduler's periodic retry of pods it could not place.
    case retryUnschedulable
    /// The sandbox of a bound pod is ready: containers can start.
    case sandboxReady(uid: Int, generation: Int)
    /// Init container `index` of a pod finished its work.
    case initContainerDone(uid: Int, generation: Int, index: Int)
    /// `check-manager-ready` asks the manager's REST API again; it gives up at `deadline`.
    /// It carries the check as parsed from the container's arguments when it started
    /// (boxed, so it does not double every event's size): parsing them is most of a check.
    indirect case managerCheck(uid: Int, generation: Int, index: Int, check: ManagerCheck, deadline: SimTime)
    /// A failed init container is started again after its back-off.
    case restartInitContainer(uid: Int, generation: Int, index: Int)
    /// A failed main container is started again after its back-off.
    case restartContainer(uid: Int, generation: Int)
    /// The application in the pod's main container finished starting.
    case applicationStarted(uid: Int, generation: Int)
    /// A readiness or liveness probe runs.
    case probe(uid: Int, generation: Int, kind: ProbeKind)
    /// A Space instance tries to register in the lookup service again.
    case retryRegistration(uid: Int, generation: Int)
    /// A backup finished copying its primary's objects (`attempt` tells recoveries apart).
    case recoveryDone(uid: Int, generation: Int, attempt: Int)
    /// The backups of a partition notice that its primary is gone (`epoch` is the
    /// partition's epoch when the primary left; a later change makes the event stale).
    case primaryLossDetected(space: String, partition: Int, epoch: Int)
    /// With `--failback`, the original primary takes its role back.
    case failback(space: String, partition: Int, epoch: Int)
    /// The node controller marks a silent node NotReady (`incarnation` tells losses apart).
    case nodeNotReady(node: String, incarnation: Int)
    /// A lost node's `Node` object is deleted.
    case nodeRemoved(node: String, incarnation: Int)
    /// A replacement machine joins under the lost node's name.
    case nodeRejoined(node: String, incarnation: Int)
    /// A Terminating pod's containers have stopped (or its grace period ran out): the
    /// kubelet deletes it for good.
    case terminationDone(uid: Int, generation: Int)
    /// `kubectl drain` tries its evictions again, or looks whether the node is empty.
    case drainStep
    /// A paused Space instance answers again.
    case instanceResumed(uid: Int)
    /// A network partition heals.
    case networkHealed
    /// A client starts its next operation.
    case clientInvoke(client: Int)
    /// A client's call in flight completes.
    case clientComplete(client: Int)
    /// A client's proxy tries an operation again (after a failed call or lookup).
    case clientRetry(client: Int)
    /// A Spark driver's tick: executors up or down, tasks onto free cores (`SparkController`).
    case sparkTick(driver: String)
    /// A Spark executor's read of a partition completes (or its proxy tries again).
    case sparkTaskRead(driver: String, partition: Int, attempt: Int)
}

/// Which probe runs.
enum ProbeKind: String, Sendable {
    case readiness = "Readiness"
    case liveness = "Liveness"
}
