/// The command-line flags that set single values, in the order Helm applies them.
public enum ValuesFlagKind: String, Sendable, Hashable, CaseIterable {
    /// `--set-json key=JSON` or `--set-json '{"key": JSON}'`.
    case setJSON
    /// `--set key=value`: `true`, `false`, `null` and integers typed, everything else a string.
    case set
    /// `--set-string key=value`: every value a string.
    case setString
    /// `--set-file key=PATH`: the value is the text of the file.
    case setFile
    /// `--set-literal key=value`: the rest of the argument, commas and all, is one string.
    case setLiteral

    /// The flag as written on the command line.
    public var flagName: String {
        switch self {
        case .setJSON: return "--set-json"
        case .set: return "--set"
        case .setString: return "--set-string"
        case .setFile: return "--set-file"
        case .setLiteral: return "--set-literal"
        }
    }
}
