import Foundation
import KubeGridCore
import KubeGridSim

/// The columns kube-apiserver prints for each kind (pkg/printers/internalversion/printers.go),
/// each cell computed from the object as served. Priority 1 columns show with `-o wide`.
struct TableColumn: Sendable {
    var name: String
    var type = "string"
    var format = ""
    var priority = 0
    var cell: @Sendable (_ object: Values, _ now: Date) -> Values

    static let name = TableColumn(name: "Name", format: "name") { object, _ in .string(object["metadata"]?["name"]?.stringValue ?? "") }
    static let age = TableColumn(name: "Age") { object, now in .string(age(object, now)) }
    static let createdAt = TableColumn(name: "Created At", type: "date") { object, _ in
        object["metadata"]?["creationTimestamp"] ?? ""
    }

    static func wide(_ name: String, _ cell: @escaping @Sendable (Values, Date) -> Values) -> TableColumn {
        TableColumn(name: name, priority: 1, cell: cell)
    }

    static func text(_ name: String, priority: Int = 0, _ cell: @escaping @Sendable (Values) -> String) -> TableColumn {
        TableColumn(name: name, priority: priority) { object, _ in .string(cell(object)) }
    }

    static func integer(_ name: String, _ cell: @escaping @Sendable (Values) -> Int) -> TableColumn {
        TableColumn(name: name, type: "integer") { object, _ in .int(cell(object)) }
    }

    /// The time since `metadata.creationTimestamp`, as `kubectl get` writes it.
    static func age(_ object: Values, _ now: Date) -> String {
        guard let text = object["metadata"]?["creationTimestamp"]?.stringValue, let created = timestamp(text) else {
            return "<unknown>"
        }
        return HumanDuration.text(now.timeIntervalSince(created))
    }

    /// A metav1.Time (`2026-01-02T03:04:05Z`).
    static func timestamp(_ text: String) -> Date? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int32($0) }
        guard numbers.count == 6, text.hasSuffix("Z") else { return nil }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday) = (numbers[0] - 1900, numbers[1] - 1, numbers[2])
        (parts.tm_hour, parts.tm_min, parts.tm_sec) = (numbers[3], numbers[4], numbers[5])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}

extension TableColumn {
    /// The columns of `kind`, in the API server's order.
    static func columns(_ kind: ObjectKind) -> [TableColumn] {
        switch kind {
        case .pod: return [.name] + PodColumns.all
        case .service: return [.name] + ServiceColumns.all
        case .node: return [.name] + NodeColumns.all
        case .statefulSet:
            return [
                .name, .text("Ready") { "\(int($0, "status", "readyReplicas"))/\(int($0, "spec", "replicas", default: 1))" }, .age,
                .text("Containers", priority: 1) { containers($0["spec"]?["template"]?["spec"]).map(\.name).joined(separator: ",") },
                .text("Images", priority: 1) { containers($0["spec"]?["template"]?["spec"]).map(\.image).joined(separator: ",") },
            ]
        case .namespace: return [.name, .text("Status") { $0["status"]?["phase"]?.stringValue ?? "" }, .age]
        case .podDisruptionBudget:
            return [
                .name, .text("Min Available") { text($0["spec"]?["minAvailable"]) ?? "N/A" },
                .text("Max Unavailable") { text($0["spec"]?["maxUnavailable"]) ?? "N/A" },
                .integer("Allowed Disruptions") { int($0, "status", "disruptionsAllowed") }, .age,
            ]
        case .configMap:
            return [.name, .integer("Data") { count($0["data"]) + count($0["binaryData"]) }, .age]
        case .secret:
            return [
                .name, .text("Type") { $0["type"]?.stringValue ?? "Opaque" },
                .integer("Data") { count($0["data"]) + count($0["stringData"]) }, .age,
            ]
        case .serviceAccount: return [.name, .integer("Secrets") { count($0["secrets"]) }, .age]
        case .role, .clusterRole, .limitRange: return [.name, .createdAt]
        case .roleBinding, .clusterRoleBinding: return [.name] + BindingColumns.all
        case .resourceQuota: return [.name, .age] + QuotaColumns.all
        case .networkPolicy: return [.name, .text("Pod-Selector") { selector($0["spec"]?["podSelector"]) }, .age]
        case .job: return [.name] + JobColumns.all
        case .endpoints: return [.name] + EndpointsColumns.all
        case .endpointSlice: return [.name] + EndpointSliceColumns.all
        case .persistentVolumeClaim: return [.name] + ClaimColumns.all
        case .event:
            return [
                TableColumn(name: "Last Seen") { object, now in
                    let last = object["lastTimestamp"]?.stringValue.flatMap(timestamp)
                    return .string(last.map { HumanDuration.text(now.timeIntervalSince($0)) } ?? "<unknown>")
                },
                .text("Type") { $0["type"]?.stringValue ?? "" }, .text("Reason") { $0["reason"]?.stringValue ?? "" },
                .text("Object") { event in
                    let kind = event["involvedObject"]?["kind"]?.stringValue?.lowercased() ?? ""
                    return "\(kind)/\(event["involvedObject"]?["name"]?.stringValue ?? "")"
                },
                .text("Source", priority: 1) { $0["source"]?["component"]?.stringValue ?? "" },
                .text("Message") { $0["message"]?.stringValue ?? "" },
                TableColumn(name: "Count", type: "integer", priority: 1) { object, _ in .int(int(object, "count")) },
                TableColumn(name: "Name", format: "name", priority: 1) { object, _ in object["metadata"]?["name"] ?? "" },
            ]
        }
    }

    static func int(_ object: Values, _ path: String..., default fallback: Int = 0) -> Int {
        if case .int(let value)? = object.value(at: path) { return value }
        return fallback
    }

    static func count(_ values: Values?) -> Int {
        values?.mapValue?.count ?? values?.listValue?.count ?? 0
    }

    /// An int-or-string as written, nil when absent.
    static func text(_ values: Values?) -> String? {
        switch values {
        case .int(let value)?: return String(value)
        case .string(let value)?: return value
        default: return nil
        }
    }

    static func containers(_ podSpec: Values?) -> [(name: String, image: String)] {
        (podSpec?["containers"]?.listValue ?? []).map { ($0["name"]?.stringValue ?? "", $0["image"]?.stringValue ?? "") }
    }

    /// `labels.FormatLabels` of a map (keys sorted), `<none>` when empty.
    static func labels(_ values: Values?) -> String {
        let pairs = (values?.mapValue ?? [:]).map { "\($0.key)=\($0.value.stringValue ?? "")" }.sorted()
        return pairs.isEmpty ? "<none>" : pairs.joined(separator: ",")
    }

    /// `metav1.FormatLabelSelector`: match labels then expressions, `<none>` when empty.
    static func selector(_ values: Values?) -> String {
        var parts = (values?["matchLabels"]?.mapValue ?? [:]).map { "\($0.key)=\($0.value.stringValue ?? "")" }.sorted()
        for expression in values?["matchExpressions"]?.listValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.listValue ?? []).compactMap(\.stringValue)
            switch expression["operator"]?.stringValue {
            case "In": parts.append("\(key) in (\(values.joined(separator: ",")))")
            case "NotIn": parts.append("\(key) notin (\(values.joined(separator: ",")))")
            case "Exists": parts.append(key)
            case "DoesNotExist": parts.append("!\(key)")
            default: break
            }
        }
        return parts.isEmpty ? "<none>" : parts.joined(separator: ",")
    }
}
