import KubeGridCore

/// The defaults the API server fills in on create and update (`SetDefaults_*`):
/// StatefulSet `replicas` 1, `podManagementPolicy` OrderedReady, `updateStrategy`
/// RollingUpdate with `partition` 0; Service `type` ClusterIP.
public struct ObjectDefaults: MutatingAdmissionPlugin {
    public let id = "DefaultStorage"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation != .delete && (kind == .statefulSet || kind == .service)
    }

    public func admit(_ request: inout AdmissionRequest, context: AdmissionContext) throws(APIError) {
        switch request.object {
        case .statefulSet(var statefulSet):
            Self.setDefaults(&statefulSet.spec)
            request.object = .statefulSet(statefulSet)
        case .service(var service):
            if service.spec.type == nil { service.spec.type = .clusterIP }
            request.object = .service(service)
        default: break
        }
    }

    static func setDefaults(_ spec: inout StatefulSetSpec) {
        if spec.replicas == nil { spec.replicas = 1 }
        if spec.podManagementPolicy == nil { spec.podManagementPolicy = .orderedReady }
        var strategy = spec.updateStrategy ?? StatefulSetUpdateStrategy()
        if strategy.type == nil { strategy.type = .rollingUpdate }
        if strategy.type == .rollingUpdate {
            var rolling = strategy.rollingUpdate ?? RollingUpdateStatefulSetStrategy()
            if rolling.partition == nil { rolling.partition = 0 }
            strategy.rollingUpdate = rolling
        }
        spec.updateStrategy = strategy
    }
}
