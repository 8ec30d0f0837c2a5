/// The keys of GigaSpaces' own insightedge-manager and insightedge-pu charts (14.5 to
/// 16.x) that kubegrid's charts spell differently or do not read: the one table render,
/// lint, the Helm templates and `kubegrid values --migrate` follow.
///
/// Keys both agree on (`partitions`, `ha`, `java.heap`, `manager.name`, …) are not listed:
/// they work with their old meaning, a null among them meaning unset.
public enum LegacyKeys {
    /// The entries of one chart, in the order they apply (moves before the keys that
    /// read their result).
    public static func entries(for chart: BuiltInChart) -> [LegacyKey] {
        switch chart {
        case .manager: manager
        case .processingUnit: processingUnit
        case .umbrella: umbrella
        // GigaSpaces had no tenant or Spark chart; kubegrid's Zeppelin chart spells 14.x's keys anew.
        case .tenant, .spark, .zeppelin: []
        }
    }

    /// The keys of the umbrella charts themselves (15.2-16.x `xap`), beside `manager.*` and `pu.*`.
    static let umbrella: [LegacyKey] = [
        umbrellaMetrics,
        LegacyKey(
            "operator", documented: "15.2-16.x",
            .dropped(advice: "kubegrid renders the grid's StatefulSets and Services itself, with no GigaSpaces operator")),
    ]

    static let manager: [LegacyKey] = [
        LegacyKey("service.ports.api.port", documented: "14.5-15.0", .movedTo("service.api.port")),
        LegacyKey("service.ports.api.nodePort", documented: "14.5-15.0", .movedTo("service.api.nodePort")),
        LegacyKey("service.ports.lus.port", documented: "15.0", .movedTo("service.lus.port")),
        LegacyKey("hs.ports.zkClient", documented: "14.5-15.0", .movedTo("hs.zkClient")),
        LegacyKey("hs.ports.zkServer", documented: "14.5-15.0", .movedTo("hs.zkServer")),
        LegacyKey("hs.ports.zkLeaderElection", documented: "14.5-15.0", .movedTo("hs.zkLeaderElection")),
        LegacyKey("hs.ports.lookupService", documented: "14.5-15.0", .movedTo("hs.lus")),
        LegacyKey(
            "enableExternalClient", documented: "15.0",
            .translated(
                meaning: "true opened the Lookup Service (on a node port equal to its port) and LRMI to clients outside the cluster, false only the REST API",
                writes: managerExternalClient)),
        nodeSelectorForm,
        nodeSelectorAlone,
    ]

    static let processingUnit: [LegacyKey] = [
        LegacyKey("service.port", documented: "15.0", .movedTo("service.lrmi.port")),
        LegacyKey(
            "enableExternalClient", documented: "15.0",
            .translated(
                meaning: "true gave every Space instance its own Service for remote clients",
                writes: { value, _, _ in value == .bool(true) ? [("service.lrmi.enabled", .bool(true))] : [] })),
        LegacyKey(
            "spaceName", documented: "15.0",
            .dropped(advice: "kubegrid names the Space after the release; render it as that release (kubegrid render SPACENAME insightedge-pu)")),
        LegacyKey(
            "memoryXtendVolume.volumeClaimTemplate.persistentVolumeReclaimPolicy", documented: "14.5-15.0",
            .dropped(advice: "a PersistentVolumeClaim has no such field and Kubernetes ignored it; set reclaimPolicy on the StorageClass that memoryXtendVolume.volumeClaimTemplate.storageClassName names")),
        nodeSelectorForm,
        nodeSelectorAlone,
    ]

    /// 15.2's `nodeSelector: {enabled: BOOL, selector: {LABEL: VALUE}}`; the selector
    /// may also be written `LABEL=VALUE,LABEL=VALUE`.
    static let nodeSelectorForm = LegacyKey(
        "nodeSelector.enabled", documented: "15.2",
        .translated(
            meaning: "nodeSelector.enabled=true scheduled the pods on the nodes nodeSelector.selector names",
            writes: { value, user, _ in
                let selector = user.value(at: ["nodeSelector", "selector"]) ?? .null
                return [("nodeSelector", value == .bool(true) ? nodeLabels(selector) : .emptyMap)]
            }),
        applies: { if case .bool = $0 { true } else { false } })

    /// 15.2's selector without `enabled: true` selected nothing.
    static let nodeSelectorAlone = LegacyKey(
        "nodeSelector.selector", documented: "15.2",
        .translated(meaning: "without nodeSelector.enabled=true it selected no nodes", writes: { _, _, _ in [] }))

    /// The umbrella's own `metrics` (15.2-16.x: InfluxDB and Grafana deployed beside the grid).
    /// The grid charts' `metrics.*` (15.0's `influxdb_ip`, `grafana_ip`) are kubegrid keys
    /// with their old meaning, so only this one is listed.
    static let umbrellaMetrics = LegacyKey(
        "metrics", documented: "15.2-16.x",
        .dropped(advice: "kubegrid deploys no InfluxDB or Grafana; set manager.metrics and pu.metrics (influxdb_ip, grafana_ip, or Prometheus scraping with enabled and serviceMonitor.enabled)"))

    /// `{disktype: ssd}` as it is, or `disktype=ssd,zone=a` split into labels.
    static func nodeLabels(_ selector: Values) -> Values {
        switch selector {
        case .map:
            return selector
        case .string(let text):
            var labels = Values.Map()
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
                labels[parts[0]] = .string(parts.count > 1 ? parts[1] : "")
            }
            return .map(labels)
        default:
            return .emptyMap
        }
    }

    /// 15.0's manager `enableExternalClient`: the Lookup Service and LRMI open or closed,
    /// and the Lookup Service on the node port equal to its port where the Service opens
    /// node ports and no node port is given.
    @Sendable static func managerExternalClient(_ value: Values, user: Values, defaults: Values) -> [(path: String, value: Values)] {
        guard case .bool(let on) = value else { return [] }
        var writes: [(path: String, value: Values)] = [("service.lus.enabled", .bool(on)), ("service.lrmi.enabled", .bool(on))]
        func setting(_ keys: [String]) -> Values? {
            let given = user.value(at: keys)
            return given == nil || given == .null ? defaults.value(at: keys) : given
        }
        let type = setting(["service", "type"])?.stringValue ?? ""
        if on, ExposureType(rawValue: type)?.opensNodePorts ?? false, setting(["service", "lus", "nodePort"]) == .null,
            case .int(let port)? = setting(["service", "lus", "port"]).map(LegacyKeys.integral),
            KubernetesLimits.nodePortRange.contains(port)
        {
            writes.append(("service.lus.nodePort", .int(port)))
        }
        return writes
    }

    /// Helm reads every number of a values file as a float; a whole one is an integer here.
    static func integral(_ value: Values) -> Values {
        if case .float(let number) = value, number.rounded() == number, abs(number) < 9.0e15 { return .int(Int(number)) }
        return value
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
