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

    public func validate(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) {
        guard request.operation == .create, let namespace = request.key.namespace else { return }
        let requested: [String: Int]
        switch request.object {
        case .pod(let pod)?: requested = Self.dictionary(QuotaUsage.pod(pod.spec))
        case .service(let service)?: requested = Self.dictionary(QuotaUsage.service(service.spec))
        default: return
        }
        let quotas = context.store.typed(ResourceQuota.self, .resourceQuota, namespace: namespace)
        guard !quotas.isEmpty else { return }
        let used = Self.usage(in: namespace, store: context.store)
        for (name, quota) in quotas {
            let hard = Dictionary(uniqueKeysWithValues: quota.spec.hard.map { ($0.key, $0.value) })
            if case .pod(let pod)? = request.object {
                let missing = QuotaUsage.missing(QuotaUsage.requiredByQuota(Array(hard.keys)), in: pod.spec)
                if !missing.isEmpty {
                    throw APIError(.forbidden, kind: request.kind, name: request.name,
                                   detail: "failed quota: \(name): must specify \(missing.joined(separator: ","))")
                }
            }
            let charged = requested.filter { hard[$0.key] != nil }
            let exceeded = charged.keys.filter { (used[$0] ?? 0) + charged[$0]! > hard[$0]!.milliValue }.sorted()
            guard !exceeded.isEmpty else { continue }
            func print(_ amounts: [String: Int]) -> String {
                QuotaUsage.prettyPrint(Dictionary(uniqueKeysWithValues: exceeded.map { ($0, amounts[$0] ?? 0) }), like: hard)
            }
            throw APIError(
                .forbidden, kind: request.kind, name: request.name,
                detail: "exceeded quota: \(name), requested: \(print(charged)), used: \(print(used)), limited: \(print(hard.mapValues(\.milliValue)))")
        }
    }

    /// What the namespace's stored pods and Services use, in thousandths: the quota's
    /// `status.used` as its controller keeps it, so usage follows objects as they come and go.
    static func usage(in namespace: String, store: ObjectStore) -> [String: Int] {
        var used: [String: Int] = [:]
        for stored in store.list(.pod, namespace: namespace) {
            if case .pod(let pod) = stored.body { used.merge(dictionary(QuotaUsage.pod(pod.spec)), uniquingKeysWith: +) }
        }
        for stored in store.list(.service, namespace: namespace) {
            if case .service(let service) = stored.body { used.merge(dictionary(QuotaUsage.service(service.spec)), uniquingKeysWith: +) }
        }
        return used
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
