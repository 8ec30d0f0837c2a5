import KubeGridSim

/// A subresource a served resource has, as discovery lists it (`pods/log`,
/// `statefulsets/scale`): its name, the kind it reads and writes (in its own group for
/// Eviction and Scale) and its verbs, as kube-apiserver 1.32 lists them.
public struct APISubresource: Sendable {
    public var name: String
    public var kind: String
    public var group: String?
    public var version: String?
    public var verbs: [String]

    /// `status`: the object itself, as the controllers report it.
    static func status(_ kind: ObjectKind) -> APISubresource {
        APISubresource(name: "status", kind: kind.rawValue, verbs: ["get", "patch", "update"])
    }

    /// `pods/eviction` (what `kubectl drain` posts).
    static let eviction = APISubresource(name: "eviction", kind: "Eviction", group: "policy", version: "v1", verbs: ["create"])
    /// `pods/log` (`kubectl logs`).
    static let log = APISubresource(name: "log", kind: "Pod", verbs: ["get"])
    /// `statefulsets/scale` (`kubectl scale`).
    static let scale = APISubresource(name: "scale", kind: "Scale", group: "autoscaling", version: "v1", verbs: ["get", "patch", "update"])
    /// `services/proxy` (`kubectl get --raw …/services/NAME:PORT/proxy/…`).
    static let proxy = APISubresource(
        name: "proxy", kind: "ServiceProxyOptions", verbs: ["create", "delete", "get", "patch", "update"])
}
