import KubeGridCore

/// The Service allocators' refusals: a requested cluster IP or node port outside its range,
/// or already held by another Service (node ports are cluster-wide).
public struct ServiceAllocationCheck: ValidatingAdmissionPlugin {
    public let id = "ServiceAllocation"

    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .create && kind == .service
    }

    static let portAlreadyAllocated = "provided port is already allocated"
    static let ipAlreadyAllocated = "provided IP is already allocated"

    /// The node port a cause says another Service holds, if it says that.
    public static func heldNodePort(_ cause: FieldCause) -> Int? {
        guard cause.type == .invalid, cause.detail == portAlreadyAllocated, case .int(let port)? = cause.value else { return nil }
        return port
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, case .service(let service)? = request.object else { return }
        let causes = Self.causes(service.spec, network: context.network)
        if !causes.isEmpty { throw .invalid(.service, request.name, causes) }
    }

    static func causes(_ spec: ServiceSpec, network: ServiceNetwork) -> [FieldCause] {
        var causes: [FieldCause] = []
        if let address = spec.requestedClusterIP {
            let field = "spec.clusterIP"
            if !network.clusterIPRange.contains(address) {
                causes.append(
                    .invalid(field, "\(address)", "provided IP is not in the valid range. The range of valid IPs is \(network.clusterIPRange)"))
            } else if network.isAllocated(address) {
                causes.append(.invalid(field, "\(address)", ipAlreadyAllocated))
            }
        }
        let type = spec.effectiveType
        guard type == .nodePort || type == .loadBalancer else { return causes }
        let range = network.nodePortRange
        for (index, port) in spec.ports.enumerated() {
            guard let nodePort = port.nodePort else { continue }
            let field = "spec.ports[\(index)].nodePort"
            if !range.contains(nodePort) {
                causes.append(
                    .invalid(
                        field, nodePort,
                        "provided port is not in the valid range. The range of valid ports is \(range.lowerBound)-\(range.upperBound)"))
            } else if network.holder(ofNodePort: nodePort) != nil {
                causes.append(.invalid(field, nodePort, portAlreadyAllocated))
            }
        }
        return causes
    }
}

extension ServiceSpec {
    /// The cluster IP asked for, when it is an address (not empty, not `None`).
    var requestedClusterIP: IPv4Address? {
        guard let text = clusterIP, !text.isEmpty, text != "None" else { return nil }
        return IPv4Address(text)
    }
}
