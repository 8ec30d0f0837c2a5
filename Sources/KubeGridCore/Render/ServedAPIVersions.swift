/// Which `apiVersion`s of a kind each Kubernetes release serves: one table for the
/// renderer (the newest version the target serves) and lint's KG214 (one it does not).
///
/// From the Kubernetes deprecated API migration guide; a range is [introduced, removed).
public enum ServedAPIVersions {
    /// One `apiVersion` of a kind and the releases that serve it.
    public struct Entry: Sendable {
        public let apiVersion: String
        /// The first release that serves it; nil for "since before any release that matters".
        public let introduced: KubeVersion?
        /// The first release that no longer serves it.
        public let removed: KubeVersion?
    }

    private static func v(_ minor: Int) -> KubeVersion { KubeVersion(major: 1, minor: minor) }

    /// Newest first, so the first entry a release serves is the one to write.
    static let byKind: [String: [Entry]] = [
        "PodDisruptionBudget": [
            Entry(apiVersion: "policy/v1", introduced: v(21), removed: nil),
            Entry(apiVersion: "policy/v1beta1", introduced: nil, removed: v(25)),
        ],
        "StatefulSet": workloads,
        "Deployment": workloads + [Entry(apiVersion: "extensions/v1beta1", introduced: nil, removed: v(16))],
        "DaemonSet": [
            Entry(apiVersion: "apps/v1", introduced: v(9), removed: nil),
            Entry(apiVersion: "apps/v1beta2", introduced: nil, removed: v(16)),
            Entry(apiVersion: "extensions/v1beta1", introduced: nil, removed: v(16)),
        ],
        "ReplicaSet": [
            Entry(apiVersion: "apps/v1", introduced: v(9), removed: nil),
            Entry(apiVersion: "apps/v1beta2", introduced: nil, removed: v(16)),
            Entry(apiVersion: "extensions/v1beta1", introduced: nil, removed: v(16)),
        ],
        "Ingress": [
            Entry(apiVersion: "networking.k8s.io/v1", introduced: v(19), removed: nil),
            Entry(apiVersion: "networking.k8s.io/v1beta1", introduced: nil, removed: v(22)),
            Entry(apiVersion: "extensions/v1beta1", introduced: nil, removed: v(22)),
        ],
        "NetworkPolicy": [
            Entry(apiVersion: "networking.k8s.io/v1", introduced: v(7), removed: nil),
            Entry(apiVersion: "extensions/v1beta1", introduced: nil, removed: v(16)),
        ],
        "CronJob": [
            Entry(apiVersion: "batch/v1", introduced: v(21), removed: nil),
            Entry(apiVersion: "batch/v1beta1", introduced: nil, removed: v(25)),
        ],
        "HorizontalPodAutoscaler": [
            Entry(apiVersion: "autoscaling/v2", introduced: v(23), removed: nil),
            Entry(apiVersion: "autoscaling/v2beta2", introduced: nil, removed: v(26)),
            Entry(apiVersion: "autoscaling/v2beta1", introduced: nil, removed: v(25)),
        ],
        "PodSecurityPolicy": [
            Entry(apiVersion: "policy/v1beta1", introduced: nil, removed: v(25)),
        ],
    ]

    private static let workloads = [
        Entry(apiVersion: "apps/v1", introduced: v(9), removed: nil),
        Entry(apiVersion: "apps/v1beta2", introduced: nil, removed: v(16)),
        Entry(apiVersion: "apps/v1beta1", introduced: nil, removed: v(16)),
    ]

    /// Whether `release` serves the entry.
    static func serves(_ entry: Entry, at release: KubeVersion) -> Bool {
        (entry.introduced.map(release.isAtLeast) ?? true) && !(entry.removed.map(release.isAtLeast) ?? false)
    }

    /// The newest `apiVersion` of `kind` that `release` serves; nil for kinds not in the table.
    public static func newest(of kind: String, at release: KubeVersion) -> String? {
        byKind[kind]?.first { serves($0, at: release) }?.apiVersion
    }

    /// Why a release does not serve an `apiVersion`.
    public enum Gap: Sendable, Equatable {
        /// Served no more from that release on.
        case removed(since: KubeVersion)
        /// Served only from that release on.
        case notYetServed(until: KubeVersion)
    }

    /// Why `release` does not serve `apiVersion` for `kind`; nil when it does, or when the
    /// table does not know the pair.
    public static func gap(kind: String, apiVersion: String, at release: KubeVersion) -> Gap? {
        guard let entry = byKind[kind]?.first(where: { $0.apiVersion == apiVersion }), !serves(entry, at: release) else {
            return nil
        }
        if let removed = entry.removed, release.isAtLeast(removed) { return .removed(since: removed) }
        return entry.introduced.map { .notYetServed(until: $0) }
    }
}
