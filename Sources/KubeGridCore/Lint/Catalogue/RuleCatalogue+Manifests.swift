extension RuleCatalogue {
    /// Rules over rendered manifests, all files of one run linted as one cluster.
    static let manifestRules: [LintRule] = [
        LintRule(
            "KG201", "node-port-range", .error, .manifests,
            title: "A node port outside \(KubernetesLimits.nodePortRangeText), or on a ClusterIP Service",
            help: "Use a node port within \(KubernetesLimits.nodePortRangeText) on a NodePort or LoadBalancer Service, or leave it out.",
            documentation: "Kubernetes allocates node ports from \(KubernetesLimits.nodePortRangeText) by default and rejects others, and a ClusterIP Service cannot have one."),
        LintRule(
            "KG202", "node-port-conflict", .error, .manifests,
            title: "Two Services ask for the same node port",
            help: "Move one release's initialNodePort (or nodePort) so the blocks do not overlap.",
            documentation: "A node port is allocated once per cluster. The classic case is two Space releases whose sequential initialNodePort blocks overlap: the second release fails to install halfway."),
        LintRule(
            "KG203", "service-selects-nothing", .error, .manifests,
            title: "A Service selects no pod",
            help: "Make the Service's selector match the labels of a pod template in the set.",
            documentation: "A Service whose selector matches no pod template (counting the statefulset.kubernetes.io/pod-name label each StatefulSet pod gets) has no endpoints, so clients cannot connect."),
        LintRule(
            "KG204", "statefulset-service-missing", .error, .manifests,
            title: "A StatefulSet's serviceName names no headless Service",
            help: "Add a headless Service (clusterIP: None) of that name, or fix serviceName.",
            documentation: "A StatefulSet's pods get their stable DNS names (<pod>.<serviceName>) from a headless Service; GigaSpaces managers find each other and Spaces find the manager through them."),
        LintRule(
            "KG205", "selector-template-mismatch", .error, .manifests,
            title: "A StatefulSet's selector does not match its pod template",
            help: "Make spec.selector match spec.template.metadata.labels.",
            documentation: "Kubernetes rejects a StatefulSet whose selector does not select the pods its own template creates."),
        LintRule(
            "KG206", "invalid-name", .error, .manifests,
            title: "An object name Kubernetes rejects",
            help: "Use lowercase letters, digits and '-', starting and ending with a letter or digit, at most \(KubernetesLimits.labelLength) characters.",
            documentation: "Services need DNS-1035 labels, StatefulSets DNS-1123 labels (their pods are named after them), other objects DNS-1123 subdomains of at most 253 characters."),
        LintRule(
            "KG207", "statefulset-name-too-long", .error, .manifests,
            title: "A StatefulSet name longer than \(KubernetesLimits.statefulSetNameLength) characters",
            help: "Shorten the release name or set fullnameOverride.",
            documentation: "Kubernetes adds a controller-revision-hash label of <name>-<10 characters> to every pod; past \(KubernetesLimits.statefulSetNameLength) characters that label exceeds \(KubernetesLimits.labelLength) and the pods are never created."),
        LintRule(
            "KG208", "invalid-label", .error, .manifests,
            title: "A label key or value Kubernetes rejects",
            help: "Keep label values to \(KubernetesLimits.labelLength) characters of letters, digits, '-', '_' and '.', starting and ending alphanumeric.",
            documentation: "Label names are an optional DNS subdomain prefix and a name of at most \(KubernetesLimits.labelLength) characters; values at most \(KubernetesLimits.labelLength) characters. Selectors are held to the same limits."),
        LintRule(
            "KG209", "partition-anti-affinity", .warning, .manifests,
            title: "An HA partition or manager set without required pod anti-affinity",
            help: "Add requiredDuringSchedulingIgnoredDuringExecution pod anti-affinity selecting the StatefulSet's own pods.",
            documentation: "A partition with a backup, or a set of managers, keeps its promise only when its pods run on different nodes (or zones); without required anti-affinity selecting its own pods one node loss can take both primary and backup."),
        LintRule(
            "KG210", "partition-disruption-budget", .warning, .manifests,
            title: "An HA partition without a PodDisruptionBudget",
            help: "Add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 selecting the partition's pods.",
            documentation: "Without a PodDisruptionBudget a node drain may evict a partition's primary and backup together, losing the partition's data."),
        LintRule(
            "KG211", "space-readiness-probe", .warning, .manifests,
            title: "An HA Space pod without a readiness probe",
            help: "Add a readinessProbe (the charts' readinessProbe.enabled=true).",
            documentation: "A rolling upgrade replaces a partition's pods one at a time, waiting for each to be ready; without a readiness probe the next pod goes before the backup has recovered, which can lose the partition."),
        LintRule(
            "KG212", "container-resources", .warning, .manifests,
            title: "A container, init containers included, without a memory limit",
            help: "Set resources.limits.memory (and requests) on the container.",
            documentation: "GigaSpaces sizes the JVM heap from the memory limit (java.heap: limit-150Mi); without one a container may take a node's memory and be killed unpredictably. Init containers are checked too: the scheduler sizes a pod by its largest init container as well."),
        LintRule(
            "KG213", "image-tag", .warning, .manifests,
            title: "An image without a tag, or tagged latest",
            help: "Pin the image to a version tag (or a digest).",
            documentation: "`latest` (which a missing tag means) changes under a running grid: pods restarted later run another version than their partition's other instance."),
        LintRule(
            "KG214", "removed-api-version", .error, .manifests,
            title: "An apiVersion the target Kubernetes version does not serve",
            help: "Use the apiVersion the message names, or render for another --kube-version.",
            documentation: "policy/v1beta1 PodDisruptionBudgets, apps/v1beta1 and apps/v1beta2 StatefulSets and similar versions were removed from Kubernetes; the API server rejects them. Checked against --kube-version (default \(KubeVersion.current)): a version removed after it is fine, and one it does not serve yet (policy/v1 before 1.21) is an error too."),
        LintRule(
            "KG215", "not-enough-nodes", .error, .manifests,
            title: "Required anti-affinity needs more nodes than --nodes gives",
            help: "Add nodes, or lower the replicas that must run on distinct nodes.",
            documentation: "With required anti-affinity on kubernetes.io/hostname each pod of a StatefulSet needs its own node; the pods beyond the node count stay Pending. Checked when --nodes is given."),
        LintRule(
            "KG216", "invalid-object", .error, .manifests,
            title: "A document that is not a valid Kubernetes object",
            help: "Fix the field the message names.",
            documentation: "A document without apiVersion, kind or metadata.name, or a field of the wrong type, is rejected by the API server."),
        LintRule(
            "KG217", "duplicate-object", .error, .manifests,
            title: "The same object twice in the set",
            help: "Remove one copy, or give the objects different names or namespaces.",
            documentation: "Two objects of one kind, namespace and name overwrite each other when applied; usually two releases rendered with the same name."),
        LintRule(
            "KG218", "disruption-budget-selects-nothing", .warning, .manifests,
            title: "A PodDisruptionBudget selects no pod",
            help: "Make the budget's selector match the labels of the pods it protects.",
            documentation: "A budget that matches no pod protects nothing, while looking as if it did."),
        PodSecurityRule.rule, TokenAutomountRule.rule, RBACWildcardRule.rule, GroupBindingRule.rule,
        SecretLiteralRule.rule, NetworkPolicyCoverageRule.rule, QuotaRule.rule,
    ]
}
