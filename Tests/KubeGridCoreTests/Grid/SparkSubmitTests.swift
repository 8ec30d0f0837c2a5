import OrderedCollections
import Testing

@testable import KubeGridCore

/// The Spark contract: a driver's command line written from the typed value reads back to
/// the same value, hand-written command lines read as `spark-submit` reads them, and what it
/// cannot read names the argument.
@Suite struct SparkSubmitTests {
    static let full: SparkSubmit = {
        var conf = SparkConf()
        conf.namespace = "grid"
        conf.driverServiceAccount = "job-insightedge-spark"
        conf.driverPodName = "$(SPARK_DRIVER_POD_NAME)"
        conf.executorImage = "gigaspaces/insightedge-enterprise:16.4.0"
        conf.executorPodNamePrefix = "job-insightedge-spark"
        conf.executorInstances = 2
        conf.executorCores = 1
        conf.executorMemory = "1g"
        conf.dynamicAllocation = .init(
            enabled: true, minExecutors: 1, maxExecutors: 4, initialExecutors: 2, shuffleTracking: true)
        conf.driverHost = "job-insightedge-spark-driver.grid.svc"
        conf.driverPort = 7078
        conf.blockManagerPort = 7079
        conf.spaceName = "demo"
        conf.lookupLocators = ["demo-insightedge-manager-hs"]
        conf.lookupGroups = ["xap-16.4.0"]
        conf.other = [.init(key: "spark.driver.bindAddress", value: "0.0.0.0"), .init(key: "spark.ui.enabled", value: "false")]
        return SparkSubmit(
            appName: "count-products", mainClass: "org.insightedge.examples.basic.LoadRdd",
            jar: "local:///opt/gigaspaces/insightedge/examples/jars/insightedge-examples.jar",
            arguments: ["--limit", "10"], conf: conf)
    }()

    static let values: [SparkSubmit] = [
        full,
        SparkSubmit(jar: "https://repo.example.com/app.jar"),
        SparkSubmit(master: "k8s://https://10.0.0.1:6443", deployMode: .cluster, appName: "a b", jar: "x.jar",
                    arguments: ["--", "-x", "y=z"]),
    ]

    @Test(arguments: values) func theWrittenCommandReadsBackToTheSameValue(_ submit: SparkSubmit) throws {
        #expect(try SparkSubmit(parsing: submit.argv) == submit)
        #expect(try SparkSubmit(parsing: submit.command) == submit)
        #expect(submit.command.first == SparkDefaults.submitProgram)
    }

