extension KubernetesObject {
    /// The object with the `apiVersion` the target release serves for its kind.
    ///
    /// The typed models write the current version; for an older `--kube-version` the same
    /// fields go out under the version that release serves (a PodDisruptionBudget's spec
    /// reads alike in policy/v1beta1 and policy/v1).
    func served(at release: KubeVersion) -> KubernetesObject {
        guard let served = ServedAPIVersions.newest(of: kind, at: release), served != apiVersion else { return self }
        guard case .map(var fields) = encoded() else { return self }
        fields["apiVersion"] = .string(served)
        return .other(.map(fields))
    }
}
