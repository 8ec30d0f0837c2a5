import KubeGridCore
import KubeGridSim

/// The endpoints controllers' objects in the shapes kube-apiserver serves: `Endpoints`
/// (`subsets` of addresses grouped by ports) and `discovery.k8s.io/v1` `EndpointSlice`
/// (one endpoint a pod, with its conditions), both from one ``ServiceEndpoints``.
extension ObjectEncoding {
    static func endpointsFields(_ endpoints: ServiceEndpoints, namespace: String) -> Values.Map {
        let subsets: [Values] = endpoints.subsets.map { subset in
            var map: Values.Map = [:]
            if !subset.ready.isEmpty { map["addresses"] = .list(subset.ready.map { address($0, namespace: namespace) }) }
            if !subset.notReady.isEmpty { map["notReadyAddresses"] = .list(subset.notReady.map { address($0, namespace: namespace) }) }
            if !subset.ports.isEmpty {
                map["ports"] = .list(subset.ports.map { port in
                    var fields: Values.Map = [:]
                    if let name = port.name { fields["name"] = .string(name) }
                    fields["port"] = .int(port.port)
                    fields["protocol"] = .string(port.protocolName)
                    return .map(fields)
                })
            }
            return .map(map)
        }
        return subsets.isEmpty ? [:] : ["subsets": .list(subsets)]
    }

    static func sliceFields(_ endpoints: ServiceEndpoints, namespace: String) -> Values.Map {
        var map: Values.Map = ["addressType": "IPv4"]
        map["endpoints"] = .list(endpoints.addresses.map { address in
            var fields: Values.Map = [
                "addresses": [.string(address.ip.description)],
                "conditions": .map([
                    "ready": .bool(address.ready), "serving": .bool(address.serving), "terminating": .bool(address.terminating),
                ]),
                "targetRef": targetRef(address, namespace: namespace),
            ]
            if let node = address.nodeName { fields["nodeName"] = .string(node) }
            return .map(fields)
        })
        let ports = endpoints.slicePorts
        if !ports.isEmpty {
            map["ports"] = .list(ports.map { port in
                var fields: Values.Map = [:]
                if let name = port.name { fields["name"] = .string(name) }
                fields["protocol"] = .string(port.protocolName)
                fields["port"] = .int(port.port)
                return .map(fields)
            })
        }
        return map
    }

    private static func address(_ address: PodEndpoint, namespace: String) -> Values {
        var map: Values.Map = ["ip": .string(address.ip.description)]
        if let node = address.nodeName { map["nodeName"] = .string(node) }
        map["targetRef"] = targetRef(address, namespace: namespace)
        return .map(map)
    }

    private static func targetRef(_ address: PodEndpoint, namespace: String) -> Values {
        var map: Values.Map = ["kind": "Pod", "namespace": .string(namespace), "name": .string(address.podName)]
        if let uid = address.podUID { map["uid"] = .string(uid.description) }
        return .map(map)
    }
}