    @Test func theWriterPutsOptionsConfJarAndArgumentsInOrder() {
        let argv = Self.full.argv
        #expect(Array(argv.prefix(8)) == [
            "--master", "k8s://https://kubernetes.default.svc:443", "--deploy-mode", "client",
            "--name", "count-products", "--class", "org.insightedge.examples.basic.LoadRdd",
        ])
        let confs = stride(from: 8, to: argv.count - 3, by: 2).map { argv[$0 + 1] }
        #expect(stride(from: 8, to: argv.count - 3, by: 2).allSatisfy { argv[$0] == "--conf" })
        #expect(confs == [
            "spark.kubernetes.namespace=grid",
            "spark.kubernetes.authenticate.driver.serviceAccountName=job-insightedge-spark",
            "spark.kubernetes.driver.pod.name=$(SPARK_DRIVER_POD_NAME)",
            "spark.kubernetes.container.image=gigaspaces/insightedge-enterprise:16.4.0",
            "spark.kubernetes.executor.podNamePrefix=job-insightedge-spark",
            "spark.executor.instances=2", "spark.executor.cores=1", "spark.executor.memory=1g",
            "spark.dynamicAllocation.enabled=true", "spark.dynamicAllocation.minExecutors=1",
            "spark.dynamicAllocation.maxExecutors=4", "spark.dynamicAllocation.initialExecutors=2",
            "spark.dynamicAllocation.shuffleTracking.enabled=true",
            "spark.driver.host=job-insightedge-spark-driver.grid.svc", "spark.driver.port=7078",
            "spark.driver.blockManager.port=7079", "spark.insightedge.space.name=demo",
            "spark.insightedge.space.lookup.locator=demo-insightedge-manager-hs",
            "spark.insightedge.space.lookup.group=xap-16.4.0",
            "spark.driver.bindAddress=0.0.0.0", "spark.ui.enabled=false",
        ])
        #expect(Array(argv.suffix(3)) == [
            "local:///opt/gigaspaces/insightedge/examples/jars/insightedge-examples.jar", "--limit", "10",
        ])
    }

    struct Reading: Sendable, CustomStringConvertible {
        var description: String
        var argv: [String]
        var check: @Sendable (SparkSubmit) -> Bool
    }

    static let readings: [Reading] = [
        Reading(description: "the spark-submit program by path, and --opt=value",
                argv: ["/opt/spark/bin/spark-submit", "--master=k8s://https://k:443", "--name=pi", "app.jar"]) {
            $0.master == "k8s://https://k:443" && $0.appName == "pi" && $0.jar == "app.jar" && $0.deployMode == .client
        },
        Reading(description: "shortcut options become their conf keys",
                argv: ["--master", "k8s://x", "--num-executors", "3", "--executor-cores", "2", "--executor-memory", "2g",
                       "--jars", "a.jar,b.jar", "app.jar"]) {
            $0.conf.executorInstances == 3 && $0.conf.executorCores == 2 && $0.conf.executorMemory == "2g"
                && $0.conf.other == [.init(key: "spark.jars", value: "a.jar,b.jar")]
        },
        Reading(description: "a later --conf wins, an untyped one keeps its first place",
                argv: ["--master", "k8s://x", "--conf", "a=1", "--conf", "spark.executor.instances=1", "--conf", "b=2",
                       "--conf", "a=3", "--conf", "spark.executor.instances=5", "app.jar"]) {
            $0.conf.executorInstances == 5 && $0.conf.other == [.init(key: "a", value: "3"), .init(key: "b", value: "2")]
        },
        Reading(description: "options stop at the jar; what follows is the application's, dashes included",
                argv: ["--master", "k8s://x", "app.jar", "--conf", "x", "--master"]) {
            $0.jar == "app.jar" && $0.arguments == ["--conf", "x", "--master"]
        },
        Reading(description: "a value with '=' in it, booleans in any case, lists split at commas",
                argv: ["--master", "k8s://x", "--conf", "spark.driver.extraJavaOptions=-Da=b",
                       "--conf", "spark.dynamicAllocation.enabled=TRUE",
                       "--conf", "spark.insightedge.space.lookup.locator=m1-hs:4174,m2-hs", "app.jar"]) {
            $0.conf["spark.driver.extraJavaOptions"] == "-Da=b" && $0.conf.dynamicAllocation.enabled == true
                && $0.conf.lookupLocators == ["m1-hs:4174", "m2-hs"]
                && $0.conf["spark.insightedge.space.lookup.locator"] == "m1-hs:4174,m2-hs"
        },
    ]

    @Test(arguments: readings) func handWrittenCommandLinesRead(_ reading: Reading) throws {
        let submit = try SparkSubmit(parsing: reading.argv)
        #expect(reading.check(submit))
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var description: String { argv.joined(separator: " ") }
        var argv: [String]
        var error: SparkSubmitError
        var message: String
    }

    static let refusals: [Refusal] = [
        Refusal(argv: ["--master", "k8s://x", "--conf"], error: .missingValue(option: "--conf"),
                message: "Missing argument for option '--conf'"),
        Refusal(argv: ["--master", "k8s://x", "--supervise", "app.jar"], error: .unknownOption("--supervise"),
                message: "Unrecognized option '--supervise'"),
        Refusal(argv: ["--master", "k8s://x", "--conf", "spark.ui.enabled", "app.jar"],
                error: .confWithoutEquals("spark.ui.enabled"), message: "Spark config without '=': spark.ui.enabled"),
        Refusal(argv: ["--master", "k8s://x", "--conf", "spark.executor.instances=two", "app.jar"],
                error: .badConfValue("spark.executor.instances", "two", expected: "a whole number"),
                message: "--conf spark.executor.instances=two: the value must be a whole number"),
        Refusal(argv: ["--master", "k8s://x", "--conf", "spark.dynamicAllocation.enabled=yes", "app.jar"],
                error: .badConfValue("spark.dynamicAllocation.enabled", "yes", expected: "true or false"),
                message: "--conf spark.dynamicAllocation.enabled=yes: the value must be true or false"),
        Refusal(argv: ["--master", "k8s://x", "--conf", "spark.executor.memory=lots", "app.jar"],
                error: .badConfValue("spark.executor.memory", "lots", expected: "a size such as 512m or 2g"),
                message: "--conf spark.executor.memory=lots: the value must be a size such as 512m or 2g"),
        Refusal(argv: ["--master", "k8s://x", "--num-executors", "-1", "app.jar"],
                error: .badOptionValue(option: "--num-executors", "-1", expected: "a whole number"),
                message: "--num-executors -1: the value must be a whole number"),
        Refusal(argv: ["--master", "k8s://x", "--deploy-mode", "local", "app.jar"], error: .badDeployMode("local"),
                message: "--deploy-mode local: Deploy mode must be either client or cluster"),
        Refusal(argv: ["--master", "k8s://x"], error: .noPrimaryResource,
                message: "Must specify a primary resource (JAR or Python or R file)"),
        Refusal(argv: ["--name", "x", "app.jar"], error: .noMaster,
                message: "--master is missing: give k8s://https://<API server>"),
        Refusal(argv: ["spark-submit"], error: .notASubmitCommand("spark-submit"),
                message: "\"spark-submit\" is not a spark-submit command: start with --master or the submit program"),
        Refusal(argv: ["java", "-jar", "x"], error: .notASubmitCommand("java"),
                message: "\"java\" is not a spark-submit command: start with --master or the submit program"),
    ]

    @Test(arguments: refusals) func unreadableCommandLinesNameTheArgument(_ refusal: Refusal) {
        #expect(throws: refusal.error) { try SparkSubmit(parsing: refusal.argv) }
        #expect(refusal.error.description == refusal.message)
    }

    @Test func executorSizingFollowsSparksDefaultsAndOverhead() {
        var conf = SparkConf()
        #expect(conf.initialExecutors == 2)
        #expect(conf.effectiveExecutorCores == 1)
        #expect(conf.executorMemoryMiB == 1024)
        #expect(conf.executorPodMemoryMiB == 1024 + 384)
        conf.executorMemory = "8g"
        #expect(conf.executorPodMemoryMiB == 8192 + 819)
        conf.executorMemory = "512"
        #expect(conf.executorMemoryMiB == 512)
        conf.executorInstances = 3
        conf.dynamicAllocation = .init(enabled: true, minExecutors: 1, maxExecutors: 6)
        #expect(conf.initialExecutors == 3)
        conf.dynamicAllocation.initialExecutors = 5
        #expect(conf.initialExecutors == 5)
        #expect(JVMSize.mebibytes("2048k") == 2)
        #expect(JVMSize.mebibytes("1t") == 1024 * 1024)
        #expect(JVMSize.mebibytes("1.5g") == nil)
        #expect(JVMSize.mebibytes("g") == nil)
    }

    @Test func podLabelsAreSparksAndReadBack() {
        let labels = Self.full.executorLabels(appSelector: "spark-0123abcd", executorId: 3)
        #expect(Array(labels.labels.keys) == ["spark-app-selector", "spark-app-name", "spark-role", "spark-exec-id"])
        #expect(labels.labels["spark-role"] == "executor")
        #expect(labels.labels["spark-app-name"] == "count-products")
        #expect(SparkPodLabels(labels: labels.labels) == labels)
        #expect(SparkPodLabels(labels: ["spark-role": "worker"]) == nil)
        #expect(SparkPodLabels.appNameLabel("  My_Job: Count  Products! ") == "my-job-count-products")
        #expect(SparkPodLabels.appNameLabel(String(repeating: "a", count: 62) + "-bc") == String(repeating: "a", count: 62))
        #expect(SparkPodLabels.appNameLabel("--x--") == "x")
    }

    struct Recognition: Sendable, CustomStringConvertible {
        var description: String
        var args: [[String]]
        var labels: OrderedDictionary<String, String>
        var expected: String
        var container: Int?
    }

    static let recognitions: [Recognition] = [
        Recognition(description: "driver by its command line", args: [["sidecar"], SparkSubmitTests.full.argv],
                    labels: [:], expected: "driver(parsed)", container: 1),
        Recognition(description: "driver by the program, with a bad command line",
                    args: [[SparkDefaults.submitProgram, "--master", "k8s://x", "--bogus"]],
                    labels: ["spark-role": "driver"], expected: "driver(unread)", container: 0),
        Recognition(description: "driver by label only", args: [["run"]], labels: ["spark-role": "driver"],
                    expected: "driver(unread)", container: nil),
        Recognition(description: "executor by label", args: [["executor"]],
                    labels: ["spark-role": "executor", "spark-app-selector": "spark-1"], expected: "executor",
                    container: nil),
        Recognition(description: "grid arguments win over spark labels", args: [["component=pu"]],
                    labels: ["spark-role": "executor"], expected: "space", container: 0),
        Recognition(description: "spark labels win over component labels", args: [[]],
                    labels: ["spark-role": "executor", "app.kubernetes.io/component": "space"], expected: "executor(?)",
                    container: nil),
        Recognition(description: "an unknown spark-role is not a role", args: [[]], labels: ["spark-role": "shuffle"],
                    expected: "other", container: nil),
    ]

    @Test(arguments: recognitions) func sparkPodsAreRecognised(_ recognition: Recognition) {
        let recognised = GridMember.recognise(containerArgs: recognition.args, labels: recognition.labels)
        let name: String
        switch recognised.member {
        case .sparkDriver(let submit?): name = submit == Self.full ? "driver(parsed)" : "driver(other)"
        case .sparkDriver(nil): name = "driver(unread)"
        case .sparkExecutor(let labels): name = labels.appSelector == "spark-1" ? "executor" : "executor(?)"
        case .manager: name = "manager"
        case .spaceInstance: name = "space"
        case .zeppelin: name = "zeppelin"
        case .other: name = "other"
        }
        #expect(name == recognition.expected)
        #expect(recognised.container == recognition.container)
    }
}
