import KubeGridCore
import OrderedCollections

/// kube-apiserver's `ResourceQuota` admission
/// (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota): a pod or Service
/// created in a namespace with ResourceQuotas is charged to each, as the quota evaluators
/// count it (``QuotaUsage``), against what the namespace's stored pods and Services use;
/// one that would cross a limit is refused in the controller's words:
/// `exceeded quota: NAME, requested: …, used: …, limited: …`, and a pod that leaves a
/// quota'd compute resource unset with `failed quota: NAME: must specify …`.
public struct ResourceQuotaAdmission: ValidatingAdmissionPlugin {
    public let id = "ResourceQuota"

    /// The kinds the quota evaluators count.
    public func handles(_ operation: AdmissionRequest.Operation, of kind: ObjectKind) -> Bool {
        operation == .create && (kind == .pod || kind == .service || kind == .persistentVolumeClaim)
    }

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, let namespace = request.key.namespace else { return }
        // Most namespaces have no quota: nothing is counted for them.
        let quotas = context.store.typed(ResourceQuota.self, .resourceQuota, namespace: namespace)
        guard !quotas.isEmpty else { return }
        // A StatefulSet's pod comes with its claims, which its controller creates just before it.
        var claims: [(name: String, usage: [String: Int])] = []
        let requested: [String: Int]
        switch request.object {
        case .pod(let pod)?:
            requested = Self.dictionary(QuotaUsage.pod(pod.spec))
            claims = Self.templateClaims(ofPod: request.name, namespace: namespace, owners: request.owners, store: context.store)
                .filter { context.store.get(ObjectKey(.persistentVolumeClaim, namespace: namespace, $0.name)) == nil }
        case .service(let service)?: requested = Self.dictionary(QuotaUsage.service(service.spec))
        case .passive(let passive)? where passive.kind == .persistentVolumeClaim:
            guard let claim = passive.decoded(as: PersistentVolumeClaim.self, name: request.name) else { return }
            requested = Self.dictionary(QuotaUsage.claim(claim.spec))
        default: return
        }
        var used = Self.usage(in: namespace, store: context.store)
        for (name, quota) in quotas {
            let hard = Dictionary(uniqueKeysWithValues: quota.spec.hard.map { ($0.key, $0.value) })
            if case .pod(let pod)? = request.object {
                let missing = QuotaUsage.missing(QuotaUsage.requiredByQuota(Array(hard.keys)), in: pod.spec)
                if !missing.isEmpty {
                    throw APIError(.forbidden, kind: request.kind, name: request.name,
                                   detail: "failed quota: \(name): must specify \(missing.joined(separator: ","))")
                }
            }
        }
        // Each claim is its own request, refused in its own name; then the object itself.
        for claim in claims {
            try Self.charge(claim.usage, kind: .persistentVolumeClaim, name: claim.name, used: used, quotas: quotas)
            used.merge(claim.usage, uniquingKeysWith: +)
        }
        try Self.charge(requested, kind: request.kind, name: request.name, used: used, quotas: quotas)
    }

    /// Refuses `requested` when it would take any quota over a limit, in the quota
    /// controller's words: `exceeded quota: NAME, requested: …, used: …, limited: …`.
    private static func charge(
        _ requested: [String: Int], kind: ObjectKind, name: String, used: [String: Int], quotas: [(name: String, object: ResourceQuota)]
    ) throws(APIError) {
        for (quotaName, quota) in quotas {
            let hard = Dictionary(uniqueKeysWithValues: quota.spec.hard.map { ($0.key, $0.value) })
            let charged = requested.filter { hard[$0.key] != nil }
            let exceeded = charged.keys.filter { (used[$0] ?? 0) + charged[$0]! > hard[$0]!.milliValue }.sorted()
            guard !exceeded.isEmpty else { continue }
            func print(_ amounts: [String: Int]) -> String {
                QuotaUsage.prettyPrint(Dictionary(uniqueKeysWithValues: exceeded.map { ($0, amounts[$0] ?? 0) }), like: hard)
            }
            throw APIError(
                .forbidden, kind: kind, name: name,
                detail: "exceeded quota: \(quotaName), requested: \(print(charged)), used: \(print(used)), limited: \(print(hard.mapValues(\.milliValue)))")
        }
    }

    /// What the namespace's stored pods, Services and claims use, in thousandths: the
    /// quota's `status.used` as its controller keeps it, so usage follows objects as they
    /// come and go. A StatefulSet pod's claims count while it or a stored claim of that name does.
    static func usage(in namespace: String, store: ObjectStore) -> [String: Int] {
        // Pods and Services from the ledger the store keeps; claims counted here.
        var used = store.quotaLedger.usage(in: namespace)
        var claims: [String: [String: Int]] = [:]
        if store.quotaLedger.hasClaimTemplates(in: namespace) {
            for stored in store.list(.pod, namespace: namespace) {
                for claim in templateClaims(ofPod: stored.metadata.name, namespace: namespace, owners: stored.metadata.ownerReferences, store: store) {
                    claims[claim.name] = claim.usage
                }
            }
        }
        for stored in store.list(.persistentVolumeClaim, namespace: namespace) {
            if let claim = stored.decoded(as: PersistentVolumeClaim.self) { claims[stored.metadata.name] = dictionary(QuotaUsage.claim(claim.spec)) }
        }
        for usage in claims.values { used.merge(usage, uniquingKeysWith: +) }
        return used
    }

    /// The claims a StatefulSet makes for its pod: one per volumeClaimTemplate, named
    /// `TEMPLATE-POD` as the StatefulSet controller names them.
    static func templateClaims(ofPod pod: String, namespace: String, owners: [OwnerReference], store: ObjectStore)
        -> [(name: String, usage: [String: Int])]
    {
        guard let owner = owners.first(where: { $0.kind == .statefulSet && $0.controller }),
            case .statefulSet(let set)? = store.get(ObjectKey(.statefulSet, namespace: namespace, owner.name))?.body
        else { return [] }
        return set.spec.volumeClaimTemplates.map { template in
            ("\(template.metadata.name)-\(pod)", dictionary(QuotaUsage.claim(template.spec)))
        }
    }

    private static func dictionary(_ ordered: some Sequence<(key: String, value: Int)>) -> [String: Int] {
        Dictionary(ordered.map { ($0.key, $0.value) }, uniquingKeysWith: +)
    }
}

