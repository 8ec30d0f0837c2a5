import Foundation
import KubeGridCore

/// The printers.go columns that need more than a field or two.
enum PodColumns {
    static let all: [TableColumn] = [
        .text("Ready") { pod in
            let total = TableColumn.containers(pod["spec"]).count
            return "\(isReady(pod) ? total : 0)/\(total)"
        },
        .text("Status", status),
        .text("Restarts") { _ in "0" },
        .age,
        .text("IP", priority: 1) { $0["status"]?["podIP"]?.stringValue ?? "<none>" },
        .text("Node", priority: 1) { $0["spec"]?["nodeName"]?.stringValue ?? "<none>" },
        .text("Nominated Node", priority: 1) { _ in "<none>" },
        .text("Readiness Gates", priority: 1) { _ in "<none>" },
    ]

    static func isReady(_ pod: Values) -> Bool {
        (pod["status"]?["conditions"]?.listValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }

    /// The phase, a finished container's reason (`Completed`, `Error`: printers.go reads the
    /// containers last to first, so the first one's wins), or `Terminating` once a deletion was asked for.
    static func status(_ pod: Values) -> String {
        if pod["metadata"]?["deletionTimestamp"] != nil { return "Terminating" }
        var reason = pod["status"]?["reason"]?.stringValue ?? pod["status"]?["phase"]?.stringValue ?? ""
        for container in (pod["status"]?["containerStatuses"]?.listValue ?? []).reversed() {
            if let terminated = container["state"]?["terminated"]?["reason"]?.stringValue, !terminated.isEmpty { reason = terminated }
        }
        return reason
    }
}

enum ServiceColumns {
    static let all: [TableColumn] = [
        .text("Type", type),
        .text("Cluster-IP") { $0["spec"]?["clusterIP"]?.stringValue ?? "<none>" },
        .init(name: "External-IP") { service, _ in .string(externalIP(service, wide: false)) },
        .text("Port(s)", ports),
        .age,
        .text("Selector", priority: 1) { TableColumn.labels($0["spec"]?["selector"]) },
    ]

    static func type(_ service: Values) -> String { service["spec"]?["type"]?.stringValue ?? "ClusterIP" }

    /// printers.go's `getServiceExternalIP`.
    static func externalIP(_ service: Values, wide: Bool) -> String {
        let external = (service["spec"]?["externalIPs"]?.listValue ?? []).compactMap(\.stringValue)
        switch type(service) {
        case "ClusterIP", "NodePort":
            return external.isEmpty ? "<none>" : external.joined(separator: ",")
        case "LoadBalancer":
            let ingress = (service["status"]?["loadBalancer"]?["ingress"]?.listValue ?? []).compactMap {
                $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue
            }
            var balancers = ingress.joined(separator: ",")
            if !wide, balancers.count > 16 { balancers = String(balancers.prefix(13)) + "..." }
            let all = (balancers.isEmpty ? [] : balancers.split(separator: ",").map(String.init)) + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return service["spec"]?["externalName"]?.stringValue ?? ""
        default:
            return "<unknown>"
        }
    }

    /// `makePortString`: `PORT[:NODEPORT]/PROTOCOL`, comma-separated.
    static func ports(_ service: Values) -> String {
        let ports = (service["spec"]?["ports"]?.listValue ?? []).map { port -> String in
            let number = TableColumn.text(port["port"]) ?? ""
            let protocolName = port["protocol"]?.stringValue ?? "TCP"
            if case .int(let nodePort)? = port["nodePort"], nodePort > 0 { return "\(number):\(nodePort)/\(protocolName)" }
            return "\(number)/\(protocolName)"
        }
        return ports.isEmpty ? "<none>" : ports.joined(separator: ",")
    }
}

enum NodeColumns {
    static let all: [TableColumn] = [
        .text("Status", status),
        .text("Roles", roles),
        .age,
        .text("Version") { $0["status"]?["nodeInfo"]?["kubeletVersion"]?.stringValue ?? "" },
        .text("Internal-IP", priority: 1) { node in
            (node["status"]?["addresses"]?.listValue ?? []).first { $0["type"]?.stringValue == "InternalIP" }?["address"]?
                .stringValue ?? "<none>"
        },
        .text("External-IP", priority: 1) { _ in "<none>" },
        .text("OS-Image", priority: 1) { $0["status"]?["nodeInfo"]?["osImage"]?.stringValue ?? "<unknown>" },
        .text("Kernel-Version", priority: 1) { $0["status"]?["nodeInfo"]?["kernelVersion"]?.stringValue ?? "<unknown>" },
        .text("Container-Runtime", priority: 1) { $0["status"]?["nodeInfo"]?["containerRuntimeVersion"]?.stringValue ?? "<unknown>" },
    ]

