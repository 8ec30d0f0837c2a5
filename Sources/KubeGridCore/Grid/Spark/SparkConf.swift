/// The `--conf` settings of a driver's command line: the ones Kubernetes, dynamic
/// allocation and InsightEdge need, typed, and every other one kept as written, in order.
public struct SparkConf: Sendable, Hashable {
    /// `spark.kubernetes.namespace`.
    public var namespace: String?
    /// `spark.kubernetes.authenticate.driver.serviceAccountName`.
    public var driverServiceAccount: String?
    /// `spark.kubernetes.driver.pod.name`.
    public var driverPodName: String?
    /// `spark.kubernetes.container.image`: the executors' image.
    public var executorImage: String?
    /// `spark.kubernetes.executor.podNamePrefix`.
    public var executorPodNamePrefix: String?
    /// `spark.executor.instances`.
    public var executorInstances: Int?
    /// `spark.executor.cores`.
    public var executorCores: Int?
    /// `spark.executor.memory`, as written (a JVM size: `2g`, `512m`).
    public var executorMemory: String?
    /// `spark.dynamicAllocation.*`.
    public var dynamicAllocation = DynamicAllocation()
    /// `spark.driver.host`.
    public var driverHost: String?
    /// `spark.driver.port`.
    public var driverPort: Int?
    /// `spark.driver.blockManager.port`.
    public var blockManagerPort: Int?
    /// `spark.insightedge.space.name`.
    public var spaceName: String?
    /// `spark.insightedge.space.lookup.locator`, split at commas.
    public var lookupLocators: [String] = []
    /// `spark.insightedge.space.lookup.group`, split at commas.
    public var lookupGroups: [String] = []
    /// Every other `--conf`, in the order given; a key given again keeps its first place
    /// and takes the later value, as Spark's configuration map does.
    public var other: [Setting] = []

    /// One `key=value` setting.
    public struct Setting: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Spark's dynamic allocation settings.
    public struct DynamicAllocation: Sendable, Hashable {
        /// `spark.dynamicAllocation.enabled`.
        public var enabled: Bool?
        /// `spark.dynamicAllocation.minExecutors`.
        public var minExecutors: Int?
        /// `spark.dynamicAllocation.maxExecutors`.
        public var maxExecutors: Int?
        /// `spark.dynamicAllocation.initialExecutors`.
        public var initialExecutors: Int?
        /// `spark.dynamicAllocation.shuffleTracking.enabled`.
        public var shuffleTracking: Bool?

        public init(
            enabled: Bool? = nil, minExecutors: Int? = nil, maxExecutors: Int? = nil, initialExecutors: Int? = nil,
            shuffleTracking: Bool? = nil
        ) {
            self.enabled = enabled
            self.minExecutors = minExecutors
            self.maxExecutors = maxExecutors
            self.initialExecutors = initialExecutors
            self.shuffleTracking = shuffleTracking
        }

        /// Whether executors come and go with the work (Spark's default: off).
        public var isOn: Bool { enabled ?? false }
        /// Spark's defaults: min 0, max unbounded, initial the larger of min and
        /// `spark.executor.instances`.
        public var effectiveMin: Int { minExecutors ?? 0 }
        public var effectiveMax: Int { maxExecutors ?? Int.max }
        public func effectiveInitial(executorInstances: Int?) -> Int {
            max(initialExecutors ?? effectiveMin, effectiveMin, executorInstances ?? 0)
        }
    }

    public init() {}

    /// The value of `key`, typed or not, as it would be written.
    public subscript(key: String) -> String? {
        if let typed = SparkConfKey(rawValue: key) {
            return Self.fields.first { $0.key == typed }?.text(self)
        }
        return other.first { $0.key == key }?.value
    }

    /// Executors at the start: with dynamic allocation its initial count, else
    /// `spark.executor.instances` (Spark's default 2).
    public var initialExecutors: Int {
        dynamicAllocation.isOn
            ? dynamicAllocation.effectiveInitial(executorInstances: executorInstances) : (executorInstances ?? 2)
    }

    /// Cores per executor (Spark's default 1).
    public var effectiveExecutorCores: Int { executorCores ?? 1 }

    /// Heap per executor in MiB (Spark's default 1g); nil when the value is not a JVM size.
    public var executorMemoryMiB: Int? { JVMSize.mebibytes(executorMemory ?? "1g") }

    /// The memory an executor pod requests: the heap plus Spark's overhead, a tenth of the
    /// heap and at least 384 MiB.
    public var executorPodMemoryMiB: Int? {
        executorMemoryMiB.map { heap in
            heap + max(Int(Double(heap) * SparkDefaults.memoryOverheadFactor), SparkDefaults.memoryOverheadMinMiB)
        }
    }

    /// Sets `key` to `value`: a typed key is read into its field (throws when the value is
    /// not of its type), any other kept in ``other``.
    public mutating func set(_ key: String, _ value: String) throws(SparkSubmitError) {
        if let typed = SparkConfKey(rawValue: key), let field = Self.fields.first(where: { $0.key == typed }) {
            try field.read(&self, value)
            return
        }
        if let index = other.firstIndex(where: { $0.key == key }) {
            other[index].value = value
        } else {
            other.append(Setting(key: key, value: value))
        }
    }

