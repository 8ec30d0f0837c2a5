/// A grid process's calls to the Kubernetes API, authorized as the API server authorizes
/// its pod: as the pod's service account (`system:serviceaccount:NS:NAME`, the namespace's
/// `default` when the pod names none), or as `system:anonymous` when the pod mounts no
/// token (`automountServiceAccountToken: false`), by the same ``RBACAuthorizer`` as
/// `kubegrid serve`'s users.
extension ClusterView {
    /// Why the pod may not `get` the object, in the API server's words and with what grants
    /// it; nil when it may (or when workloads are not authorized, see
    /// ``SimulationOptions/authorizesWorkloads``).
    func forbiddenGet(by pod: Pod, resource: String, name: String, namespaced: Bool, grantedBy remedy: String) -> String? {
        guard authorizesWorkloads else { return nil }
        let user: UserInfo
        if pod.spec.automountServiceAccountToken == false {
            user = UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"])
        } else {
            user = .serviceAccount(pod.spec.serviceAccountName ?? "default", namespace: pod.namespace)
        }
        let request = AuthorizationAttributes.resource(
            user, verb: "get", resource: resource, namespace: namespaced ? pod.namespace : "", name: name)
        let decision = RBACAuthorizer().authorize(request, store: api.store)
        guard !decision.allowed else { return nil }
        let refusal = "\(resource) \"\(name)\" is forbidden: \(request.forbiddenMessage)" + (decision.reason.isEmpty ? "" : ": \(decision.reason)")
        let token = user.name == "system:anonymous" ? " (the pod mounts no service account token: automountServiceAccountToken is false)" : ""
        return "the Kubernetes API refused it\(token): \(refusal); \(remedy)"
    }
}
