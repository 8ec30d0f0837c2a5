/// Reading a driver's command line back, as `spark-submit` reads its arguments: options
/// until the first argument that is not one (the jar), then the application's arguments.
extension SparkSubmit {
    /// The program names that run `spark-submit`.
    static let programNames: Set<String> = ["spark-submit", "insightedge-submit"]

    /// Options that set a configuration key (what `spark-submit` turns them into).
    static let confOptions: [String: String] = [
        "--num-executors": SparkConfKey.executorInstances.rawValue,
        "--executor-cores": SparkConfKey.executorCores.rawValue,
        "--executor-memory": SparkConfKey.executorMemory.rawValue,
        "--driver-memory": "spark.driver.memory", "--driver-cores": "spark.driver.cores",
        "--jars": "spark.jars", "--packages": "spark.jars.packages", "--files": "spark.files",
        "--repositories": "spark.jars.repositories", "--exclude-packages": "spark.jars.excludes",
        "--driver-class-path": "spark.driver.extraClassPath",
        "--driver-java-options": "spark.driver.extraJavaOptions",
        "--driver-library-path": "spark.driver.extraLibraryPath",
        "--proxy-user": "spark.kubernetes.proxyUser", "--py-files": "spark.submit.pyFiles",
    ]

    /// Whether `args` start as a `spark-submit` command: the program, or `--master`.
    public static func looksLikeSubmit(_ args: [String]) -> Bool {
        guard let first = args.first else { return false }
        return isProgram(first) || first == "--master" || first.hasPrefix("--master=")
    }

    static func isProgram(_ argument: String) -> Bool {
        programNames.contains(String(argument.split(separator: "/").last ?? ""))
    }

    /// Reads a command line: the program first or not, `--option value` or `--option=value`.
    public init(parsing args: [String]) throws(SparkSubmitError) {
        var rest = args[...]
        if let first = rest.first, Self.isProgram(first) { rest = rest.dropFirst() }
        guard let first = rest.first else { throw .notASubmitCommand(args.first ?? "") }
        guard first.hasPrefix("--") else { throw .notASubmitCommand(first) }
        var master: String?
        var deployMode = DeployMode.client
        var appName: String?
        var mainClass: String?
        var conf = SparkConf()
        while let argument = rest.first, argument.hasPrefix("--") {
            rest = rest.dropFirst()
            let option: String
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            } else {
                option = argument
            }
            guard option == "--master" || option == "--deploy-mode" || option == "--name" || option == "--class"
                || option == "--conf" || Self.confOptions[option] != nil
            else { throw .unknownOption(option) }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard let next = rest.first else { throw .missingValue(option: option) }
                value = next
                rest = rest.dropFirst()
            }
            switch option {
            case "--master": master = value
            case "--deploy-mode":
                guard let mode = DeployMode(rawValue: value) else { throw .badDeployMode(value) }
                deployMode = mode
            case "--name": appName = value
            case "--class": mainClass = value
            case "--conf":
                guard let equals = value.firstIndex(of: "=") else { throw .confWithoutEquals(value) }
                try conf.set(String(value[..<equals]), String(value[value.index(after: equals)...]))
            default:
                let key = Self.confOptions[option] ?? option
                do {
                    try conf.set(key, value)
                } catch .badConfValue(_, _, let expected) {
                    throw .badOptionValue(option: option, value, expected: expected)
                }
            }
        }
        guard let master else { throw .noMaster }
        guard let jar = rest.first else { throw .noPrimaryResource }
        self.init(
            master: master, deployMode: deployMode, appName: appName, mainClass: mainClass, jar: jar,
            arguments: Array(rest.dropFirst()), conf: conf)
    }
}
