import OrderedCollections

/// The labels Spark on Kubernetes puts on the pods it runs (`Constants.scala`): which role,
/// which application, which executor. The driver's pod carries them from the chart (in client
/// mode Spark does not create it); executor pods get them from the driver that creates them.
public struct SparkPodLabels: Sendable, Hashable {
    /// `spark-role`: `driver` or `executor`.
    public var role: GridLabels.SparkRole
    /// `spark-app-selector`: the application id; executors of one application share it.
    public var appSelector: String?
    /// `spark-app-name`: the application's name made a label value.
    public var appName: String?
    /// `spark-exec-id`: the executor's number, from 1 (executors only).
    public var executorId: Int?

    public init(role: GridLabels.SparkRole, appSelector: String? = nil, appName: String? = nil, executorId: Int? = nil) {
        self.role = role
        self.appSelector = appSelector
        self.appName = appName
        self.executorId = executorId
    }

    /// The Spark labels among `labels`; nil when `spark-role` is absent or not a role Spark sets.
    public init?(labels: OrderedDictionary<String, String>) {
        guard let role = labels[GridLabels.sparkRole].flatMap(GridLabels.SparkRole.init) else { return nil }
        self.role = role
        appSelector = labels[GridLabels.sparkAppSelector]
        appName = labels[GridLabels.sparkAppName]
        executorId = labels[GridLabels.sparkExecutorId].flatMap { Int($0) }
    }

    /// The labels, in the order Spark writes them: app selector, app name, role, executor id.
    public var labels: OrderedDictionary<String, String> {
        var labels: OrderedDictionary<String, String> = [:]
        if let appSelector { labels[GridLabels.sparkAppSelector] = appSelector }
        if let appName { labels[GridLabels.sparkAppName] = appName }
        labels[GridLabels.sparkRole] = role.rawValue
        if let executorId { labels[GridLabels.sparkExecutorId] = String(executorId) }
        return labels
    }

    /// The `spark-app-name` value Spark derives from an application name (its
    /// `KubernetesConf.getAppNameLabel`): trimmed, lower case, every character other than
    /// `a-z`, `0-9` and `-` made `-`, runs of `-` made one, cut to 63 characters, and no
    /// `-` at either end.
    public static func appNameLabel(_ name: String) -> String {
        var value = ""
        let trimmed = name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        for character in String(trimmed).lowercased() {
            let kept = ("a"..."z").contains(character) || ("0"..."9").contains(character) ? character : "-"
            if kept == "-" && value.last == "-" { continue }
            value.append(kept)
        }
        var cut = Substring(value.prefix(63))
        while cut.first == "-" { cut = cut.dropFirst() }
        while cut.last == "-" { cut = cut.dropLast() }
        return String(cut)
    }
}