    /// Every setting as `key=value`: the typed ones that are set, in the order of
    /// ``fields``, then the others in their order.
    public var settings: [Setting] {
        Self.fields.compactMap { field in field.text(self).map { Setting(key: field.key.rawValue, value: $0) } } + other
    }

    /// The typed settings, in the order the writer emits them.
    public static let fields: [SparkConfField] = [
        .text(.namespace, \.namespace), .text(.driverServiceAccount, \.driverServiceAccount),
        .text(.driverPodName, \.driverPodName), .text(.containerImage, \.executorImage),
        .text(.executorPodNamePrefix, \.executorPodNamePrefix),
        .integer(.executorInstances, \.executorInstances), .integer(.executorCores, \.executorCores),
        .size(.executorMemory, \.executorMemory),
        .boolean(.dynamicAllocationEnabled, \.dynamicAllocation.enabled),
        .integer(.dynamicAllocationMinExecutors, \.dynamicAllocation.minExecutors),
        .integer(.dynamicAllocationMaxExecutors, \.dynamicAllocation.maxExecutors),
        .integer(.dynamicAllocationInitialExecutors, \.dynamicAllocation.initialExecutors),
        .boolean(.dynamicAllocationShuffleTracking, \.dynamicAllocation.shuffleTracking),
        .text(.driverHost, \.driverHost), .integer(.driverPort, \.driverPort),
        .integer(.driverBlockManagerPort, \.blockManagerPort),
        .text(.spaceName, \.spaceName), .list(.lookupLocators, \.lookupLocators), .list(.lookupGroups, \.lookupGroups),
    ]
}

/// One typed `--conf` setting: its key, and how its value moves between text and the field.
public struct SparkConfField: Sendable {
    public let key: SparkConfKey
    let read: @Sendable (inout SparkConf, String) throws(SparkSubmitError) -> Void
    let text: @Sendable (SparkConf) -> String?

    static func text(_ key: SparkConfKey, _ path: WritableKeyPath<SparkConf, String?> & Sendable) -> Self {
        Self(key: key, read: { conf, value in conf[keyPath: path] = value }, text: { $0[keyPath: path] })
    }

    /// A JVM size (`512m`, `2g`): refused when Spark could not read it.
    static func size(_ key: SparkConfKey, _ path: WritableKeyPath<SparkConf, String?> & Sendable) -> Self {
        Self(
            key: key,
            read: { (conf: inout SparkConf, value: String) throws(SparkSubmitError) in
                guard JVMSize.mebibytes(value) != nil else { throw .badConfValue(key.rawValue, value, expected: "a size such as 512m or 2g") }
                conf[keyPath: path] = value
            }, text: { $0[keyPath: path] })
    }

    static func integer(_ key: SparkConfKey, _ path: WritableKeyPath<SparkConf, Int?> & Sendable) -> Self {
        Self(
            key: key,
            read: { (conf: inout SparkConf, value: String) throws(SparkSubmitError) in
                guard let number = Int(value), number >= 0 else {
                    throw .badConfValue(key.rawValue, value, expected: "a whole number")
                }
                conf[keyPath: path] = number
            }, text: { $0[keyPath: path].map(String.init) })
    }

    /// `true` or `false` in any case, as Scala's `toBoolean` reads them.
    static func boolean(_ key: SparkConfKey, _ path: WritableKeyPath<SparkConf, Bool?> & Sendable) -> Self {
        Self(
            key: key,
            read: { (conf: inout SparkConf, value: String) throws(SparkSubmitError) in
                switch value.lowercased() {
                case "true": conf[keyPath: path] = true
                case "false": conf[keyPath: path] = false
                default: throw .badConfValue(key.rawValue, value, expected: "true or false")
                }
            }, text: { $0[keyPath: path].map { $0 ? "true" : "false" } })
    }

    /// A comma-separated list; empty items are dropped, an empty list is not written.
    static func list(_ key: SparkConfKey, _ path: WritableKeyPath<SparkConf, [String]> & Sendable) -> Self {
        Self(
            key: key,
            read: { conf, value in conf[keyPath: path] = value.split(separator: ",").map(String.init) },
            text: { $0[keyPath: path].isEmpty ? nil : $0[keyPath: path].joined(separator: ",") })
    }
}

/// JVM sizes as Spark reads them for memory (`JavaUtils.byteStringAsMb`): a whole number
/// with an optional unit `b`, `k`, `m`, `g`, `t`, `p` (or `kb`, `mb`, …), MiB without one.
enum JVMSize {
    static func mebibytes(_ text: String) -> Int? {
        let lower = text.lowercased()
        let digits = lower.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let kibibytesPerUnit: [String: Double] = [
            "b": 1.0 / 1024, "k": 1, "kb": 1, "m": 1024, "mb": 1024, "g": 1024 * 1024, "gb": 1024 * 1024,
            "t": 1024 * 1024 * 1024, "tb": 1024 * 1024 * 1024, "p": 1024 * 1024 * 1024 * 1024,
            "pb": 1024 * 1024 * 1024 * 1024, "": 1024,
        ]
        guard let perUnit = kibibytesPerUnit[String(lower.dropFirst(digits.count))] else { return nil }
        return Int(Double(number) * perUnit / 1024)
    }
}
