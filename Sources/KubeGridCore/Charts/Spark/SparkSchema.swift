/// The values of the `insightedge-spark` chart (issue 14): one Spark application that
/// reads an InsightEdge Space, its driver run as a Job in client mode.
enum SparkSchema {
    static let defaultMainClass = "org.insightedge.examples.basic.LoadRdd"
    static let defaultJar = "local:///opt/gigaspaces/insightedge/examples/jars/insightedge-examples.jar"

    static let schema = ValuesSchema([
        CommonFields.nameOverride,
        CommonFields.fullnameOverride,
        CommonFields.image,
        SecurityFields.imagePullSecrets,
        ValueField("application", .object([
            ValueField("name", .string, default: "", "The application's name (`--name`; default: the release's full name)."),
            ValueField("mainClass", .string, default: .string(defaultMainClass), "The application's main class (`--class`)."),
            ValueField("jar", .string, default: .string(defaultJar),
                       "URL of the application jar: `local://` for a file in the image, or `https://`."),
            ValueField("arguments", .stringList, default: .list([]), "Arguments passed to the main class."),
        ]), "The Spark application."),
        ValueField("executor", .object([
            ValueField("instances", .integer(0...10_000), default: 2,
                       "Executors to run (`spark.executor.instances`); with dynamic allocation, the initial count."),
            ValueField("cores", .integer(1...1024), default: 1, "Cores of each executor (`spark.executor.cores`)."),
            ValueField("memory", .string, default: "1g",
                       "Heap of each executor (`spark.executor.memory`): a JVM size such as `512m` or `2g`; the pod asks for 10% more, at least 384 MiB."),
        ]), "The executors Spark creates as pods."),
        ValueField("dynamicAllocation", .object([
            ValueField("enabled", .boolean, default: false,
                       "Add executors while tasks wait and remove idle ones (`spark.dynamicAllocation.enabled`, with shuffle tracking since Kubernetes has no external shuffle service)."),
            ValueField("minExecutors", .integer(0...10_000), default: 0, "The fewest executors dynamic allocation keeps."),
            ValueField("maxExecutors", .integer(1...10_000), default: 4, "The most executors dynamic allocation runs."),
        ]), "Spark's dynamic allocation of executors."),
        ValueField("space", .object([
            ValueField("manager", .string, default: "",
                       "Release (or full name) of the grid's manager; the lookup locator is its headless Service `<manager>-insightedge-manager-hs` (default: this release's name)."),
            ValueField("name", .string, default: "",
                       "The Space to read (`spark.insightedge.space.name`; default: the umbrella's Space of the manager's release, `<manager>-insightedge-pu`)."),
            ValueField("lookupGroups", .stringList, default: .list([]),
                       "Lookup groups (`spark.insightedge.space.lookup.group`); empty: found by the locator alone."),
        ]), "The InsightEdge Space the application reads."),
        ValueField("driver", .object([
            CommonFields.port("port", SparkDefaults.driverPort, "The driver's RPC port (`spark.driver.port`), which executors connect to."),
            CommonFields.port("blockManagerPort", SparkDefaults.blockManagerPort, "The driver's block manager port (`spark.driver.blockManager.port`)."),
            ValueField("backoffLimit", .integer(0...100), default: 0,
                       "Times the Job reruns a failed driver; 0 so a failed application is reported, not rerun behind your back."),
            CommonFields.resources(memoryLimit: "1Gi", of: "the driver container"),
        ]), "The driver, run by a Job in client mode."),
        ValueField("sparkConf", .stringMap, default: [:],
                   "More Spark settings (`--conf key=value`), written after the chart's own in key order."),
        CommonFields.nodeSelector,
        SecurityFields.serviceAccount,
        ValueField("rbac", .object([
            ValueField("create", .boolean, default: true,
                       "A Role that lets the driver's ServiceAccount create, watch and delete its executor pods, their services and config maps, and its RoleBinding."),
        ]), "Role-based access control."),
        SecurityFields.securityContext,
        ValueField("sparkOperator", .object([
            ValueField("enabled", .boolean, default: false,
                       "Render a `sparkoperator.k8s.io/v1beta2` SparkApplication for the Kubeflow Spark operator instead of the driver Job and its Service."),
            ValueField("sparkVersion", .string, default: "2.4.5",
                       "The Spark version the image bundles (the operator requires it)."),
        ]), "The Kubeflow Spark operator."),
    ])
}
