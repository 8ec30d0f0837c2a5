import KubeGridSim

/// One resource `kubegrid serve` serves, as discovery describes it: the single place
/// that says what is served, under which group, with which verbs and short names.
public struct APIResource: Sendable {
    public var group: String
    public var version: String
    public var name: String
    public var singularName: String
    public var kind: ObjectKind
    public var verbs: [String]
    public var shortNames: [String]
    public var categories: [String]
    public var subresources: [APISubresource]

    /// `v1` for the core group, `apps/v1` otherwise.
    public var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var namespaced: Bool { kind.isNamespaced }

    /// The verbs this server implements.
    static let readWrite = ["create", "delete", "get", "list", "patch", "update", "watch"]
    /// With `deletecollection`, which kube-apiserver's generic registry gives every
    /// resource but Namespaces and Services.
    static let readWriteCollection = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    static let readOnly = ["get", "list", "watch"]

    /// Every resource served, in discovery order.
    public static let all: [APIResource] = [
        APIResource(
            group: "", version: "v1", name: "namespaces", singularName: "namespace", kind: .namespace,
            verbs: readWrite, shortNames: ["ns"], categories: [], subresources: []),
        APIResource(
            group: "", version: "v1", name: "nodes", singularName: "node", kind: .node,
            verbs: ["delete", "deletecollection", "get", "list", "patch", "update", "watch"], shortNames: ["no"], categories: [],
            subresources: [.status(.node)]),
        APIResource(
            group: "", version: "v1", name: "pods", singularName: "pod", kind: .pod,
            verbs: ["delete", "deletecollection", "get", "list", "watch"], shortNames: ["po"], categories: ["all"],
            subresources: [.eviction, .log, .status(.pod)]),
        APIResource(
            group: "", version: "v1", name: "services", singularName: "service", kind: .service,
            verbs: readWrite, shortNames: ["svc"], categories: ["all"], subresources: [.proxy, .status(.service)]),
        APIResource(
            group: "apps", version: "v1", name: "statefulsets", singularName: "statefulset", kind: .statefulSet,
            verbs: readWriteCollection, shortNames: ["sts"], categories: ["all"], subresources: [.scale, .status(.statefulSet)]),
        APIResource(
            group: "policy", version: "v1", name: "poddisruptionbudgets", singularName: "poddisruptionbudget",
            kind: .podDisruptionBudget, verbs: readWriteCollection, shortNames: ["pdb"], categories: [],
            subresources: [.status(.podDisruptionBudget)]),
        stored("", "configmaps", .configMap, shortNames: ["cm"]),
        stored("", "secrets", .secret),
        stored("", "serviceaccounts", .serviceAccount, shortNames: ["sa"]),
        stored("", "resourcequotas", .resourceQuota, shortNames: ["quota"]),
        stored("", "limitranges", .limitRange, shortNames: ["limits"]),
        stored("rbac.authorization.k8s.io", "roles", .role),
        stored("rbac.authorization.k8s.io", "rolebindings", .roleBinding),
        stored("rbac.authorization.k8s.io", "clusterroles", .clusterRole),
        stored("rbac.authorization.k8s.io", "clusterrolebindings", .clusterRoleBinding),
        stored("networking.k8s.io", "networkpolicies", .networkPolicy, shortNames: ["netpol"]),
        stored("batch", "jobs", .job, categories: ["all"]),
        stored("", "endpoints", .endpoints, shortNames: ["ep"]),
        stored("discovery.k8s.io", "endpointslices", .endpointSlice),
        // Stored and charged to quotas (no volumes are provisioned: a claim stays Pending).
        stored("", "persistentvolumeclaims", .persistentVolumeClaim, shortNames: ["pvc"]),
        // Written by the controllers; read-only here (kubectl describe and get events list them).
        APIResource(
            group: "", version: "v1", name: "events", singularName: "event", kind: .event,
            verbs: readOnly, shortNames: ["ev"], categories: [], subresources: []),
    ]

    /// A kind the simulation only stores: every verb, in `v1` of its group; the singular is
    /// the kind in lower case, as kube-apiserver's discovery writes it.
    private static func stored(
        _ group: String, _ name: String, _ kind: ObjectKind, shortNames: [String] = [], categories: [String] = []
    ) -> APIResource {
        APIResource(
            group: group, version: "v1", name: name, singularName: kind.rawValue.lowercased(), kind: kind, verbs: readWriteCollection,
            shortNames: shortNames, categories: categories, subresources: [])
    }

    /// The resource of `kind`.
    public static func of(_ kind: ObjectKind) -> APIResource {
        all.first { $0.kind == kind }!
    }

    /// The group-versions served, in discovery order, core first.
    public static var groupVersions: [(group: String, version: String)] {
        var seen: [String] = []
        var result: [(String, String)] = []
        for resource in all where !seen.contains(resource.groupVersion) {
            seen.append(resource.groupVersion)
            result.append((resource.group, resource.version))
        }
        return result
    }
}
