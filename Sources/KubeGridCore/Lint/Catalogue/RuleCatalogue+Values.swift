extension RuleCatalogue {
    /// Files and flags that cannot be read.
    static let inputRules: [LintRule] = [
        LintRule(
            "KG010", "unreadable-input", .error, .input,
            title: "An input cannot be read",
            help: "Check the path: give an existing file, a chart directory or a built-in chart name.",
            documentation: "A file or directory named on the command line (or with -f) does not exist or cannot be read. The rest of the inputs are still linted."),
        LintRule(
            "KG011", "malformed-input", .error, .input,
            title: "An input is not valid YAML or JSON",
            help: "Fix the syntax at the line and column given.",
            documentation: "libyaml or jansson rejected the text. Nothing after the error in that file can be linted; the other inputs still are."),
        LintRule(
            "KG012", "invalid-values-input", .error, .input,
            title: "Values cannot be assembled from the files and flags",
            help: "Make every values file a map of keys and fix the --set expression named.",
            documentation: "A values file whose top level is not a map, a --set family expression Helm cannot parse, or a values file given without a chart to lint it against."),
        LintRule(
            "KG013", "partly-linted", .info, .input,
            title: "kubegrid could lint an input only in part",
            help: "Unpack packed subcharts (tar -xzf) so kubegrid can read the chart's values.",
            documentation: "A chart directory kubegrid cannot load as a whole (a packed subchart under charts/, say) still gets its directory rules, but not the values rules; this note says so instead of passing silently."),
    ]

    /// The chart's own rules, as `kubegrid render` applies them to values.
    static let valuesRules: [LintRule] = [
        LintRule(
            "KG001", "invalid-value", .error, .values,
            title: "A value has the wrong type, is out of range or is not an allowed word",
            help: "Set the key to a value of the type and range the message gives.",
            documentation: "Checked against the chart's typed model, the same model values.schema.json is generated from. `kubegrid values CHART` shows the values after merging."),
        LintRule(
            "KG002", "unknown-key", .warning, .values,
            title: "A key the chart does not know",
            help: "Remove the key or fix its spelling (the message suggests the closest known key).",
            documentation: "Helm silently ignores keys a chart does not read, so a typo such as `antiAfinity` leaves the setting at its default. kubegrid names the key and the closest known one."),
        LintRule(
            "KG003", "deprecated-key", .warning, .values,
            title: "A deprecated spelling of a key, or a key of GigaSpaces' own charts",
            help: "Write the key the message names, or run kubegrid values CHART --migrate FILE.",
            documentation: "The GigaSpaces documentation spells `service.lrmi.InitialNodePort`; the charts read `initialNodePort` and accept the old spelling with this warning. Keys of GigaSpaces' own 14.5-16.x charts (`enableExternalClient`, `service.port`, `service.ports.*`, `hs.ports.*`, 15.2's `nodeSelector.enabled/selector`, …) are read with their old meaning, or ignored when kubegrid has none (`spaceName`, `metrics.*`); the message says which and what to write instead."),
        LintRule(
            "KG101", "partitions-and-instances", .error, .values,
            title: "partitions and instances set together",
            help: "Set partitions for a partitioned Space or instances for a replicated one, not both.",
            documentation: "A Space is either partitioned (one StatefulSet per partition) or replicated (one StatefulSet of instances); the chart cannot render both."),
        LintRule(
            "KG102", "ha-without-partitions", .error, .values,
            title: "ha without partitions",
            help: "Set partitions=N, or ha=false.",
            documentation: "A backup belongs to a partition; ha adds one backup per partition and means nothing without partitions."),
        LintRule(
            "KG103", "instances-with-anti-affinity", .error, .values,
            title: "Anti-affinity on a replicated Space",
            help: "Set partitions=N, or antiAffinity.enabled=false.",
            documentation: "Anti-affinity keeps a partition's primary and backup apart; a Space of instances has no partitions to apply it to."),
        LintRule(
            "KG104", "memoryxtend-incomplete", .error, .values,
            title: "MemoryXtend enabled without its volume settings",
            help: "Set memoryXtendVolume.volumeMount.name, .mountPath and .volumeClaimTemplate.storage.",
            documentation: "MemoryXtend stores off-heap data on a persistent volume per Space instance; the claim needs a size and the container a mount."),
        LintRule(
            "KG105", "ha-without-anti-affinity", .warning, .values,
            title: "ha without anti-affinity",
            help: "Set antiAffinity.enabled=true.",
            documentation: "Without required pod anti-affinity the scheduler may put a partition's primary and backup (or two of three managers) on one node; losing that node then loses the partition (or the ZooKeeper quorum)."),
        LintRule(
            "KG106", "cluster-ip-node-port", .error, .values,
            title: "A node port on a ClusterIP Service",
            help: "Remove the node port, or set service.type=NodePort.",
            documentation: "A ClusterIP Service opens no port on the nodes; Kubernetes rejects a nodePort on it."),
        LintRule(
            "KG107", "node-port-block-overflow", .error, .values,
            title: "The sequential node-port block runs past \(KubernetesLimits.nodePortRange.upperBound)",
            help: "Lower service.lrmi.initialNodePort to the largest value the message gives.",
            documentation: "Instance Services get initialNodePort, initialNodePort+1, … in creation order; the last one must stay within \(KubernetesLimits.nodePortRangeText)."),
        LintRule(
            "KG108", "node-port-collision", .error, .values,
            title: "Two Services of a release ask for the same node port",
            help: "Give each port its own node port, outside the Space's sequential block.",
            documentation: "A node port can be allocated once in a cluster; the second Service fails to install."),
        LintRule(
            "KG109", "load-balancer-count", .info, .values,
            title: "How many load balancers a Space needs",
            help: "Consider service.type=NodePort when the cost of one load balancer per Space instance matters.",
            documentation: "A LoadBalancer Space with lrmi enabled gets one Service, and so one cloud load balancer, per Space instance: 2P for a P-partition HA Space."),
        LintRule(
            "KG110", "release-name", .error, .values,
            title: "The release name is not a valid Helm release name",
            help: "Use a DNS-1123 label of at most 53 characters (--name).",
            documentation: "Helm requires release names of lowercase letters, digits and '-', at most 53 characters, because they prefix object names."),
        LintRule(
            "KG111", "name-too-long", .error, .values,
            title: "An object name the chart builds is too long",
            help: "Shorten the release name or set fullnameOverride.",
            documentation: "StatefulSet names are limited to \(KubernetesLimits.statefulSetNameLength) characters (Kubernetes appends a hash in the controller-revision-hash label) and Service names to \(KubernetesLimits.labelLength)."),
    ]
}
