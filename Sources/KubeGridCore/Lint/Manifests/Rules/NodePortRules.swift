/// KG201 and KG202: node ports in range, and each used once across the whole set.
enum NodePortRules {
    static let range = KubernetesLimits.nodePortRange

    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        // The first Service port to claim each node port: entry, path, protocol.
        var claims: [Int: (entry: Int, path: ValuePath, protocol: PortProtocol)] = [:]
        for (index, service) in set.services {
            let title = set.entries[index].title
            for (portIndex, port) in service.spec.ports.enumerated() {
                guard let nodePort = port.nodePort else { continue }
                let path = ValuePath.fields("spec.ports").appending(index: portIndex).appending(key: "nodePort")
                if service.spec.effectiveType == .clusterIP || service.spec.effectiveType == .externalName {
                    findings.append(ManifestFinding(
                        rule: "KG201", entry: index, path: path,
                        problem: "\(title) is of type \(service.spec.effectiveType.rawValue) and cannot have node port \(nodePort)",
                        fix: "remove the nodePort or make the Service a NodePort or LoadBalancer"))
                    continue
                }
                guard range.contains(nodePort) else {
                    findings.append(ManifestFinding(
                        rule: "KG201", entry: index, path: path,
                        problem: "\(title) asks for node port \(nodePort), outside \(range.lowerBound)-\(range.upperBound)",
                        fix: "use a port within \(range.lowerBound)-\(range.upperBound), or leave nodePort out for Kubernetes to pick"))
                    continue
                }
                let proto = port.protocol ?? .tcp
                if let first = claims[nodePort] {
                    // One Service may serve a node port over two protocols; nothing else may share it.
                    guard first.entry != index || first.protocol == proto else { continue }
                    let other = set.entries[first.entry]
                    findings.append(ManifestFinding(
                        rule: "KG202", entry: index, path: path,
                        problem: "\(title) asks for node port \(nodePort), which \(other.title) (\(other.place(of: first.path))) already uses",
                        fix: "give each Service its own node port; for two Space releases, move one initialNodePort past the other's block"))
                } else {
                    claims[nodePort] = (index, path, proto)
                }
            }
        }
        return findings
    }
}
