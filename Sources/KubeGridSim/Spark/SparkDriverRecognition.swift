import KubeGridCore
import OrderedCollections

/// How the simulation tells a Spark driver pod and reads what it asks for: the one role
/// recogniser lint shares (``GridMember``) and the Spark contract's `spark-submit` parser
/// (``SparkSubmit``), never a parser of its own.
enum SparkDriverRecognition {
    static let appSelectorLabel = GridLabels.sparkAppSelector

    /// The driver's request, when the pod is a Spark driver whose command line reads.
    static func spec(of podSpec: PodSpec, labels: OrderedDictionary<String, String>, namespace: String) -> SparkJobSpec? {
        guard let submit = submit(of: podSpec, labels: labels), submit.runsOnKubernetes else { return nil }
        let conf = submit.conf
        let allocation = conf.dynamicAllocation
        let name = submit.appNameLabel ?? "spark"
        return SparkJobSpec(
            appName: name.isEmpty ? "spark" : name, namespace: conf.namespace ?? namespace,
            serviceAccount: podSpec.serviceAccountName ?? conf.driverServiceAccount ?? "default",
            executorImage: conf.executorImage, executorInstances: conf.executorInstances ?? 2,
            executorCores: conf.effectiveExecutorCores, executorPodMemoryMiB: conf.executorPodMemoryMiB ?? 1408,
            dynamicAllocation: allocation.isOn, minExecutors: allocation.effectiveMin,
            // Spark's default maximum is unbounded; one executor per task is all the work can use.
            maxExecutors: min(allocation.effectiveMax, 10_000),
            executorIdleTimeout: conf["spark.dynamicAllocation.executorIdleTimeout"].flatMap(duration) ?? .seconds(60),
            spaceName: conf.spaceName ?? "", lookupLocators: conf.lookupLocators,
            taskMaxFailures: conf["spark.task.maxFailures"].flatMap { Int($0) } ?? 4,
            executorPodNamePrefix: conf.executorPodNamePrefix)
    }

    /// The driver's command line: the container arguments the recogniser read, or a
    /// container whose command and arguments together are `spark-submit`.
    static func submit(of podSpec: PodSpec, labels: OrderedDictionary<String, String>) -> SparkSubmit? {
        let recognised = GridMember.recognise(containerArgs: podSpec.containers.map(\.args), labels: labels)
        guard case .sparkDriver(let submit) = recognised.member else {
            // A command line in `command` alone is not among the arguments the recogniser reads.
            let lines = podSpec.containers.map { $0.command + $0.args }
            return lines.first(where: SparkSubmit.looksLikeSubmit).flatMap { try? SparkSubmit(parsing: $0) }
        }
        if let submit { return submit }
        let lines = podSpec.containers.map { $0.command + $0.args }
        return lines.first(where: SparkSubmit.looksLikeSubmit).flatMap { try? SparkSubmit(parsing: $0) }
    }

    /// Spark's time notation: `60s`, `500ms`, `2min`, `1h`, a bare number of seconds.
    static func duration(_ text: String) -> SimTime? {
        let units: [(String, Int)] = [("ms", 1), ("min", 60_000), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (unit, milliseconds) in units where text.hasSuffix(unit) {
            guard let value = Int(text.dropLast(unit.count)) else { return nil }
            return .milliseconds(value * milliseconds)
        }
        return Int(text).map { .seconds($0) }
    }

    /// `spark.kubernetes.executor.podNamePrefix`'s default: the app name and the app id's tail.
    static func podNamePrefix(appName: String, appID: String) -> String {
        let tail = appID.split(separator: "-").last.map(String.init) ?? appID
        return "\(appName)-\(tail.prefix(16))"
    }

    static func executorLabels(appID: String, appName: String, executorID: Int) -> OrderedDictionary<String, String> {
        var labels = SparkPodLabels(role: .executor, appSelector: appID, appName: appName, executorId: executorID).labels
        labels["spark-exec-resourceprofile-id"] = "0"
        return labels
    }
}
