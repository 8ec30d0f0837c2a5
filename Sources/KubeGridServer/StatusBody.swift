import KubeGridCore
import KubeGridSim

/// A `metav1.Status` failure, as kube-apiserver answers every refused request.
public struct StatusBody: Error, Sendable {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: Values?

    public init(code: Int, reason: String, message: String, details: Values? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var values: Values {
        var map: Values.Map = [
            "kind": "Status", "apiVersion": "v1", "metadata": .emptyMap, "status": "Failure",
            "message": .string(message), "reason": .string(reason),
        ]
        if let details { map["details"] = details }
        map["code"] = .int(code)
        return .map(map)
    }

    static let unauthorized = StatusBody(code: 401, reason: "Unauthorized", message: "Unauthorized")

    /// The API server's 404 for a path it serves nothing at.
    static func pageNotFound() -> StatusBody {
        StatusBody(code: 404, reason: "NotFound", message: "the server could not find the requested resource")
    }

    static func badRequest(_ message: String) -> StatusBody {
        StatusBody(code: 400, reason: "BadRequest", message: message)
    }

    static func methodNotAllowed(_ method: String, _ resource: String) -> StatusBody {
        StatusBody(
            code: 405, reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource",
            details: .map(["kind": .string(resource)]))
    }

    /// A refusal of the simulated API server, with its code and field causes.
    init(_ error: APIError) {
        let resource = error.kind.resource
        let plural = String(resource.prefix { $0 != "." })
        let group = resource.contains(".") ? String(resource.drop { $0 != "." }.dropFirst()) : ""
        var details: Values.Map = ["name": .string(error.name)]
        if !group.isEmpty { details["group"] = .string(group) }
        details["kind"] = .string(error.reason == .invalid ? error.kind.rawValue : plural)
        switch error.reason {
        case .invalid:
            code = 422
            details["causes"] = .list(error.causes.map(Self.cause))
        case .alreadyExists: code = 409
        case .conflict: code = 409
        case .notFound: code = 404
        case .forbidden: code = 403
        case .tooManyRequests: code = 429
        }
        reason = error.reason.rawValue
        message = error.description
        self.details = .map(details)
        if error.reason == .tooManyRequests, let split = error.detail.range(of: ". ") {
            // The eviction REST handler's refusal: its first sentence is the message, the
            // budget's figures a `DisruptionBudget` cause.
            message = String(error.detail[..<split.lowerBound]) + "."
            self.details = .map([
                "causes": [.map(["reason": "DisruptionBudget", "message": .string(String(error.detail[split.upperBound...]))])]
            ])
        }
    }

    /// Any failure of a write, as the API server answers it: its own refusals with their
    /// codes, a server-side apply conflict (409 with one cause per field), a patch that does
    /// not apply, and anything else as the 400 of a body it cannot take.
    init(_ error: any Error) {
        switch error {
        case let status as StatusBody:
            self = status
        case let refusal as APIError:
            self.init(refusal)
        case let conflict as ApplyConflict:
            let causes: [Values] = conflict.causes.map { cause in
                .map(["reason": .string(cause.type), "message": .string(cause.message), "field": .string(cause.field)])
            }
            self.init(code: conflict.code, reason: conflict.reason, message: conflict.message, details: .map(["causes": .list(causes)]))
        case let patch as PatchError:
            let reason = [400: "BadRequest", 422: "Invalid"][patch.code.rawValue] ?? "InternalError"
            self.init(code: patch.code.rawValue, reason: reason, message: patch.message)
        case let unsupported as LiveClusterError:
            self.init(code: 405, reason: "MethodNotAllowed", message: unsupported.description)
        default:
            self = .badRequest("\(error)")
        }
    }

    /// A `StatusCause`: `FieldValueInvalid`, the message without the field, the field.
    private static func cause(_ cause: FieldCause) -> Values {
        let reason: String
        switch cause.type {
        case .invalid: reason = "FieldValueInvalid"
        case .duplicate: reason = "FieldValueDuplicate"
        case .required: reason = "FieldValueRequired"
        case .forbidden: reason = "FieldValueForbidden"
        }
        let full = cause.description
        let message = String(full.dropFirst(cause.field.count + 2))
        return .map(["reason": .string(reason), "message": .string(message), "field": .string(cause.field)])
    }
}
