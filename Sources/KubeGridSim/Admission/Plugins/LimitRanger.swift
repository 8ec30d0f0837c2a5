import KubeGridCore

/// kube-apiserver's `LimitRanger` (plugin/pkg/admission/limitranger): a pod created in a
/// namespace with LimitRanges gets their container defaults (mutating), then is held to
/// their container `min` and `max` (validating), in the plugin's words:
/// `pods "x" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi`.
public struct LimitRanger: MutatingAdmissionPlugin, ValidatingAdmissionPlugin {
    public let id = "LimitRanger"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .create && kind == .pod
    }

    public func admit(_ request: inout AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, case .pod(let pod)? = request.object, let namespace = request.key.namespace else { return }
        let items = context.store.typed(LimitRange.self, .limitRange, namespace: namespace).flatMap(\.object.spec.limits)
        guard !items.isEmpty else { return }
        request.object = .pod(PodObject(spec: pod.spec.applyingLimitRangeDefaults(items), nodeName: pod.nodeName))
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, case .pod(let pod)? = request.object, let namespace = request.key.namespace else { return }
        let items = context.store.typed(LimitRange.self, .limitRange, namespace: namespace)
            .flatMap(\.object.spec.limits).filter { $0.type == "Container" }
        var problems: [String] = []
        for container in pod.spec.initContainers + pod.spec.containers {
            for item in items {
                for (resource, minimum) in item.min {
                    if let problem = Self.below(resource, minimum, container.resources) { problems.append(problem) }
                }
                for (resource, maximum) in item.max {
                    if let problem = Self.above(resource, maximum, container.resources) { problems.append(problem) }
                }
            }
        }
        guard !problems.isEmpty else { return }
        // apimachinery's aggregate: one error as it is, several in brackets.
        let detail = problems.count == 1 ? problems[0] : "[" + problems.joined(separator: ", ") + "]"
        throw APIError(.forbidden, kind: .pod, name: request.name, detail: detail)
    }

    /// `minConstraint`: the request must be at least the minimum, and so must a limit.
    static func below(_ resource: String, _ minimum: Quantity, _ resources: ResourceRequirements) -> String? {
        let words = "minimum \(resource) usage per Container is \(minimum)"
        guard let request = resources.requests[resource] else { return "\(words).  No request is specified" }
        if request < minimum { return "\(words), but request is \(request)" }
        if let limit = resources.limits[resource], limit < minimum { return "\(words), but limit is \(limit)" }
        return nil
    }

    /// `maxConstraint`: a limit is required and must be at most the maximum, and so must a request.
    static func above(_ resource: String, _ maximum: Quantity, _ resources: ResourceRequirements) -> String? {
        let words = "maximum \(resource) usage per Container is \(maximum)"
        guard let limit = resources.limits[resource] else { return "\(words).  No limit is specified" }
        if limit > maximum { return "\(words), but limit is \(limit)" }
        if let request = resources.requests[resource], request > maximum { return "\(words), but request is \(request)" }
        return nil
    }
}
