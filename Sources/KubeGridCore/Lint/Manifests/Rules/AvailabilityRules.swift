/// KG209, KG210, KG211 and KG215: what keeps a Space's partitions (and the managers)
/// alive through node losses, drains and rolling upgrades.
enum AvailabilityRules {
    static func check(_ set: ManifestSet, nodes: Int?, kubeVersion: KubeVersion = .current) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for (index, statefulSet) in set.statefulSets {
            guard let group = PodGroupReading.group(index, .statefulSet(statefulSet)) else { continue }
            let title = set.entries[index].title
            let affinity = statefulSet.spec.template.spec.affinity
            let ownTerms = (affinity?.podAntiAffinity?.required ?? []).filter { term in
                !term.topologyKey.isEmpty && term.labelSelector.map { $0.matches(group.labels) } == true
            }
            let highlyAvailable = group.replicas >= 2
            if highlyAvailable, group.role == .partition || group.role == .manager, ownTerms.isEmpty {
                findings.append(antiAffinity(index, title, group, hasPreferred: !(affinity?.podAntiAffinity?.preferred ?? []).isEmpty))
            }
            if highlyAvailable, group.role == .partition, !set.isProtectedByBudget(group) {
                findings.append(ManifestFinding(
                    rule: "KG210", entry: index, path: .fields("metadata.name"),
                    problem: "\(title) is a partition with a backup but no PodDisruptionBudget selects its pods, so a node drain may evict primary and backup together",
                    fix: "add a \(ServedAPIVersions.newest(of: PodDisruptionBudget.kind, at: kubeVersion) ?? "policy/v1") PodDisruptionBudget with maxUnavailable: 1 selecting its pods",
                    valuesKeys: ["podDisruptionBudget.enabled", "ha"], valuesFix: "set podDisruptionBudget.enabled=true"))
            }
            if highlyAvailable, group.role == .partition || group.role == .replicatedSpace {
                for container in group.containers where !container.isInit && !container.hasReadinessProbe {
                    findings.append(ManifestFinding(
                        rule: "KG211", entry: index, path: container.path,
                        problem: "\(title) runs \(group.replicas) Space instances but container \(container.name) has no readiness probe, so a rolling upgrade may restart an instance before its peer has recovered and lose the partition",
                        fix: "add a readinessProbe (the Space's /probes/ready on port 8089)",
                        valuesKeys: ["readinessProbe.enabled", "ha"], valuesFix: "set readinessProbe.enabled=true"))
                }
            }
            if let nodes, group.replicas > nodes,
                ownTerms.contains(where: { $0.topologyKey == KubernetesLimits.hostnameTopologyKey })
            {
                findings.append(ManifestFinding(
                    rule: "KG215", entry: index, path: .fields("spec.template.spec.affinity.podAntiAffinity"),
                    problem: "\(title) needs \(group.replicas) nodes for its \(group.replicas) pods (required anti-affinity on \(KubernetesLimits.hostnameTopologyKey)) but --nodes is \(nodes), so \(group.replicas - nodes) pod(s) stay Pending",
                    fix: "run on at least \(group.replicas) nodes",
                    valuesKeys: ["antiAffinity.enabled", "ha"],
                    valuesFix: "run on at least \(group.replicas) nodes, or spread by zone (antiAffinity.topology=topology.kubernetes.io/zone)"))
            }
        }
        return findings
    }

    private static func antiAffinity(_ index: Int, _ title: String, _ group: PodGroup, hasPreferred: Bool) -> ManifestFinding {
        let what = group.role == .manager ? "\(group.replicas) managers" : "a primary and \(group.replicas - 1) backup(s)"
        let problem = hasPreferred
            ? "\(title) runs \(what) with only preferred pod anti-affinity, so the scheduler may still put them on one node"
            : "\(title) runs \(what) with no required pod anti-affinity among its own pods, so one node loss can take them all"
        let selectorId = group.labels[GridLabels.selectorId].map { "\(GridLabels.selectorId)=\($0)" } ?? "its own pod labels"
        return ManifestFinding(
            rule: "KG209", entry: index, path: .fields("spec.template.spec.affinity.podAntiAffinity"), problem: problem,
            fix: "add requiredDuringSchedulingIgnoredDuringExecution pod anti-affinity selecting \(selectorId)",
            valuesKeys: ["antiAffinity.enabled", "ha"], valuesFix: "set antiAffinity.enabled=true")
    }
}
