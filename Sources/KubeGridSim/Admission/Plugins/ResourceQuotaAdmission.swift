import KubeGridCore

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
