/// KG225: a namespace whose objects need more than its ResourceQuota allows (issue 13).
///
/// The objects are charged one by one as the API server would admit them — Services and
/// claims in the order of the set, then each workload's pods with their claims — against
/// every ResourceQuota and with every LimitRange of their namespace in the set, so a
/// tenant's render linted with a grid's shows the refusal before anything is applied.
enum QuotaRule {
    static let rule = LintRule(
        "KG225", "quota-exceeded", .error, .manifests,
        title: "A namespace's objects need more than its ResourceQuota allows",
        help: "Raise the quota's limit to what the message says the namespace needs, or make the releases need less.",
        documentation: "The API server charges every pod, Service and claim to the ResourceQuotas of its namespace and refuses the one that would cross a limit (`exceeded quota: …`), or a pod that leaves a quota'd resource unset (`must specify …`); a StatefulSet then stops at the pod it cannot create. An HA Space of 4 partitions with remote access needs 8 load balancers, which `services.loadbalancers: 4` cannot hold. Checked across every input of the run, with the namespace's LimitRange defaults applied to the pods first.")

    /// A tenant quota of one load balancer and two LoadBalancer Services in its namespace.
    static let example = """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: team-a-quota, namespace: team-a}
        spec:
          hard: {services.loadbalancers: "1"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: team-a}
        spec: {type: LoadBalancer, ports: [{port: 8200}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: team-a}
        spec: {type: LoadBalancer, ports: [{port: 8200}]}

        """

    /// One object the API server would be asked to admit, and what it counts.
    struct Charge {
        var entry: Int
        var what: String
        var usage: [String: Int]
    }

