/// The Spark configuration keys the contract types (`--conf key=value`), from Spark's
/// configuration reference, Spark on Kubernetes' and InsightEdge's.
public enum SparkConfKey: String, Sendable, CaseIterable {
    /// The namespace executors are created in.
    case namespace = "spark.kubernetes.namespace"
    /// The service account the driver calls the API server as (cluster mode names the
    /// driver pod's; in client mode it documents the pod's own).
    case driverServiceAccount = "spark.kubernetes.authenticate.driver.serviceAccountName"
    /// The driver's pod: executors are owned by it, so they go when it goes.
    case driverPodName = "spark.kubernetes.driver.pod.name"
    /// The image of the executors' container.
    case containerImage = "spark.kubernetes.container.image"
    /// The prefix of executor pod names (`<prefix>-exec-<id>`).
    case executorPodNamePrefix = "spark.kubernetes.executor.podNamePrefix"
    /// How many executors without dynamic allocation (`--num-executors`).
    case executorInstances = "spark.executor.instances"
    /// Cores per executor (`--executor-cores`).
    case executorCores = "spark.executor.cores"
    /// Heap per executor (`--executor-memory`), a JVM size such as `2g`.
    case executorMemory = "spark.executor.memory"
    /// Whether executors are added and removed with the work.
    case dynamicAllocationEnabled = "spark.dynamicAllocation.enabled"
    /// The fewest executors dynamic allocation keeps.
    case dynamicAllocationMinExecutors = "spark.dynamicAllocation.minExecutors"
    /// The most executors dynamic allocation asks for.
    case dynamicAllocationMaxExecutors = "spark.dynamicAllocation.maxExecutors"
    /// The executors dynamic allocation starts with.
    case dynamicAllocationInitialExecutors = "spark.dynamicAllocation.initialExecutors"
    /// Shuffle tracking, which lets dynamic allocation work without an external shuffle
    /// service (Kubernetes has none).
    case dynamicAllocationShuffleTracking = "spark.dynamicAllocation.shuffleTracking.enabled"
    /// The address executors reach the driver at: in client mode, the headless Service.
    case driverHost = "spark.driver.host"
    /// The driver's RPC port.
    case driverPort = "spark.driver.port"
    /// The driver's block manager port.
    case driverBlockManagerPort = "spark.driver.blockManager.port"
    /// The InsightEdge Space the job reads (`spark.insightedge.space.name`).
    case spaceName = "spark.insightedge.space.name"
    /// Where the Space's lookup service is: comma-separated `host[:port]`.
    case lookupLocators = "spark.insightedge.space.lookup.locator"
    /// The lookup groups: comma-separated.
    case lookupGroups = "spark.insightedge.space.lookup.group"
}
