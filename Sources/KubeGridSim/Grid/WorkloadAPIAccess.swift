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
        let user = identity(of: pod)
        let request = AuthorizationAttributes.resource(
            user, verb: "get", resource: resource, namespace: namespaced ? pod.namespace : "", name: name)
        let decision = RBACAuthorizer().authorize(request, store: api.store)
        guard !decision.allowed else { return nil }
        let refusal = "\(resource) \"\(name)\" is forbidden: \(request.forbiddenMessage)" + (decision.reason.isEmpty ? "" : ": \(decision.reason)")
        let token = user.name == "system:anonymous" ? " (the pod mounts no service account token: automountServiceAccountToken is false)" : ""
        return "the Kubernetes API refused it\(token): \(refusal); \(remedy)"
    }

    /// Who the pod's calls are: its service account, or anonymous without a token.
    func identity(of pod: Pod) -> UserInfo {
        if pod.spec.automountServiceAccountToken == false {
            return UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"])
        }
        return .serviceAccount(pod.spec.serviceAccountName ?? "default", namespace: pod.namespace)
    }

    /// Why the pod may not `verb` the collection `resource` of its namespace (a create, a
    /// list), in the API server's words (`pods is forbidden: User … cannot create …`); nil
    /// when it may.
    func forbidden(by pod: Pod, verb: String, resource: String) -> String? {
        guard authorizesWorkloads else { return nil }
        let request = AuthorizationAttributes.resource(identity(of: pod), verb: verb, resource: resource, namespace: pod.namespace)
        let decision = RBACAuthorizer().authorize(request, store: api.store)
        guard !decision.allowed else { return nil }
        return "\(resource) is forbidden: \(request.forbiddenMessage)" + (decision.reason.isEmpty ? "" : ": \(decision.reason)")
    }
}
