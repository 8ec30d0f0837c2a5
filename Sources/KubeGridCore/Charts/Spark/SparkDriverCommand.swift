/// The driver's `spark-submit` command line for a release (the Spark contract,
/// ``SparkSubmit``): client mode inside the Job's pod, executors named after the release
/// and labelled with its labels, the driver reached through its headless Service, and the
/// Space found through the manager's lookup service.
struct SparkDriverCommand {
    let objects: SparkObjects

    var values: SparkValues { objects.values }

    /// The pod's own name and address, which Kubernetes puts in the arguments (`$(VAR)`).
    static let podNameVariable = "SPARK_DRIVER_POD_NAME"

    var submit: SparkSubmit {
        var conf = SparkConf()
        conf.namespace = objects.naming.namespace
        conf.driverServiceAccount = objects.serviceAccountName
        conf.driverPodName = "$(\(Self.podNameVariable))"
        conf.executorImage = values.image.reference
        conf.executorPodNamePrefix = objects.fullname
        conf.executorInstances = values.executorInstances
        conf.executorCores = values.executorCores
        conf.executorMemory = values.executorMemory
        if values.dynamicAllocation {
            conf.dynamicAllocation = .init(
                enabled: true, minExecutors: values.minExecutors, maxExecutors: values.maxExecutors, shuffleTracking: true)
        }
        conf.driverHost = objects.driverHost
        conf.driverPort = values.driverPort
        conf.blockManagerPort = values.blockManagerPort
        conf.spaceName = objects.spaceName
        conf.lookupLocators = [objects.lookupLocator]
        conf.lookupGroups = values.lookupGroups
        conf.other = otherSettings
        return SparkSubmit(
            appName: objects.appName, mainClass: values.mainClass, jar: values.jar, arguments: values.arguments, conf: conf)
    }

    /// The image's pull settings and the release's labels for the executors, then the
    /// user's `sparkConf` (a key the chart sets is set again, and the later value wins).
    private var otherSettings: [SparkConf.Setting] {
        var settings = [SparkConf.Setting(key: "spark.kubernetes.container.image.pullPolicy", value: values.image.pullPolicy)]
        if !values.security.imagePullSecrets.isEmpty {
            settings.append(.init(
                key: "spark.kubernetes.container.image.pullSecrets",
                value: values.security.imagePullSecrets.joined(separator: ",")))
        }
        for (key, value) in objects.releaseLabels {
            settings.append(.init(key: "spark.kubernetes.executor.label.\(key)", value: value))
        }
        for (key, value) in values.sparkConf {
            settings.append(.init(key: key, value: value))
        }
        return settings
    }
}
