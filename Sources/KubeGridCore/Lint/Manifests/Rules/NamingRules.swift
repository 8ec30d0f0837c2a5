import OrderedCollections

/// KG206, KG207 and KG208: names and labels within Kubernetes' limits.
enum NamingRules {
    /// The chart values that make up object names.
    static let nameKeys = ["fullnameOverride", "nameOverride"]
    static let nameFix = "shorten the release name or set fullnameOverride"

    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for (index, entry) in set.entries.enumerated() {
            findings += names(index, entry)
            findings += labels(index, entry)
        }
        return findings
    }

    /// KG206 and KG207.
    static func names(_ index: Int, _ entry: ManifestEntry) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        let name = entry.object.name
        let kind = entry.object.kind
        let problem: String?
        switch kind {
        case "Service": problem = KubernetesNames.serviceNameProblem(name)
        case "StatefulSet": problem = KubernetesNames.dnsLabelProblem(name)
        case "Namespace": problem = KubernetesNames.dnsLabelProblem(name)
        default: problem = name.isEmpty ? nil : KubernetesNames.subdomainProblem(name)
        }
        if let problem {
            findings.append(ManifestFinding(
                rule: "KG206", entry: index, path: .fields("metadata.name"),
                problem: "the name of \(kind) \"\(name)\" \(problem)", fix: "rename it",
                valuesKeys: nameKeys, valuesFix: nameFix))
        } else if kind == "StatefulSet", name.utf8.count > KubernetesLimits.statefulSetNameLength {
            findings.append(ManifestFinding(
                rule: "KG207", entry: index, path: .fields("metadata.name"),
                problem: "StatefulSet \(name) is \(name.utf8.count) characters; past \(KubernetesLimits.statefulSetNameLength) its pods' controller-revision-hash label exceeds \(KubernetesLimits.labelLength) and no pod is created",
                fix: "shorten the name to at most \(KubernetesLimits.statefulSetNameLength) characters",
                valuesKeys: nameKeys, valuesFix: nameFix))
        }
        if let namespace = entry.namespace, let problem = KubernetesNames.dnsLabelProblem(namespace) {
            findings.append(ManifestFinding(
                rule: "KG206", entry: index, path: .fields("metadata.namespace"),
                problem: "the namespace of \(entry.title), \"\(namespace)\", \(problem)", fix: "use a valid namespace name"))
        }
        return findings
    }

    /// KG208: the labels of the object, its pod template and its selectors.
    static func labels(_ index: Int, _ entry: ManifestEntry) -> [ManifestFinding] {
        var maps: [(ValuePath, OrderedDictionary<String, String>, String)] = []
        switch entry.object {
        case .service(let service):
            maps.append((.fields("metadata.labels"), service.metadata.labels, "label"))
            maps.append((.fields("spec.selector"), service.spec.selector, "selector label"))
        case .statefulSet(let set):
            maps.append((.fields("metadata.labels"), set.metadata.labels, "label"))
            maps.append((.fields("spec.template.metadata.labels"), set.spec.template.metadata.labels, "pod label"))
            maps.append((.fields("spec.selector.matchLabels"), set.spec.selector.matchLabels, "selector label"))
        case .podDisruptionBudget(let budget):
            maps.append((.fields("metadata.labels"), budget.metadata.labels, "label"))
            maps.append((.fields("spec.selector.matchLabels"), budget.spec.selector?.matchLabels ?? [:], "selector label"))
        default:
            maps.append((.fields("metadata.labels"), entry.labels, "label"))
        }
        var findings: [ManifestFinding] = []
        for (path, labels, what) in maps {
            for (key, value) in labels {
                let problem: String
                if let keyProblem = KubernetesNames.labelKeyProblem(key) {
                    problem = "\(what) key \"\(key)\" \(keyProblem)"
                } else if let valueProblem = KubernetesNames.labelValueProblem(value) {
                    problem = "\(what) \(key)=\"\(value)\" \(valueProblem)"
                } else {
                    continue
                }
                findings.append(ManifestFinding(
                    rule: "KG208", entry: index, path: path.appending(key: key),
                    problem: "\(entry.title) has a \(problem)", fix: "shorten or fix the label",
                    valuesKeys: nameKeys, valuesFix: nameFix))
            }
        }
        return findings
    }
}
