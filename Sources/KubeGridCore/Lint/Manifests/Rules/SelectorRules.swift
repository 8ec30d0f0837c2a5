/// KG203, KG204, KG205 and KG218: Services, StatefulSets and budgets that must find their pods.
enum SelectorRules {
    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        servicesSelectPods(set) + statefulSetServices(set) + statefulSetSelectors(set) + budgetsSelectPods(set)
    }

    /// KG203: every Service selector matches a pod some workload in the set creates.
    static func servicesSelectPods(_ set: ManifestSet) -> [ManifestFinding] {
        set.services.compactMap { index, service in
            let selector = service.spec.selector
            guard !selector.isEmpty, service.spec.effectiveType != .externalName,
                !set.selectsSomePod(selector, namespace: service.metadata.namespace)
            else { return nil }
            let labels = selector.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return ManifestFinding(
                rule: "KG203", entry: index, path: .fields("spec.selector"),
                problem: "\(set.entries[index].title) selects \(labels), but no pod of the set has those labels, so it has no endpoints",
                fix: "make the selector match a pod template's labels, or lint the manifests of the workload too")
        }
    }

    /// KG204: a StatefulSet's serviceName names a headless Service of its namespace.
    static func statefulSetServices(_ set: ManifestSet) -> [ManifestFinding] {
        let services = set.services
        return set.statefulSets.compactMap { index, statefulSet in
            let title = set.entries[index].title
            guard let name = statefulSet.spec.serviceName, !name.isEmpty else {
                return ManifestFinding(
                    rule: "KG204", entry: index, path: .fields("spec"),
                    problem: "\(title) has no serviceName, so its pods get no stable DNS names",
                    fix: "set spec.serviceName to a headless Service selecting its pods")
            }
            let named = services.filter {
                $0.service.metadata.name == name && sameNamespace($0.service.metadata.namespace, statefulSet.metadata.namespace)
            }
            if named.isEmpty {
                return ManifestFinding(
                    rule: "KG204", entry: index, path: .fields("spec.serviceName"),
                    problem: "\(title) names Service \(name) in serviceName, but the set has no Service of that name",
                    fix: "add a headless Service (clusterIP: None) named \(name)")
            }
            if !named.contains(where: { $0.service.spec.isHeadless }) {
                return ManifestFinding(
                    rule: "KG204", entry: index, path: .fields("spec.serviceName"),
                    problem: "\(title) names Service \(name) in serviceName, but that Service is not headless, so its pods get no DNS names",
                    fix: "set clusterIP: None on Service \(name)")
            }
            return nil
        }
    }

    /// KG205: a StatefulSet's selector selects the pods its template creates.
    static func statefulSetSelectors(_ set: ManifestSet) -> [ManifestFinding] {
        set.statefulSets.compactMap { index, statefulSet in
            let selector = statefulSet.spec.selector
            let title = set.entries[index].title
            if selector.matchLabels.isEmpty && selector.matchExpressions.isEmpty {
                return ManifestFinding(
                    rule: "KG205", entry: index, path: .fields("spec.selector"),
                    problem: "\(title) has an empty selector, which Kubernetes rejects",
                    fix: "select the pod template's labels, e.g. its selectorId")
            }
            guard !selector.matches(statefulSet.spec.template.metadata.labels) else { return nil }
            return ManifestFinding(
                rule: "KG205", entry: index, path: .fields("spec.selector"),
                problem: "\(title) has a selector that does not match its pod template's labels, which Kubernetes rejects",
                fix: "make spec.selector match spec.template.metadata.labels")
        }
    }

    /// KG218: every PodDisruptionBudget protects some pod.
    static func budgetsSelectPods(_ set: ManifestSet) -> [ManifestFinding] {
        set.budgets.compactMap { index, budget in
            // Without a selector a policy/v1 budget covers every pod of its namespace.
            guard let selector = budget.spec.selector, !set.selectsSomePod(selector, namespace: budget.metadata.namespace)
            else { return nil }
            return ManifestFinding(
                rule: "KG218", entry: index, path: .fields("spec.selector"),
                problem: "\(set.entries[index].title) selects no pod of the set, so it protects nothing",
                fix: "make the selector match the labels of the pods it should protect")
        }
    }
}
