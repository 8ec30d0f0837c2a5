/// What can go wrong reading or writing YAML.
public enum YAMLError: Error, CustomStringConvertible, Equatable {
    /// libyaml rejected the text.
    case malformed(SourcePosition, problem: String, context: String?)
    /// An alias names an anchor that was not defined before it.
    case unknownAnchor(SourcePosition, name: String)
    /// A merge key (`<<`) is given something other than a map or a list of maps.
    case badMerge(SourcePosition)
    /// The document nests deeper than kubegrid reads.
    case tooDeep(SourcePosition, limit: Int)
    /// Aliases expand the document past the size kubegrid reads (a "billion laughs" document).
    case tooLarge(SourcePosition, limit: Int)
    /// The document's top level is not a map where one is needed (a values file).
    case notAMap(source: String, found: String)
    /// A scalar carries a tag kubegrid cannot honour (`!!int abc`).
    case badTag(SourcePosition, tag: String, value: String)
    /// libyaml's emitter refused the tree.
    case emitterFailed(String)

    public var description: String {
        switch self {
        case .malformed(let position, let problem, let context):
            let during = context.map { " (\($0))" } ?? ""
            return "\(position): invalid YAML: \(problem)\(during); fix the syntax at this line and column"
        case .unknownAnchor(let position, let name):
            return "\(position): the alias *\(name) names no anchor defined before it; define &\(name) first"
        case .badMerge(let position):
            return "\(position): a merge key (<<) needs a map or a list of maps"
        case .tooDeep(let position, let limit):
            return "\(position): the document nests deeper than \(limit) levels; flatten it"
        case .tooLarge(let position, let limit):
            return "\(position): aliases expand the document past \(limit) values; remove the repeated aliases"
        case .notAMap(let source, let found):
            return "\(source): the top level must be a map of keys to values, found \(found)"
        case .badTag(let position, let tag, let value):
            return "\(position): \"\(value)\" cannot be read as \(tag); remove the tag or fix the value"
        case .emitterFailed(let problem):
            return "cannot write YAML: \(problem)"
        }
    }
}
