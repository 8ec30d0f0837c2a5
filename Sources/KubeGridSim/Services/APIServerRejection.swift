/// An object the API server refuses, with its own words: `The Service "x" is invalid:
/// spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range.
/// The range of valid ports is 30000-32767`.
public struct APIServerRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The object's kind, such as `Service`.
    public var kind: String
    /// The object's name.
    public var name: String
    /// One `field: Type: detail` per problem, in field order.
    public var causes: [String]

    public init(kind: String, name: String, causes: [String]) {
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    /// The message `kubectl apply` prints (apimachinery's `NewInvalid`: one cause as it
    /// is, several in brackets).
    public var description: String {
        let detail = causes.count == 1 ? causes[0] : "[" + causes.joined(separator: ", ") + "]"
        return "The \(kind) \"\(name)\" is invalid: \(detail)"
    }

    /// `Invalid value: 8080: …` for a number.
    static func invalid(_ field: String, _ value: Int, _ detail: String) -> String {
        "\(field): Invalid value: \(value): \(detail)"
    }

    /// `Invalid value: "10.0.0.1": …` for text.
    static func invalid(_ field: String, _ value: String, _ detail: String) -> String {
        "\(field): Invalid value: \"\(value)\": \(detail)"
    }
}
