/// KG214 and KG217: API versions Kubernetes still serves, and each object once.
enum APIRules {
    /// Removed `apiVersion`s by kind, with the version to use instead.
    static let removed: [String: [String: String]] = [
        "PodDisruptionBudget": ["policy/v1beta1": "policy/v1"],
        "StatefulSet": ["apps/v1beta1": "apps/v1", "apps/v1beta2": "apps/v1"],
        "Deployment": ["apps/v1beta1": "apps/v1", "apps/v1beta2": "apps/v1", "extensions/v1beta1": "apps/v1"],
        "DaemonSet": ["apps/v1beta2": "apps/v1", "extensions/v1beta1": "apps/v1"],
        "ReplicaSet": ["apps/v1beta2": "apps/v1", "extensions/v1beta1": "apps/v1"],
        "Ingress": ["extensions/v1beta1": "networking.k8s.io/v1", "networking.k8s.io/v1beta1": "networking.k8s.io/v1"],
        "CronJob": ["batch/v1beta1": "batch/v1"],
        "HorizontalPodAutoscaler": ["autoscaling/v2beta1": "autoscaling/v2", "autoscaling/v2beta2": "autoscaling/v2"],
        "PodSecurityPolicy": ["policy/v1beta1": "(none: removed in 1.25; use Pod Security admission)"],
    ]

    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        removedVersions(set) + duplicates(set)
    }

    /// KG214.
    static func removedVersions(_ set: ManifestSet) -> [ManifestFinding] {
        set.entries.enumerated().compactMap { index, entry in
            let kind = entry.object.kind, version = entry.object.apiVersion
            guard let replacement = removed[kind]?[version] else { return nil }
            return ManifestFinding(
                rule: "KG214", entry: index, path: .fields("apiVersion"),
                problem: "\(entry.title) uses \(version), which Kubernetes no longer serves for \(kind)",
                fix: "use apiVersion \(replacement)")
        }
    }

    /// KG217: the second and later copies of one kind, namespace and name.
    static func duplicates(_ set: ManifestSet) -> [ManifestFinding] {
        var first: [String: Int] = [:]
        var findings: [ManifestFinding] = []
        for (index, entry) in set.entries.enumerated() where !entry.object.name.isEmpty {
            let key = "\(entry.object.kind)\u{0}\(entry.namespace ?? "")\u{0}\(entry.object.name)"
            if let earlier = first[key] {
                let other = set.entries[earlier]
                findings.append(ManifestFinding(
                    rule: "KG217", entry: index, path: .fields("metadata.name"),
                    problem: "\(entry.title) is also defined at \(other.place(of: .fields("metadata.name"))); applying both keeps only one",
                    fix: "remove one, or render the releases with different names"))
            } else {
                first[key] = index
            }
        }
        return findings
    }
}
