import KubeGridCore

/// `ValidateService`'s checks of ports and cluster IP that Services here can break: a node
/// port on a ClusterIP Service, the same node port twice, a cluster IP that is no address.
public struct ServiceValidation: ValidatingAdmissionPlugin {
    public let id = "ServiceValidation"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation != .delete && kind == .service
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation != .delete, case .service(let service)? = request.object else { return }
        let causes = Self.causes(service.spec)
        if !causes.isEmpty { throw .invalid(.service, request.name, causes) }
    }

    static func causes(_ spec: ServiceSpec) -> [FieldCause] {
        var causes: [FieldCause] = []
        var seen: Set<String> = []
        for (index, port) in spec.ports.enumerated() {
            guard let nodePort = port.nodePort else { continue }
            let field = "spec.ports[\(index)].nodePort"
            if spec.effectiveType == .clusterIP {
                causes.append(FieldCause(field, .forbidden, "may not be used when `type` is 'ClusterIP'"))
            } else if !seen.insert("\(nodePort)/\((port.protocol ?? .tcp).rawValue)").inserted {
                causes.append(FieldCause(field, .duplicate, value: .int(nodePort)))
            }
        }
        if let text = spec.clusterIP, !text.isEmpty, text != "None", IPv4Address(text) == nil {
            causes.append(.invalid("spec.clusterIP", text, "must be empty, 'None', or a valid IP address"))
        }
        return causes
    }
}
