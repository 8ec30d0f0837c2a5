/// The label vocabulary of the grid's pods and objects: the keys the charts set (charts.md,
/// "Names"), the values of the component labels, and the labels the StatefulSet controller
/// adds to each pod, which Services select single Space instances by.
public enum GridLabels {
    /// `app.kubernetes.io/name`: the chart name (or `nameOverride`).
    public static let name = "app.kubernetes.io/name"
    /// `app.kubernetes.io/instance`: the release.
    public static let instance = "app.kubernetes.io/instance"
    /// `app.kubernetes.io/component`: `manager` or `space`.
    public static let component = "app.kubernetes.io/component"
    /// The legacy `app` label, the chart name; Services select by it.
    public static let legacyApp = "app"
    /// The legacy `release` label.
    public static let legacyRelease = "release"
    /// The legacy `component` label, read by tools older than the `app.kubernetes.io` keys.
    public static let legacyComponent = "component"
    /// The label each workload's selector and anti-affinity use: the StatefulSet's name.
    public static let selectorId = "selectorId"
    /// The 1-based partition of a partitioned Space's pods.
    public static let partitionId = "partitionId"
    /// Set by the StatefulSet controller on each pod: the pod's name.
    public static let podName = "statefulset.kubernetes.io/pod-name"
    /// Set by the StatefulSet controller on each pod: the pod's ordinal.
    public static let podIndex = "apps.kubernetes.io/pod-index"

    /// The ``component`` of the Zeppelin notebook server's pods. Not a ``Component``: the
    /// grid charts' NetworkPolicies admit the grid's components, and the notebook is a client.
    public static let zeppelinComponent = "zeppelin"

    /// The values of ``component`` and ``legacyComponent``.
    public enum Component: String, Sendable, CaseIterable {
        /// Management Pods: Lookup Service, REST Manager, ZooKeeper.
        case manager
        /// Space instances.
        case space
    }
}

extension GridLabels {
    /// `spark-role`: what a Spark pod is (Spark's `SPARK_ROLE_LABEL`).
    public static let sparkRole = "spark-role"
    /// `spark-app-selector`: the Spark application id (Spark's `SPARK_APP_ID_LABEL`).
    public static let sparkAppSelector = "spark-app-selector"
    /// `spark-app-name`: the application's name as a label value (Spark's `SPARK_APP_NAME_LABEL`).
    public static let sparkAppName = "spark-app-name"
    /// `spark-exec-id`: an executor's number (Spark's `SPARK_EXECUTOR_ID_LABEL`).
    public static let sparkExecutorId = "spark-exec-id"

    /// The values of ``sparkRole``.
    public enum SparkRole: String, Sendable, CaseIterable {
        /// The pod running the application's `main` and Spark's scheduler.
        case driver
        /// A pod running tasks for the driver.
        case executor
    }
}