    /// What the quota admission would refuse first, how many it would refuse, and every
    /// limit some refusal crossed.
    struct Refusal {
        var charge: Charge
        var exceeded: [String]
        var requested: [String: Int]
        var used: [String: Int]
        var count = 1
        var crossed: Set<String>
    }

    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        let quotas = set.entries.indices.compactMap { index -> (index: Int, quota: ResourceQuota)? in
            guard set.entries[index].object.kind == ResourceQuota.kind, set.entries[index].object.apiVersion == ResourceQuota.apiVersion,
                case .other(let values) = set.entries[index].object, let quota = try? ResourceQuota(decoding: values),
                !quota.spec.hard.isEmpty
            else { return nil }
            return (index, quota)
        }
        guard !quotas.isEmpty else { return [] }
        let limitRanges = set.entries.compactMap { entry -> (namespace: String?, items: [LimitRangeItem])? in
            guard entry.object.kind == LimitRange.kind, case .other(let values) = entry.object,
                let range = try? LimitRange(decoding: values)
            else { return nil }
            return (range.metadata.namespace, range.spec.limits)
        }
        var findings: [ManifestFinding] = []
        for (quotaIndex, quota) in quotas {
            let namespace = quota.metadata.namespace
            let items = limitRanges.filter { sameNamespace($0.namespace, namespace) }.flatMap(\.items)
            let required = QuotaUsage.requiredByQuota(Array(quota.spec.hard.keys))
            var charges: [Charge] = []
            for (index, service) in set.services where sameNamespace(service.metadata.namespace, namespace) {
                charges.append(Charge(entry: index, what: "Service \(service.metadata.name)", usage: Dictionary(uniqueKeysWithValues: QuotaUsage.service(service.spec).map { ($0.key, $0.value) })))
            }
            for (index, entry) in set.entries.enumerated() where sameNamespace(entry.namespace, namespace) {
                if case .persistentVolumeClaim(let claim) = entry.object {
                    charges.append(Charge(entry: index, what: entry.title, usage: dictionary(QuotaUsage.claim(claim.spec))))
                }
            }
            for group in set.podGroups where sameNamespace(group.namespace, namespace) && group.replicas > 0 {
                guard let spec = group.podSpec?.applyingLimitRangeDefaults(items) else { continue }
                let missing = QuotaUsage.missing(required, in: spec)
                if !missing.isEmpty {
                    findings.append(mustSpecify(missing, quota: quota, group: group, set: set))
                    continue
                }
                var usage = dictionary(QuotaUsage.pod(spec))
                for claim in claimTemplates(of: set.entries[group.entry].object) {
                    usage.merge(dictionary(QuotaUsage.claim(claim)), uniquingKeysWith: +)
                }
                let name = group.statefulSetName ?? set.entries[group.entry].object.name
                for ordinal in 0..<group.replicas {
                    charges.append(Charge(entry: group.entry, what: "pod \(name)-\(ordinal) of \(set.entries[group.entry].title)", usage: usage))
                }
            }
            if let finding = exceeded(quota, at: quotaIndex, charges: charges) { findings.append(finding) }
        }
        return findings
    }

    /// Charges in order, refusing what would cross a limit as the quota admission does.
    private static func exceeded(_ quota: ResourceQuota, at index: Int, charges: [Charge]) -> ManifestFinding? {
        let hard = Dictionary(uniqueKeysWithValues: quota.spec.hard.map { ($0.key, $0.value) })
        var used: [String: Int] = [:]
        var needed: [String: Int] = [:]
        var first: Refusal?
        for charge in charges {
            let requested = charge.usage.filter { hard[$0.key] != nil && $0.value > 0 }
            for (name, amount) in requested { needed[name, default: 0] += amount }
            let exceeded = requested.keys.filter { (used[$0] ?? 0) + requested[$0]! > hard[$0]!.milliValue }.sorted()
            if exceeded.isEmpty {
                for (name, amount) in requested { used[name, default: 0] += amount }
            } else if first == nil {
                first = Refusal(charge: charge, exceeded: exceeded, requested: requested, used: used, crossed: Set(exceeded))
            } else {
                first!.count += 1
                first!.crossed.formUnion(exceeded)
            }
        }
        guard let refusal = first else { return nil }
        func print(_ amounts: [String: Int], _ keys: [String]) -> String {
            QuotaUsage.prettyPrint(Dictionary(uniqueKeysWithValues: keys.map { ($0, amounts[$0] ?? 0) }), like: hard)
        }
        let keys = refusal.exceeded
        let message = "exceeded quota: \(quota.metadata.name), requested: \(print(refusal.requested, keys)), used: \(print(refusal.used, keys)), limited: \(print(hard.mapValues(\.milliValue), keys))"
        let crossed = refusal.crossed.sorted()
        let more = refusal.count > 1 ? " and \(refusal.count - 1) more object(s) after it" : ""
        let namespace = quota.metadata.namespace.map { " in namespace \($0)" } ?? ""
        return ManifestFinding(
            rule: rule.id, entry: index, path: ValuePath(keys: ["spec", "hard", crossed[0]]),
            problem: "ResourceQuota \(quota.metadata.name)\(namespace) cannot hold the objects of the set: they need \(print(needed, crossed)); the API server would refuse \(refusal.charge.what)\(more): \(message)",
            fix: crossed.map { "raise \($0) to at least \(QuotaUsage.canonical(needed[$0] ?? 0, binary: hard[$0].map { $0.text.hasSuffix("i") } ?? false))" }.joined(separator: " and ")
                + (crossed.contains("services.loadbalancers") ? ", or give the Space's instance Services service.type=NodePort or ClusterIP" : "")
                + ", or make the releases need less",
            valuesKeys: crossed.map { "quota.hard.\($0)" })
    }

    private static func mustSpecify(_ missing: [String], quota: ResourceQuota, group: PodGroup, set: ManifestSet) -> ManifestFinding {
        let message = "failed quota: \(quota.metadata.name): must specify \(missing.joined(separator: ","))"
        return ManifestFinding(
            rule: rule.id, entry: group.entry, path: group.podSpecPath,
            problem: "\(set.entries[group.entry].title) runs pods the API server would refuse in its namespace: \(message)",
            fix: "set \(missing.joined(separator: " and ")) on every container, or give the namespace a LimitRange with defaults for them",
            valuesKeys: ["resources"], valuesFix: "set resources.requests and resources.limits for \(missing.joined(separator: ", "))")
    }

    private static func claimTemplates(of object: KubernetesObject) -> [PersistentVolumeClaimSpec] {
        guard case .statefulSet(let set) = object else { return [] }
        return set.spec.volumeClaimTemplates.map(\.spec)
    }

    private static func dictionary(_ ordered: some Sequence<(key: String, value: Int)>) -> [String: Int] {
        Dictionary(ordered.map { ($0.key, $0.value) }, uniquingKeysWith: +)
    }
}
