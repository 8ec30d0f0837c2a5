import KubeGridCore

/// One answer of the simulated REST Manager: the HTTP status and the JSON body.
public struct RESTManagerAnswer: Sendable, Equatable {
    public var status: Int
    public var body: Values

    public init(status: Int = 200, body: Values) {
        self.status = status
        self.body = body
    }

    /// A refusal as the REST Manager words it: the status and a message.
    static func error(_ status: Int, _ message: String) -> RESTManagerAnswer {
        RESTManagerAnswer(status: status, body: ["status": .int(status), "error": .string(reason(status)), "message": .string(message)])
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        default: return "Error"
        }
    }
}
