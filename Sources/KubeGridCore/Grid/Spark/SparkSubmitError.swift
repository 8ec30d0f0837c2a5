/// A driver command line the parser cannot read, naming the argument and, where Spark
/// has one, in `spark-submit`'s words.
public enum SparkSubmitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option given last, without its value.
    case missingValue(option: String)
    /// An option `spark-submit` does not know.
    case unknownOption(String)
    /// `--conf` without `key=value`.
    case confWithoutEquals(String)
    /// A typed `--conf` whose value is not of its type.
    case badConfValue(String, String, expected: String)
    /// `--deploy-mode` other than `client` or `cluster`.
    case badDeployMode(String)
    /// An option that sets a typed `--conf` (`--num-executors`, …) with a value not of its type.
    case badOptionValue(option: String, String, expected: String)
    /// No jar after the options.
    case noPrimaryResource
    /// No `--master`.
    case noMaster
    /// The arguments are empty or are not a `spark-submit` command.
    case notASubmitCommand(String)

    public var description: String {
        switch self {
        case .missingValue(let option): "Missing argument for option '\(option)'"
        case .unknownOption(let option): "Unrecognized option '\(option)'"
        case .confWithoutEquals(let pair): "Spark config without '=': \(pair)"
        case .badConfValue(let key, let value, let expected): "--conf \(key)=\(value): the value must be \(expected)"
        case .badDeployMode(let mode): "--deploy-mode \(mode): Deploy mode must be either client or cluster"
        case .badOptionValue(let option, let value, let expected): "\(option) \(value): the value must be \(expected)"
        case .noPrimaryResource: "Must specify a primary resource (JAR or Python or R file)"
        case .noMaster: "--master is missing: give k8s://https://<API server>"
        case .notASubmitCommand(let first): "\"\(first)\" is not a spark-submit command: start with --master or the submit program"
        }
    }
}
