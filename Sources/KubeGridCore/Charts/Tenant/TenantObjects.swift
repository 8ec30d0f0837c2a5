import OrderedCollections

/// The objects of the `insightedge-tenant` chart: the namespace and what governs it.
///
/// Every object is named after the release and sits in the tenant's namespace, whatever
/// `--namespace` says: the chart makes that namespace.
struct TenantObjects: Sendable {
    let values: TenantValues
    let release: String

    static let chartPath = TenantChart.name

    /// The tenant's namespace: `namespace`, else the release name.
    var namespace: String { values.namespace ?? release }

    var labels: OrderedDictionary<String, String> {
        [GridLabels.name: TenantChart.name, GridLabels.instance: release]
    }

    func metadata(_ suffix: String) -> ObjectMeta {
        ObjectMeta(name: "\(release)-\(suffix)", namespace: namespace, labels: labels)
    }

    var quotaName: String { "\(release)-quota" }

    var templates: [RenderedTemplate] {
        var templates = [template("namespace.yaml", "Namespace", [namespaceObject().encoded()])]
        if values.quotaEnabled && !values.quotaHard.isEmpty {
            templates.append(template("resourcequota.yaml", "ResourceQuota", [resourceQuota().encoded()]))
        }
        if values.limitRangeEnabled, let limits = limitRange() {
            templates.append(template("limitrange.yaml", "LimitRange", [limits.encoded()]))
        }
        if values.networkPolicyEnabled {
            templates.append(template("networkpolicy.yaml", "NetworkPolicy", networkPolicies().map { $0.encoded() }))
        }
        let access = TenantAccess(objects: self)
        templates.append(template("role.yaml", "Role", access.roles().map { $0.encoded() }))
        let bindings = access.roleBindings()
        if !bindings.isEmpty {
            templates.append(template("rolebinding.yaml", "RoleBinding", bindings.map { $0.encoded() }))
        }
        return templates
    }

    private func template(_ file: String, _ kind: String, _ objects: [Values]) -> RenderedTemplate {
        RenderedTemplate(path: "\(Self.chartPath)/templates/\(file)", kind: kind, count: objects.count) { .other(objects[$0]) }
    }

    // MARK: Namespace, quota, limits

    /// Pod Security Admission reads these labels: `enforce` refuses, `warn` warns, `audit` records.
    func namespaceObject() -> Namespace {
        var labels = self.labels
        let security = values.podSecurity
        for (mode, level) in [("enforce", security.enforce), ("warn", security.warn), ("audit", security.audit)] {
            labels["\(PodSecurityLabels.prefix)\(mode)"] = level
            labels["\(PodSecurityLabels.prefix)\(mode)-version"] = security.version
        }
        return Namespace(metadata: ObjectMeta(name: namespace, labels: labels))
    }

    func resourceQuota() -> ResourceQuota {
        ResourceQuota(
            metadata: ObjectMeta(name: quotaName, namespace: namespace, labels: labels),
            spec: ResourceQuotaSpec(hard: Self.quantities(values.quotaHard)))
    }

    /// A LimitRange of type Container, or nil when it would say nothing.
    func limitRange() -> LimitRange? {
        let item = LimitRangeItem(
            default: Self.quantities(values.limitDefault), defaultRequest: Self.quantities(values.limitDefaultRequest),
            max: Self.quantities(values.limitMax), min: Self.quantities(values.limitMin), type: "Container")
        if item.default.isEmpty && item.defaultRequest.isEmpty && item.max.isEmpty && item.min.isEmpty { return nil }
        return LimitRange(metadata: metadata("limits"), spec: LimitRangeSpec(limits: [item]))
    }

    /// Quantities the schema validated; text that does not parse cannot reach this point.
    static func quantities(_ texts: OrderedDictionary<String, String>) -> OrderedDictionary<String, Quantity> {
        texts.compactMapValues { try? Quantity($0) }
    }

    // MARK: Network

    /// A policy that selects every pod and admits nothing, so only what another policy
    /// opens gets through; and one opening the egress a grid needs. Ingress to the grid's
    /// pods is then what the grid charts' own NetworkPolicies admit (`Charts/Security`).
    func networkPolicies() -> [NetworkPolicy] {
        let everyPod = LabelSelector()
        let deny = NetworkPolicy(
            metadata: metadata("default-deny"),
            spec: NetworkPolicySpec(podSelector: everyPod, policyTypes: ["Ingress", "Egress"]))
        let dns = NetworkPolicyPeer(
            namespaceSelector: LabelSelector(matchLabels: [Self.namespaceNameLabel: "kube-system"]),
            podSelector: LabelSelector(matchLabels: ["k8s-app": "kube-dns"]))
        let apiServer = values.apiServerCIDRs.map { NetworkPolicyPeer(ipBlock: IPBlock(cidr: $0)) }
        let grid = NetworkPolicy(
            metadata: metadata("grid-egress"),
            spec: NetworkPolicySpec(
                podSelector: everyPod, policyTypes: ["Egress"],
                egress: [
                    // The grid's own traffic: managers, Space instances and clients of this namespace.
                    NetworkPolicyEgressRule(to: [NetworkPolicyPeer(podSelector: everyPod)]),
                    NetworkPolicyEgressRule(
                        ports: [NetworkPolicyPort(port: 53, protocol: .udp), NetworkPolicyPort(port: 53, protocol: .tcp)],
                        to: [dns]),
                    // Space instances read their Service and node from the Kubernetes API.
                    NetworkPolicyEgressRule(
                        ports: Self.apiServerPorts.map { NetworkPolicyPort(port: .int($0), protocol: .tcp) }, to: apiServer),
                ]))
        return [deny, grid]
    }

    /// The label the API server puts on every namespace with its own name (Kubernetes 1.21+).
    static let namespaceNameLabel = "kubernetes.io/metadata.name"
    /// The Kubernetes API's ports: 443 behind the `kubernetes` Service, 6443 on the servers.
    static let apiServerPorts = [443, 6443]
}

/// The namespace labels Pod Security Admission reads.
public enum PodSecurityLabels {
    public static let prefix = "pod-security.kubernetes.io/"
}
