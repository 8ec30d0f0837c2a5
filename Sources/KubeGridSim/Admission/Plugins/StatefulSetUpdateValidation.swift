import KubeGridCore

/// `ValidateStatefulSetUpdate`: after creation only some of a StatefulSet's spec may change.
public struct StatefulSetUpdateValidation: ValidatingAdmissionPlugin {
    public let id = "StatefulSetUpdateValidation"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .update && kind == .statefulSet
    }

    static let message =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', "
        + "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .update, case .statefulSet(let new)? = request.object,
            case .statefulSet(let old)? = request.oldObject?.body
        else { return }
        // The new spec with the fields that may change put back as they were must be the old spec.
        var unchangeable = new.spec
        unchangeable.replicas = old.spec.replicas
        unchangeable.template = old.spec.template
        unchangeable.updateStrategy = old.spec.updateStrategy
        unchangeable.ordinals = old.spec.ordinals
        unchangeable.revisionHistoryLimit = old.spec.revisionHistoryLimit
        unchangeable.persistentVolumeClaimRetentionPolicy = old.spec.persistentVolumeClaimRetentionPolicy
        unchangeable.minReadySeconds = old.spec.minReadySeconds
        if unchangeable != old.spec {
            throw .invalid(.statefulSet, request.name, [FieldCause("spec", .forbidden, Self.message)])
        }
    }
}
