import OrderedCollections

/// The security objects and pod settings both InsightEdge charts build the same way:
/// ServiceAccount, license Secret, security contexts, NetworkPolicy and RBAC (issue 10).
struct SecurityObjects: Sendable {
    let settings: SecuritySettings
    let naming: ReleaseNaming
    let labels: OrderedDictionary<String, String>

    var fullname: String { naming.fullname }
    var serviceAccountName: String { settings.serviceAccount(fullname: fullname) }

    /// The directories the image writes (`$GS_HOME/work`, made by its Dockerfile, the logs
    /// beside it, and `/tmp`): emptyDir volumes when the root filesystem is read-only.
    static let writableDirectories: [(name: String, path: String)] = [
        ("tmp", "/tmp"), ("gs-work", "/opt/gigaspaces/work"), ("gs-logs", "/opt/gigaspaces/logs"),
    ]

    // MARK: Pods

    /// Pod Security Standards `restricted`: non-root as the image's own user, RuntimeDefault seccomp.
    var podSecurityContext: PodSecurityContext? {
        guard settings.securityContextEnabled else { return nil }
        return PodSecurityContext(
            fsGroup: settings.fsGroup, runAsGroup: settings.runAsGroup, runAsNonRoot: true,
            runAsUser: settings.runAsUser, seccompProfile: SeccompProfile(type: "RuntimeDefault"))
    }

    /// Pod Security Standards `restricted`: no privilege escalation, every capability dropped.
    var containerSecurityContext: SecurityContext? {
        guard settings.securityContextEnabled else { return nil }
        return SecurityContext(
            allowPrivilegeEscalation: false, capabilities: Capabilities(drop: ["ALL"]),
            readOnlyRootFilesystem: settings.readOnlyRootFilesystem)
    }

    var writableVolumes: [Volume] {
        guard settings.readOnlyRootFilesystem else { return [] }
        return Self.writableDirectories.map { Volume(name: $0.name, emptyDir: EmptyDirVolumeSource()) }
    }

    var writableMounts: [VolumeMount] {
        guard settings.readOnlyRootFilesystem else { return [] }
        return Self.writableDirectories.map { VolumeMount(name: $0.name, mountPath: $0.path) }
    }

    var imagePullSecrets: [LocalObjectReference] {
        settings.imagePullSecrets.map { LocalObjectReference(name: $0) }
    }

    /// `GS_LICENSE`, read from the Secret so the license is never a literal of the pod.
    var licenseVariable: EnvVar {
        EnvVar(name: "GS_LICENSE", valueFrom: EnvVarSource(secretKeyRef: settings.licenseSource(fullname: fullname)))
    }

    // MARK: Objects

    /// The release's ServiceAccount; its token is mounted only by pods that ask for it.
    func serviceAccount() -> ServiceAccount {
        ServiceAccount(
            metadata: PodBuilding.metadata(serviceAccountName, naming, labels: labels),
            automountServiceAccountToken: false)
    }

    var writesLicenseSecret: Bool { settings.existingLicenseSecret == nil }

    func licenseSecret(license: String) -> Secret {
        Secret(
            metadata: PodBuilding.metadata("\(fullname)-license", naming, labels: labels),
            stringData: [settings.licenseSecretKey: license], type: "Opaque")
    }

    /// Admits the grid's own traffic on `gridPorts` from the grid's pods of the namespace,
    /// and clients on `clientPorts` from `networkPolicy.clientCIDRs` (anywhere when empty).
    func networkPolicy(gridPorts: [IntOrString], clientPorts: [IntOrString]) -> NetworkPolicy {
        let gridPeer = NetworkPolicyPeer(podSelector: LabelSelector(matchExpressions: [
            LabelSelectorRequirement(
                key: GridLabels.component, operator: .in, values: GridLabels.Component.allCases.map(\.rawValue))
        ]))
        let ports = { (numbers: [IntOrString]) in numbers.map { NetworkPolicyPort(port: $0, protocol: .tcp) } }
        var ingress = [NetworkPolicyIngressRule(from: [gridPeer], ports: ports(gridPorts))]
        if !clientPorts.isEmpty {
            ingress.append(NetworkPolicyIngressRule(
                from: settings.clientCIDRs.map { NetworkPolicyPeer(ipBlock: IPBlock(cidr: $0)) }, ports: ports(clientPorts)))
        }
        return NetworkPolicy(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            spec: NetworkPolicySpec(
                podSelector: LabelSelector(matchLabels: [GridLabels.name: naming.name, GridLabels.instance: naming.release]),
                policyTypes: ["Ingress"], ingress: ingress))
    }

