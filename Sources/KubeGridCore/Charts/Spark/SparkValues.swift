import OrderedCollections

/// The typed values of the `insightedge-spark` chart.
public struct SparkValues: Sendable, Hashable {
    public var nameOverride: String?
    public var fullnameOverride: String?
    public var image: ImageSettings
    public var appName: String?
    public var mainClass: String
    public var jar: String
    public var arguments: [String]
    public var executorInstances: Int
    public var executorCores: Int
    public var executorMemory: String
    public var dynamicAllocation: Bool
    public var minExecutors: Int
    public var maxExecutors: Int
    /// `space.manager`, when set; the release name otherwise.
    public var spaceManager: String?
    public var spaceName: String?
    public var lookupGroups: [String]
    public var driverPort: Int
    public var blockManagerPort: Int
    public var backoffLimit: Int
    public var driverResources: ResourceSettings
    public var sparkConf: OrderedDictionary<String, String>
    public var nodeSelector: OrderedDictionary<String, String>
    /// ServiceAccount, RBAC, security contexts (the license and NetworkPolicy keys are not this chart's).
    public var security: SecuritySettings
    public var sparkOperator: Bool
    public var sparkVersion: String

    /// Reads values the Spark schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        nameOverride = reader.optionalString("nameOverride")
        fullnameOverride = reader.optionalString("fullnameOverride")
        image = ImageSettings(reader.object("image"))
        let application = reader.object("application")
        appName = application.optionalString("name")
        mainClass = application.string("mainClass")
        jar = application.string("jar")
        arguments = application.stringList("arguments")
        let executor = reader.object("executor")
        executorInstances = executor.int("instances")
        executorCores = executor.int("cores")
        executorMemory = executor.string("memory")
        let allocation = reader.object("dynamicAllocation")
        dynamicAllocation = allocation.bool("enabled")
        minExecutors = allocation.int("minExecutors")
        maxExecutors = allocation.int("maxExecutors")
        let space = reader.object("space")
        spaceManager = space.optionalString("manager")
        spaceName = space.optionalString("name")
        lookupGroups = space.stringList("lookupGroups")
        let driver = reader.object("driver")
        driverPort = driver.int("port")
        blockManagerPort = driver.int("blockManagerPort")
        backoffLimit = driver.int("backoffLimit")
        driverResources = ResourceSettings(driver.object("resources"))
        // Helm ranges over a map in key order; the conf is written the same way.
        sparkConf = OrderedDictionary(uniqueKeysWithValues: reader.stringMap("sparkConf").sorted { $0.key < $1.key })
        nodeSelector = reader.stringMap("nodeSelector")
        security = SecuritySettings(reader)
        let sparkOperatorReader = reader.object("sparkOperator")
        sparkOperator = sparkOperatorReader.bool("enabled")
        sparkVersion = sparkOperatorReader.string("sparkVersion")
    }

    func naming(release: ReleaseOptions) -> ReleaseNaming {
        ReleaseNaming(
            release: release.name, namespace: release.namespace, chartName: SparkChart.name,
            nameOverride: nameOverride, fullnameOverride: fullnameOverride)
    }

    /// The `--conf` keys the chart writes itself, each with where its value comes from: a
    /// second value in `sparkConf` would override the chart behind its back.
    static let chartOwnedConf: [String: String] = [
        SparkConfKey.namespace.rawValue: "the release's namespace",
        SparkConfKey.driverServiceAccount.rawValue: "serviceAccount.name",
        SparkConfKey.driverPodName.rawValue: "the driver pod's name",
        SparkConfKey.containerImage.rawValue: "image",
        SparkConfKey.executorPodNamePrefix.rawValue: "the release's full name",
        SparkConfKey.executorInstances.rawValue: "executor.instances",
        SparkConfKey.executorCores.rawValue: "executor.cores",
        SparkConfKey.executorMemory.rawValue: "executor.memory",
        SparkConfKey.dynamicAllocationEnabled.rawValue: "dynamicAllocation.enabled",
        SparkConfKey.dynamicAllocationMinExecutors.rawValue: "dynamicAllocation.minExecutors",
        SparkConfKey.dynamicAllocationMaxExecutors.rawValue: "dynamicAllocation.maxExecutors",
        SparkConfKey.dynamicAllocationShuffleTracking.rawValue: "dynamicAllocation.enabled",
        SparkConfKey.driverHost.rawValue: "the driver's Service",
        SparkConfKey.driverPort.rawValue: "driver.port",
        SparkConfKey.driverBlockManagerPort.rawValue: "driver.blockManagerPort",
        SparkConfKey.spaceName.rawValue: "space.name",
        SparkConfKey.lookupLocators.rawValue: "space.manager",
        SparkConfKey.lookupGroups.rawValue: "space.lookupGroups",
        "spark.kubernetes.container.image.pullPolicy": "image.pullPolicy",
        "spark.kubernetes.container.image.pullSecrets": "imagePullSecrets",
    ]

    /// Spark's limit on an executor pod name prefix: `<prefix>-exec-<id>` must stay a
    /// 63-character DNS label for any executor id.
    static let executorPrefixLimit = 47

    /// The chart's rules beyond single keys; `fullname` is the release's full name, which
    /// prefixes the executor pods.
    func ruleDiagnostics(fullname: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if JVMSize.mebibytes(executorMemory) == nil {
            diagnostics.append(Diagnostic(
                .error, rule: "KG001", path: ValuePath(dotted: "executor.memory"),
                "\"\(executorMemory)\" is not a JVM size; write a whole number with k, m, g or t, such as 512m or 2g"))
        }
        for key in sparkConf.keys where Self.chartOwnedConf[key] != nil {
            diagnostics.append(Diagnostic(
                .error, rule: "KG001", path: ValuePath(keys: ["sparkConf", key]),
                "\(key) is written by the chart from \(Self.chartOwnedConf[key]!); set that instead"))
        }
        if dynamicAllocation && minExecutors > maxExecutors {
            diagnostics.append(Diagnostic(
                .error, rule: "KG001", path: ValuePath(dotted: "dynamicAllocation.minExecutors"),
                "minExecutors (\(minExecutors)) is more than maxExecutors (\(maxExecutors)); raise dynamicAllocation.maxExecutors or lower minExecutors"))
        }
        if fullname.utf8.count > Self.executorPrefixLimit {
            diagnostics.append(Diagnostic(
                .error, rule: "KG001", path: ValuePath(dotted: "fullnameOverride"),
                "executor pods are named \"\(fullname)-exec-<id>\": the prefix is \(fullname.utf8.count) characters and Spark allows at most \(Self.executorPrefixLimit); shorten the release name or set fullnameOverride"))
        }
        return diagnostics
    }
}
