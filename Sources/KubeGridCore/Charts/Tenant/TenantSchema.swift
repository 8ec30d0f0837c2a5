/// The values of the `insightedge-tenant` chart (issue 13): one team's namespace on a
/// shared cluster, with its quota, container defaults, network isolation and access.
enum TenantSchema {
    /// Pod Security Standards levels, as the namespace labels of Pod Security Admission spell them.
    static let podSecurityLevels = PodSecurityLevel.allCases.map(\.rawValue)

    static let schema = ValuesSchema([
        ValueField("namespace", .string, default: "",
                   "The tenant's namespace (default: the release name); grids of the tenant install into it."),
        ValueField("podSecurity", .object([
            ValueField("enforce", .enumeration(podSecurityLevels), default: "restricted",
                       "Pod Security Standards level the API server enforces: a violating pod is refused."),
            ValueField("warn", .enumeration(podSecurityLevels), default: "restricted",
                       "Level whose violations are returned to the client as warnings."),
            ValueField("audit", .enumeration(podSecurityLevels), default: "restricted",
                       "Level whose violations are recorded in the audit log."),
            ValueField("version", .string, default: "latest",
                       "Version of the Pod Security Standards the three levels mean (`latest` or `v1.32`)."),
        ]), "Pod Security Admission labels of the namespace."),
        ValueField("quota", .object([
            ValueField("enabled", .boolean, default: true, "Write the tenant's ResourceQuota."),
            ValueField("hard", .quantityMap, default: [
                "requests.cpu": "16",
                "requests.memory": "64Gi",
                "limits.memory": "64Gi",
                "pods": "50",
                "services.loadbalancers": "4",
                "services.nodeports": "10",
                "persistentvolumeclaims": "20",
                "requests.storage": "500Gi",
            ], "The quota's hard limits by Kubernetes resource name; a null entry removes one."),
        ]), "What the tenant's objects may use together (a ResourceQuota)."),
        ValueField("limitRange", .object([
            ValueField("enabled", .boolean, default: true, "Write the tenant's LimitRange."),
            ValueField("default", .quantityMap, default: ["cpu": "1", "memory": "1Gi"],
                       "Limits of a container that sets none."),
            ValueField("defaultRequest", .quantityMap, default: ["cpu": "250m", "memory": "512Mi"],
                       "Requests of a container that sets none."),
            ValueField("max", .quantityMap, default: [:], "The most a container may ask for."),
            ValueField("min", .quantityMap, default: [:], "The least a container may ask for."),
        ]), "Container defaults and bounds (a LimitRange of type Container)."),
        ValueField("networkPolicy", .object([
            ValueField("enabled", .boolean, default: true,
                       "Deny all traffic by default, and open what a grid needs: traffic between the namespace's pods (the grid charts' own policies then admit their ports), DNS, and the Kubernetes API."),
            ValueField("apiServerCIDRs", .stringList, default: .list([]),
                       "Networks (CIDR) of the Kubernetes API server; empty allows ports 443 and 6443 to anywhere."),
        ]), "Network isolation of the namespace."),
        accessField("admins", "may deploy and manage grids in the namespace (not its quota, limits or policies)"),
        accessField("viewers", "may read the namespace's objects (not its Secrets)"),
    ])

    private static func accessField(_ key: String, _ what: String) -> ValueField {
        ValueField(key, .object([
            ValueField("users", .stringList, default: .list([]), "User names bound to the role."),
            ValueField("groups", .stringList, default: .list([]), "Group names bound to the role."),
        ]), "Who \(what).")
    }
}