    /// The ClusterRole and its binding are cluster-wide: the namespace keeps two releases
    /// of one name in different namespaces apart.
    var clusterRoleName: String { "\(naming.namespace)-\(fullname)-nodes" }

    func role(reading resources: [String]) -> Role {
        Role(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            rules: [PolicyRule(apiGroups: [""], resources: resources, verbs: ["get"])])
    }

    func roleBinding() -> RoleBinding {
        RoleBinding(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: fullname),
            subjects: [accountSubject])
    }

    func clusterRole() -> ClusterRole {
        ClusterRole(
            metadata: ObjectMeta(name: clusterRoleName, labels: labels),
            rules: [PolicyRule(apiGroups: [""], resources: ["nodes"], verbs: ["get"])])
    }

    func clusterRoleBinding() -> ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: ObjectMeta(name: clusterRoleName, labels: labels),
            roleRef: RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRoleName),
            subjects: [accountSubject])
    }

    private var accountSubject: Subject {
        Subject(kind: "ServiceAccount", name: serviceAccountName, namespace: naming.namespace)
    }

    // MARK: Templates

    /// The templates every chart renders: ServiceAccount, license Secret, NetworkPolicy.
    func commonTemplates(
        chartPath: String, license: String, gridPorts: [IntOrString], clientPorts: [IntOrString]
    ) -> [RenderedTemplate] {
        var templates: [RenderedTemplate] = []
        if settings.createServiceAccount {
            templates.append(RenderedTemplate(path: "\(chartPath)/templates/serviceaccount.yaml", kind: "ServiceAccount", count: 1) { _ in
                .other(serviceAccount().encoded())
            })
        }
        if writesLicenseSecret {
            templates.append(RenderedTemplate(path: "\(chartPath)/templates/secret.yaml", kind: "Secret", count: 1) { _ in
                .other(licenseSecret(license: license).encoded())
            })
        }
        if settings.networkPolicyEnabled {
            templates.append(RenderedTemplate(path: "\(chartPath)/templates/networkpolicy.yaml", kind: "NetworkPolicy", count: 1) { _ in
                .other(networkPolicy(gridPorts: gridPorts, clientPorts: clientPorts).encoded())
            })
        }
        return templates
    }

    /// Role and RoleBinding to `get` `resources`, and with `readsNodes` a ClusterRole and
    /// its binding to `get` nodes: nothing more, bound to the release's account only.
    func rbacTemplates(chartPath: String, reading resources: [String], readsNodes: Bool) -> [RenderedTemplate] {
        guard settings.createRBAC else { return [] }
        var templates = [
            RenderedTemplate(path: "\(chartPath)/templates/role.yaml", kind: "Role", count: 1) { _ in
                .other(role(reading: resources).encoded())
            },
            RenderedTemplate(path: "\(chartPath)/templates/rolebinding.yaml", kind: "RoleBinding", count: 1) { _ in
                .other(roleBinding().encoded())
            },
        ]
        if readsNodes {
            templates += [
                RenderedTemplate(path: "\(chartPath)/templates/clusterrole.yaml", kind: "ClusterRole", count: 1) { _ in
                    .other(clusterRole().encoded())
                },
                RenderedTemplate(path: "\(chartPath)/templates/clusterrolebinding.yaml", kind: "ClusterRoleBinding", count: 1) { _ in
                    .other(clusterRoleBinding().encoded())
                },
            ]
        }
        return templates
    }
}
