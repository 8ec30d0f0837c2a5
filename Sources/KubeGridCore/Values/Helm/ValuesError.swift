/// What can go wrong assembling values from files and flags.
public enum ValuesError: Error, CustomStringConvertible, Equatable {
    /// A `--set`-family expression cannot be read, or clashes with values set before it.
    case badExpression(flag: ValuesFlagKind, expression: String, problem: SetExpressionProblem)
    /// A `--set-json` whole object (`--set-json '{"a":1}'`) is not a valid JSON object.
    case badJSONObject(expression: String, reason: String)
    /// A values file (`-f`) cannot be read.
    case unreadableValuesFile(FileReadError)
    /// A values file is not valid YAML, or one of its documents is not a map.
    case badValuesFile(YAMLError)
    /// A values file is named by a URL; kubegrid reads local files only.
    case remoteValuesFile(String)
    /// The values of a subchart are something other than a map.
    case subchartValuesNotAMap(path: String, found: String)

    public var description: String {
        switch self {
        case .badExpression(let flag, let expression, let problem):
            return "\(flag.flagName) '\(expression)': \(problem)"
        case .badJSONObject(let expression, let reason):
            return "--set-json '\(expression)': invalid JSON object: \(reason); write one JSON object, such as '{\"key\": 1}'"
        case .unreadableValuesFile(let failure):
            return "-f \(failure.path): cannot read the values file: \(failure.reason)"
        case .badValuesFile(let failure):
            return failure.description
        case .remoteValuesFile(let url):
            return "-f \(url): kubegrid reads local values files only; download the file and pass its path"
        case .subchartValuesNotAMap(let path, let found):
            return "\(path): the values of subchart \(path) must be a map, got \(found); set keys inside it instead, such as \(path).KEY=VALUE"
        }
    }
}