    static func status(_ node: Values) -> String {
        var words: [String] = []
        if let ready = (node["status"]?["conditions"]?.listValue ?? []).first(where: { $0["type"]?.stringValue == "Ready" }) {
            words.append(ready["status"]?.stringValue == "True" ? "Ready" : "NotReady")
        } else {
            words.append("Unknown")
        }
        if node["spec"]?["unschedulable"] == .bool(true) { words.append("SchedulingDisabled") }
        return words.joined(separator: ",")
    }

    /// `node-role.kubernetes.io/ROLE` labels, and `kubernetes.io/role`.
    static func roles(_ node: Values) -> String {
        var roles: Set<String> = []
        for (key, value) in node["metadata"]?["labels"]?.mapValue ?? [:] {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if key == "kubernetes.io/role", let role = value.stringValue, !role.isEmpty {
                roles.insert(role)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }
}

enum BindingColumns {
    static let all: [TableColumn] = [
        .text("Role") { "\($0["roleRef"]?["kind"]?.stringValue ?? "")/\($0["roleRef"]?["name"]?.stringValue ?? "")" },
        .age,
        .text("Users", priority: 1) { subjects($0, "User") },
        .text("Groups", priority: 1) { subjects($0, "Group") },
        .text("ServiceAccounts", priority: 1) { subjects($0, "ServiceAccount") },
    ]

    static func subjects(_ binding: Values, _ kind: String) -> String {
        (binding["subjects"]?.listValue ?? []).filter { $0["kind"]?.stringValue == kind }.map { subject in
            let name = subject["name"]?.stringValue ?? ""
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"]?.stringValue ?? "")/\(name)"
        }.joined(separator: ", ")
    }
}

enum QuotaColumns {
    static let all: [TableColumn] = [
        .text("Request") { usage($0, limits: false) },
        .text("Limit") { usage($0, limits: true) },
    ]

    /// `RESOURCE: USED/HARD, …` for the requests (or the `limits.` resources), from the
    /// status the quota controller writes (empty here: no quota controller runs).
    static func usage(_ quota: Values, limits: Bool) -> String {
        let hard = quota["status"]?["hard"]?.mapValue ?? [:]
        let used = quota["status"]?["used"]?.mapValue ?? [:]
        return hard.keys.sorted().filter { $0.hasPrefix("limits.") == limits }.map { resource in
            "\(resource): \(TableColumn.text(used[resource]) ?? "0")/\(TableColumn.text(hard[resource]) ?? "")"
        }.joined(separator: ", ")
    }
}

enum JobColumns {
    static let all: [TableColumn] = [
        .text("Status", status),
        .text("Completions") { job in
            let succeeded = TableColumn.int(job, "status", "succeeded")
            if case .int(let completions)? = job["spec"]?["completions"] { return "\(succeeded)/\(completions)" }
            let parallelism = TableColumn.int(job, "spec", "parallelism")
            return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
        },
        .text("Duration", duration),
        .age,
        .text("Containers", priority: 1) { TableColumn.containers($0["spec"]?["template"]?["spec"]).map(\.name).joined(separator: ",") },
        .text("Images", priority: 1) { TableColumn.containers($0["spec"]?["template"]?["spec"]).map(\.image).joined(separator: ",") },
        .text("Selector", priority: 1) { TableColumn.selector($0["spec"]?["selector"]) },
    ]

    /// From `status.startTime` to `status.completionTime`; empty before the Job started.
    /// (The simulated Job controller writes both only once its pod exits.)
    static func duration(_ job: Values) -> String {
        guard let start = job["status"]?["startTime"]?.stringValue.flatMap(TableColumn.timestamp),
            let end = job["status"]?["completionTime"]?.stringValue.flatMap(TableColumn.timestamp)
        else { return "" }
        return HumanDuration.text(end.timeIntervalSince(start))
    }

    /// The condition that ended the Job, else `Suspended` or `Running`.
    static func status(_ job: Values) -> String {
        let conditions = (job["status"]?["conditions"]?.listValue ?? []).filter { $0["status"]?.stringValue == "True" }
        for (type, word) in [("Failed", "Failed"), ("Complete", "Complete"), ("FailureTarget", "FailureTarget"), ("SuccessCriteriaMet", "SuccessCriteriaMet")]
        where conditions.contains(where: { $0["type"]?.stringValue == type }) {
            return word
        }
        return job["spec"]?["suspend"] == .bool(true) ? "Suspended" : "Running"
    }
}

/// kube-apiserver's `formatEndpoints`: the first three `ip:port` pairs of the subsets'
/// ready addresses, then how many more.
enum EndpointsColumns {
    static let all: [TableColumn] = [
        .text("Endpoints") { endpoints in
            var pairs: [String] = []
            var total = 0
            for subset in endpoints["subsets"]?.listValue ?? [] {
                let ports = (subset["ports"]?.listValue ?? []).compactMap { TableColumn.text($0["port"]) }
                for address in subset["addresses"]?.listValue ?? [] {
                    let ip = address["ip"]?.stringValue ?? ""
                    for port in ports.isEmpty ? [nil] : ports.map(Optional.some) {
                        total += 1
                        if pairs.count < 3 { pairs.append(port.map { "\(ip):\($0)" } ?? ip) }
                    }
                }
            }
            if pairs.isEmpty { return "<none>" }
            let shown = pairs.joined(separator: ",")
            return total > 3 ? "\(shown) + \(total - 3) more..." : shown
        },
        .age,
    ]
}

enum EndpointSliceColumns {
    static let all: [TableColumn] = [
        .text("AddressType") { $0["addressType"]?.stringValue ?? "" },
        .text("Ports") { slice in
            let ports = (slice["ports"]?.listValue ?? []).map { TableColumn.text($0["port"]) ?? "<unset>" }
            return ports.isEmpty ? "<unset>" : ports.joined(separator: ",")
        },
        .text("Endpoints") { slice in
            let addresses = (slice["endpoints"]?.listValue ?? []).flatMap { ($0["addresses"]?.listValue ?? []).compactMap(\.stringValue) }
            if addresses.isEmpty { return "<unset>" }
            let shown = addresses.prefix(3).joined(separator: ",")
            return addresses.count > 3 ? "\(shown) + \(addresses.count - 3) more..." : shown
        },
        .age,
    ]
}

/// kubectl's PersistentVolumeClaim columns (printers' `printPersistentVolumeClaim`): access
/// modes in their short forms, `<unset>` for no volume attributes class.
enum ClaimColumns {
    static let all: [TableColumn] = [
        .text("Status") { $0["status"]?["phase"]?.stringValue ?? "Pending" },
        .text("Volume") { $0["spec"]?["volumeName"]?.stringValue ?? "" },
        .text("Capacity") { $0["status"]?["capacity"]?["storage"]?.stringValue ?? "" },
        .text("Access Modes") { claim in
            let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
            let modes = claim["status"]?["accessModes"]?.listValue ?? []
            return modes.compactMap { $0.stringValue.map { short[$0] ?? $0 } }.joined(separator: ",")
        },
        .text("StorageClass") { $0["spec"]?["storageClassName"]?.stringValue ?? "" },
        .text("VolumeAttributesClass") { $0["spec"]?["volumeAttributesClassName"]?.stringValue ?? "<unset>" },
        .age,
        .text("VolumeMode", priority: 1) { $0["spec"]?["volumeMode"]?.stringValue ?? "Filesystem" },
    ]
}
