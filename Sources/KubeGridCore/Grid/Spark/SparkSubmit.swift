/// A driver's `spark-submit` command line, typed: the contract between the Spark chart,
/// which writes it into the driver Job's container, and the simulated driver, which reads
/// it back to know what to run, where the Space is and how many executors to create.
///
/// ``argv`` writes it; ``init(parsing:)`` reads it (with or without the program first) and
/// names the argument it cannot read. `init(parsing: x.argv) == x` for every value.
public struct SparkSubmit: Sendable, Hashable {
    /// `--master`: `k8s://` and the API server's URL.
    public var master: String
    /// `--deploy-mode`.
    public var deployMode: DeployMode
    /// `--name`: the application's name.
    public var appName: String?
    /// `--class`: the application's main class.
    public var mainClass: String?
    /// The application jar's URL (the primary resource): `local://`, `https://`, …
    public var jar: String
    /// The application's own arguments, after the jar.
    public var arguments: [String]
    /// The `--conf` settings.
    public var conf: SparkConf

    /// Where the driver runs.
    public enum DeployMode: String, Sendable, Hashable, CaseIterable {
        /// In the process that runs `spark-submit`: here, the driver Job's pod.
        case client
        /// In a pod `spark-submit` creates.
        case cluster
    }

    public init(
        master: String = SparkDefaults.inClusterMaster, deployMode: DeployMode = .client, appName: String? = nil,
        mainClass: String? = nil, jar: String, arguments: [String] = [], conf: SparkConf = SparkConf()
    ) {
        self.master = master
        self.deployMode = deployMode
        self.appName = appName
        self.mainClass = mainClass
        self.jar = jar
        self.arguments = arguments
        self.conf = conf
    }

    /// The command line after the program: `--master`, `--deploy-mode`, `--name`,
    /// `--class`, each `--conf key=value`, the jar, the application's arguments.
    public var argv: [String] {
        var argv = ["--master", master, "--deploy-mode", deployMode.rawValue]
        if let appName { argv += ["--name", appName] }
        if let mainClass { argv += ["--class", mainClass] }
        for setting in conf.settings { argv += ["--conf", "\(setting.key)=\(setting.value)"] }
        return argv + [jar] + arguments
    }

    /// The whole command: the program, then ``argv``.
    public var command: [String] { [SparkDefaults.submitProgram] + argv }

    /// Whether the master is a Kubernetes API server (`k8s://…`).
    public var runsOnKubernetes: Bool { master.hasPrefix("k8s://") }

    /// The `spark-app-name` label value of the application's pods.
    public var appNameLabel: String? { appName.map(SparkPodLabels.appNameLabel) }

    /// The labels of an executor pod of this application, as Spark writes them.
    public func executorLabels(appSelector: String, executorId: Int) -> SparkPodLabels {
        SparkPodLabels(role: .executor, appSelector: appSelector, appName: appNameLabel, executorId: executorId)
    }
}
