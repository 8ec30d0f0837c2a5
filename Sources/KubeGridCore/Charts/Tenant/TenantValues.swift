import OrderedCollections

/// The typed values of the `insightedge-tenant` chart.
public struct TenantValues: Sendable, Hashable {
    /// Pod Security Admission's three modes, each with a level.
    public struct PodSecurity: Sendable, Hashable {
        public var enforce: String
        public var warn: String
        public var audit: String
        public var version: String
    }

    /// The users and groups bound to one of the tenant's roles.
    public struct Subjects: Sendable, Hashable {
        public var users: [String]
        public var groups: [String]

        init(_ reader: FieldReader) {
            users = reader.stringList("users")
            groups = reader.stringList("groups")
        }

        public var isEmpty: Bool { users.isEmpty && groups.isEmpty }
    }

    /// `namespace`, when set; the release name otherwise.
    public var namespace: String?
    public var podSecurity: PodSecurity
    public var quotaEnabled: Bool
    public var quotaHard: OrderedDictionary<String, String>
    public var limitRangeEnabled: Bool
    public var limitDefault: OrderedDictionary<String, String>
    public var limitDefaultRequest: OrderedDictionary<String, String>
    public var limitMax: OrderedDictionary<String, String>
    public var limitMin: OrderedDictionary<String, String>
    public var networkPolicyEnabled: Bool
    public var apiServerCIDRs: [String]
    public var admins: Subjects
    public var viewers: Subjects

    /// Reads values the tenant schema has validated.
    init(validated values: Values) {
        let reader = FieldReader(values)
        namespace = reader.optionalString("namespace")
        let security = reader.object("podSecurity")
        podSecurity = PodSecurity(
            enforce: security.string("enforce"), warn: security.string("warn"), audit: security.string("audit"),
            version: security.optionalString("version") ?? "latest")
        let quota = reader.object("quota")
        quotaEnabled = quota.bool("enabled")
        quotaHard = quota.quantityTexts("hard")
        let limits = reader.object("limitRange")
        limitRangeEnabled = limits.bool("enabled")
        limitDefault = limits.quantityTexts("default")
        limitDefaultRequest = limits.quantityTexts("defaultRequest")
        limitMax = limits.quantityTexts("max")
        limitMin = limits.quantityTexts("min")
        let network = reader.object("networkPolicy")
        networkPolicyEnabled = network.bool("enabled")
        apiServerCIDRs = network.stringList("apiServerCIDRs")
        admins = Subjects(reader.object("admins"))
        viewers = Subjects(reader.object("viewers"))
    }

    /// The chart's rules beyond single keys.
    func ruleDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let namespace, let problem = KubernetesNames.dnsLabelProblem(namespace) {
            diagnostics.append(Diagnostic(
                .error, rule: "KG001", path: ValuePath(dotted: "namespace"),
                "\"\(namespace)\" \(problem); set namespace to a DNS-1123 label such as team-a"))
        }
        return diagnostics
    }
}
