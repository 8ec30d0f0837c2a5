/// KG214 and KG217: API versions Kubernetes still serves, and each object once.
enum APIRules {
    static func check(_ set: ManifestSet, kubeVersion: KubeVersion) -> [ManifestFinding] {
        unservedVersions(set, kubeVersion: kubeVersion) + duplicates(set)
    }

    /// KG214: against the target version (`--kube-version`), so an API removed after it
    /// is fine and one it does not serve yet is an error too.
    static func unservedVersions(_ set: ManifestSet, kubeVersion: KubeVersion) -> [ManifestFinding] {
        set.entries.enumerated().compactMap { index, entry in
            let kind = entry.object.kind, version = entry.object.apiVersion
            guard let gap = ServedAPIVersions.gap(kind: kind, apiVersion: version, at: kubeVersion) else { return nil }
            let newest = ServedAPIVersions.newest(of: kind, at: kubeVersion)
            let fix = newest.map { "use apiVersion \($0)" }
                ?? "remove it: Kubernetes \(kubeVersion) serves no version of \(kind)"
            switch gap {
            case .removed:
                return ManifestFinding(
                    rule: "KG214", entry: index, path: .fields("apiVersion"),
                    problem: "\(entry.title) uses \(version), which Kubernetes no longer serves for \(kind)",
                    fix: fix)
            case .notYetServed(let until):
                return ManifestFinding(
                    rule: "KG214", entry: index, path: .fields("apiVersion"),
                    problem: "\(entry.title) uses \(version), which Kubernetes serves for \(kind) only from \(until) on (--kube-version \(kubeVersion))",
                    fix: fix + " or a later --kube-version")
            }
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
