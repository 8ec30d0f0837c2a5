import OrderedCollections

/// Reads the pods of workload objects: typed StatefulSets, and the template of other
/// workload kinds (Deployments, DaemonSets, Jobs, …) as written.
enum PodGroupReading {
    static func group(_ entry: Int, _ object: KubernetesObject) -> PodGroup? {
        switch object {
        case .statefulSet(let set):
            let template = ValuePath.fields("spec.template")
            return PodGroup(
                entry: entry, namespace: set.metadata.namespace, labels: set.spec.template.metadata.labels,
                labelsPath: template.appending(fields: "metadata.labels"), statefulSetName: set.metadata.name,
                replicas: max(0, set.spec.effectiveReplicas),
                containers: containers(set.spec.template.spec, at: template.appending(key: "spec")),
                podSpec: set.spec.template.spec, podSpecPath: template.appending(key: "spec"),
                annotations: set.spec.template.metadata.annotations)
        case .other(let values):
            return otherGroup(entry, values, kind: object.kind, name: object.name, namespace: object.namespace)
        default:
            return nil
        }
    }

    /// Where the pod template sits in each workload kind kubegrid does not model.
    private static let templatePaths: [String: String] = [
        "Deployment": "spec.template", "ReplicaSet": "spec.template", "DaemonSet": "spec.template",
        "StatefulSet": "spec.template", "Job": "spec.template", "ReplicationController": "spec.template",
        "CronJob": "spec.jobTemplate.spec.template", "Pod": "",
    ]

    private static func otherGroup(
        _ entry: Int, _ values: Values, kind: String, name: String, namespace: String?
    ) -> PodGroup? {
        guard let dotted = templatePaths[kind] else { return nil }
        let template = dotted.isEmpty ? ValuePath.root : ValuePath.fields(dotted)
        let labelsPath = template.appending(fields: "metadata.labels")
        let labels = (values.value(at: labelsPath)?.mapValue ?? [:]).compactMapValues(\.stringValue)
        var replicas = 1
        if kind != "Pod", kind != "DaemonSet", kind != "Job", kind != "CronJob",
            case .int(let count)? = values.value(at: ValuePath.fields("spec.replicas"))
        {
            replicas = max(0, count)
        }
        let podSpec = template.appending(key: "spec")
        let specValues = values.value(at: podSpec) ?? .null
        let annotations = (values.value(at: template.appending(fields: "metadata.annotations"))?.mapValue ?? [:])
            .compactMapValues(\.stringValue)
        return PodGroup(
            entry: entry, namespace: namespace, labels: labels, labelsPath: labelsPath,
            statefulSetName: kind == "StatefulSet" ? name : nil, replicas: replicas,
            containers: rawContainers(specValues, at: podSpec),
            podSpec: try? PodSpec(decoding: specValues), podSpecPath: podSpec, annotations: annotations)
    }

    private static func containers(_ spec: PodSpec, at path: ValuePath) -> [PodGroup.ContainerInfo] {
        func info(_ container: Container, _ index: Int, init isInit: Bool) -> PodGroup.ContainerInfo {
            PodGroup.ContainerInfo(
                name: container.name, image: container.image,
                hasMemoryLimit: container.resources.limits["memory"] != nil,
                hasReadinessProbe: container.readinessProbe != nil, isInit: isInit, args: container.args,
                path: path.appending(key: isInit ? "initContainers" : "containers").appending(index: index))
        }
        return spec.initContainers.enumerated().map { info($1, $0, init: true) }
            + spec.containers.enumerated().map { info($1, $0, init: false) }
    }

    private static func rawContainers(_ spec: Values, at path: ValuePath) -> [PodGroup.ContainerInfo] {
        var result: [PodGroup.ContainerInfo] = []
        for (key, isInit) in [("initContainers", true), ("containers", false)] {
            for (index, container) in (spec[key]?.listValue ?? []).enumerated() {
                let limits = container.value(at: ValuePath.fields("resources.limits"))
                result.append(PodGroup.ContainerInfo(
                    name: container["name"]?.stringValue ?? "#\(index)", image: container["image"]?.stringValue,
                    hasMemoryLimit: limits?["memory"].map { !$0.isNull } ?? false,
                    hasReadinessProbe: container["readinessProbe"].map { !$0.isNull } ?? false, isInit: isInit,
                    args: (container["args"]?.listValue ?? []).compactMap(\.stringValue),
                    path: path.appending(key: key).appending(index: index)))
            }
        }
        return result
    }
}
