import KubeGridCore

/// The objects of the manifests a simulation applies, by kind, in the order they were written:
/// a typed view of what the shared ``ManifestObjectReader`` read.
///
/// Objects of kinds the simulation does not run (ConfigMaps, Ingresses, PVCs, …) are kept
/// in ``ignored`` and reported, never an error: the manifests may well hold them.
public struct ManifestBundle: Sendable {
    /// Services, in input order.
    public var services: [Service] = []
    /// StatefulSets, in input order.
    public var statefulSets: [StatefulSet] = []
    /// PodDisruptionBudgets, in input order (kept for the fault scenarios).
    public var podDisruptionBudgets: [PodDisruptionBudget] = []
    /// Nodes found among the manifests (a cluster file read the same way).
    public var nodes: [Node] = []
    /// Objects kept but not simulated: `Kind/name` and where they came from.
    public var ignored: [IgnoredObject] = []
    /// The names of the files read.
    public var sourceNames: [String] = []

    public init() {}

    /// An object the simulation keeps but does not run.
    public struct IgnoredObject: Sendable, Hashable {
        /// `apiVersion` and `kind`, such as `networking.k8s.io/v1 Ingress`.
        public var kind: String
        /// `metadata.name`.
        public var name: String
        /// The file it came from.
        public var source: String
    }

    /// Reads every source with the shared ``ManifestObjectReader`` (`kind: List` documents
    /// are opened up) and sorts the objects by kind; the first object that cannot be read
    /// stops the simulation, named by file, line and field, before a later file is read.
    public static func read(_ sources: [ManifestSource]) throws(SimulationInputError) -> ManifestBundle {
        var bundle = ManifestBundle()
        for source in sources {
            bundle.sourceNames.append(source.name)
            let read: ManifestObjectReader.Read
            do {
                read = try ManifestObjectReader.read([source])
            } catch {
                throw .unreadable(error)
            }
            if let problem = read.problems.first { throw SimulationInputError(problem) }
            for object in read.objects { bundle.add(object) }
        }
        return bundle
    }

    /// The Namespaces among the manifests (a tenant's, with its Pod Security labels).
    var namespaces: [ManifestWrite] = []
    /// Objects that govern a namespace rather than run in it — a tenant's ResourceQuota and
    /// LimitRange, NetworkPolicies, RBAC, ServiceAccounts and Secrets — applied through the
    /// API server (its admission plugins read the quotas and limits, the pod network the
    /// policies), in Helm's install order.
    var governing: [ManifestWrite] = []
    /// Jobs whose pod is a Spark driver, in input order: the `spark` scenario submits them
    /// once the Space holds data (other scenarios do not run them).
    var sparkDrivers: [ManifestWrite] = []
    /// True when the manifests hold a Spark driver (`--scenario all` then runs `spark`).
    public var hasSparkDriver: Bool { !sparkDrivers.isEmpty }
    /// How many objects ``namespaces`` and ``governing`` hold.
    public var governingCount: Int { namespaces.count + governing.count }

    /// The kinds of ``governing``, in the order Helm installs them (its `InstallOrder`).
    static let governingKinds: [String] = [
        "networking.k8s.io/v1 NetworkPolicy", "v1 ResourceQuota", "v1 LimitRange", "v1 ServiceAccount", "v1 Secret",
        "rbac.authorization.k8s.io/v1 ClusterRole", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
        "rbac.authorization.k8s.io/v1 Role", "rbac.authorization.k8s.io/v1 RoleBinding",
    ]

    private mutating func add(_ read: ManifestObject) {
        add(read.object, source: read.source)
    }

    /// Sorts in one object read from `source` (for callers that render in process).
    public mutating func add(_ object: KubernetesObject, source: String) {
        let kind = "\(object.apiVersion) \(object.kind)"
        if case .other(let manifest) = object, kind == "v1 Namespace" || Self.governingKinds.contains(kind),
            let write = try? ManifestWrite(manifest)
        {
            return write.key.kind == .namespace ? namespaces.append(write) : governing.append(write)
        }
        if case .other(let manifest) = object, kind == "batch/v1 Job", let write = try? ManifestWrite(manifest),
            case .passive(let job) = write.body, let template = JobController.template(of: job),
            SparkDriverRecognition.spec(of: template.spec, labels: template.metadata.labels, namespace: write.key.namespace ?? "default") != nil
        {
            return sparkDrivers.append(write)
        }
        switch object {
        case .service(let service): services.append(service)
        case .statefulSet(let statefulSet): statefulSets.append(statefulSet)
        case .podDisruptionBudget(let budget): podDisruptionBudgets.append(budget)
        case .node(let node): nodes.append(node)
        case .persistentVolumeClaim, .other:
            ignored.append(IgnoredObject(kind: "\(object.apiVersion) \(object.kind)", name: object.name, source: source))
        }
    }
}
