/// What Spark on Kubernetes uses when the command line leaves it out, and the fixed values
/// of the contract between the Spark chart and the simulated driver.
public enum SparkDefaults {
    /// The API server as a pod in the cluster reaches it (`spark.master` for a driver in a pod).
    public static let inClusterMaster = "k8s://https://kubernetes.default.svc:443"
    /// The InsightEdge submit script in the `gigaspaces/insightedge-enterprise` image: Spark's
    /// `spark-submit` with the InsightEdge jars on the class path.
    public static let submitProgram = "/opt/gigaspaces/insightedge/bin/insightedge-submit"
    /// The port the driver's RPC endpoint listens on (Spark's `DEFAULT_DRIVER_PORT`); the
    /// driver Service names it `driver-rpc-port`.
    public static let driverPort = 7078
    /// The driver's block manager port (Spark's `DEFAULT_BLOCKMANAGER_PORT`).
    public static let blockManagerPort = 7079
    /// Spark's minimum memory overhead of a pod on top of the JVM heap, in MiB.
    public static let memoryOverheadMinMiB = 384
    /// Spark's memory overhead factor for JVM jobs: a tenth of the heap.
    public static let memoryOverheadFactor = 0.10
}
