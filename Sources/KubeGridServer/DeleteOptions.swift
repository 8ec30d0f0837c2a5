import Hummingbird
import KubeGridCore
import KubeGridSim

/// What a DELETE asks for, from its query and its `DeleteOptions` body (kubectl sends the
/// body, the PyPI client the query or the body): the grace period, the propagation policy
/// and whether it is a dry run.
struct DeleteOptions: Sendable {
    var gracePeriodSeconds: Int?
    var propagation = PropagationPolicy.background
    var dryRun = false

    init(_ query: Query, body: ByteBuffer) throws {
        gracePeriodSeconds = query["gracePeriodSeconds"].flatMap(Int.init)
        var policy = query["propagationPolicy"]
        dryRun = try KubeResponder.dryRun(query, options: "DeleteOptions")
        if body.readableBytes > 0, let options = try KubeResponder.parseBody(body).mapValue {
            if case .int(let seconds) = options["gracePeriodSeconds"] { gracePeriodSeconds = seconds }
            if let text = options["propagationPolicy"]?.stringValue { policy = text }
            if let values = options["dryRun"]?.listValue, let value = values.first?.stringValue {
                dryRun = try KubeResponder.dryRun(Query("dryRun=\(value)"), options: "DeleteOptions")
            }
        }
        if let policy {
            guard let parsed = PropagationPolicy(rawValue: policy) else {
                throw StatusBody(
                    code: 422, reason: "Invalid",
                    message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": "
                        + "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
            }
            propagation = parsed
        }
    }
}