extension ResourceQuotaAdmission {
    /// What the quota controller keeps in a ResourceQuota's `status`: `hard` as its spec
    /// says, and `used` for each of those keys from what the namespace's objects use now
    /// (the admission's own count), in the limit's units; both sorted, as Go writes a map.
    public static func status(hard: OrderedDictionary<String, Quantity>, namespace: String, store: ObjectStore) -> Values {
        let used = usage(in: namespace, store: store)
        let limits = Dictionary(uniqueKeysWithValues: hard.map { ($0.key, $0.value) })
        let keys = hard.keys.sorted()
        return [
            "hard": .map(Values.Map(uniqueKeysWithValues: keys.map { ($0, .string(limits[$0]!.text)) })),
            "used": .map(Values.Map(uniqueKeysWithValues: keys.map { key in
                (key, .string(QuotaUsage.prettyPrint([key: used[key] ?? 0], like: limits).dropFirst(key.count + 1).description))
            })),
        ]
    }

    /// `status.used` of every ResourceQuota, by its key: how the live cluster notices a change.
    static func usedByQuota(_ store: ObjectStore) -> [ObjectKey: [String: Int]] {
        var usageByNamespace: [String: [String: Int]] = [:]
        var result: [ObjectKey: [String: Int]] = [:]
        for (key, hard) in store.list(.resourceQuota).compactMap({ stored in quotaHard(stored).map { (stored.key, $0) } }) {
            let namespace = key.namespace ?? "default"
            if usageByNamespace[namespace] == nil { usageByNamespace[namespace] = usage(in: namespace, store: store) }
            result[key] = usageByNamespace[namespace]!.filter { hard[$0.key] != nil }
        }
        return result
    }

    /// A stored ResourceQuota's `spec.hard`.
    public static func quotaHard(_ stored: StoredObject) -> OrderedDictionary<String, Quantity>? {
        stored.decoded(as: ResourceQuota.self)?.spec.hard
    }
}
