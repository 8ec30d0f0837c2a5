import KubeGridCore

/// Why the manifests or the cluster description could not be read into a simulation.
public enum SimulationInputError: Error, Sendable, CustomStringConvertible {
    /// A file is not valid YAML or JSON.
    case unreadable(YAMLError)
    /// A document is an object Kubernetes would reject: a field of the wrong type, a missing field.
    case invalidObject(source: String, line: Int, reason: ManifestDecodingError, within: ValuePath)
    /// A document is a scalar or a list where an object (a map with `kind`) was expected.
    case notAnObject(source: String, line: Int, found: String)
    /// The manifests hold no StatefulSet, so there is nothing to run.
    case nothingToRun(sources: [String])
    /// A `--cluster` file holds no `v1` Node.
    case noNodes(source: String)
    /// A Node's resource quantity cannot be read.
    case invalidNode(name: String, reason: String)

    /// The error a manifest problem stops the simulation with: an invalid object at the line
    /// of its offending field, anything else at the line its document starts.
    init(_ problem: ManifestProblem) {
        let start = problem.document.start.line
        switch problem.reason {
        case .invalidObject(let reason):
            let line = reason.valuePath == nil ? start : problem.position.line
            self = .invalidObject(source: problem.source, line: line, reason: reason, within: problem.prefix)
        case .notAnObject(let found), .undecodable(let found):
            self = .notAnObject(source: problem.source, line: start, found: found)
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let error):
            return "\(error)"
        case .invalidObject(let source, let line, let reason, let within):
            return "\(source):\(line): \(within.isRoot ? "" : "\(within): ")\(reason)"
        case .notAnObject(let source, let line, let found):
            return "\(source):\(line): expected a Kubernetes object (a map with apiVersion and kind), got \(found)"
        case .nothingToRun(let sources):
            let names = sources.isEmpty ? "the input" : sources.joined(separator: ", ")
            return "\(names) holds no StatefulSet, so there is nothing to simulate; "
                + "pipe in rendered manifests, e.g. kubegrid render insightedge … | kubegrid simulate -f -"
        case .noNodes(let source):
            return "\(source) holds no v1 Node; give Node objects, or use --nodes and --zones instead of --cluster"
        case .invalidNode(let name, let reason):
            return "node \(name): \(reason)"
        }
    }
}
