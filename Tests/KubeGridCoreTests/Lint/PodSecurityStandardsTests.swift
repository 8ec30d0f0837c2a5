import Testing

@testable import KubeGridCore

/// One control of the Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards),
/// a pod spec that breaks it as the page's "Restricted Fields" and "Allowed Values" describe,
/// and what Pod Security Admission says of it.
struct PodSecurityCase: CustomTestStringConvertible, Sendable {
    var control: String
    /// The pod's `spec`, in YAML.
    var spec: String
    var annotations: [String: String] = [:]
    /// The most hardened profile the pod meets.
    var level: PodSecurityLevel
    /// `reason (detail)`, as Pod Security Admission writes it.
    var message: String

    var testDescription: String { control }

    func evaluate() throws -> PodSecurityEvaluation {
        let document = try YAMLReader(source: "pod.yaml").valuesDocument(from: Array(spec.utf8))
        return PodSecurityStandards.evaluate(try PodSpec(decoding: document.root), annotations: OrderedDictionaryOf(annotations))
    }
}

@Suite struct PodSecurityStandardsTests {
    /// A container that meets every restricted control, for cases that break one at pod level.
    static let restrictedContainer = """
        containers:
        - name: app
          image: app:1
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """
    static let restrictedPod = "securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n"

    static let cases: [PodSecurityCase] = [
        // ---- baseline
        PodSecurityCase(
            control: "HostProcess", spec: restrictedPod.replacingFirst("}}", with: "}, windowsOptions: {hostProcess: true}}") + restrictedContainer,
            level: .privileged, message: "hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)"),
        PodSecurityCase(
            control: "Host Namespaces", spec: "hostNetwork: true\nhostPID: true\nhostIPC: true\n" + restrictedPod + restrictedContainer,
            level: .privileged, message: "host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)"),
        PodSecurityCase(
            control: "Privileged Containers",
            spec: restrictedPod + restrictedContainer.replacingFirst("allowPrivilegeEscalation: false", with: "allowPrivilegeEscalation: false, privileged: true"),
            level: .privileged, message: "privileged (container \"app\" must not set securityContext.privileged=true)"),
        PodSecurityCase(
            control: "Capabilities", spec: restrictedPod + restrictedContainer.replacingFirst("drop: [ALL]", with: "drop: [ALL], add: [SYS_ADMIN, NET_RAW]"),
            level: .privileged,
            message: "non-default capabilities (container \"app\" must not include \"NET_RAW\", \"SYS_ADMIN\" in securityContext.capabilities.add)"),
        PodSecurityCase(
            control: "HostPath Volumes", spec: restrictedPod + "volumes: [{name: root, hostPath: {path: /}}]\n" + restrictedContainer,
            level: .privileged, message: "hostPath volumes (volume \"root\")"),
        PodSecurityCase(
            control: "Host Ports", spec: restrictedPod + restrictedContainer + "\n  ports: [{containerPort: 80, hostPort: 8080}]\n",
            level: .privileged, message: "hostPort (container \"app\" uses hostPort 8080)"),
        PodSecurityCase(
            control: "AppArmor", spec: restrictedPod + restrictedContainer,
            annotations: ["container.apparmor.security.beta.kubernetes.io/app": "unconfined"],
            level: .privileged, message: "forbidden AppArmor profile (container.apparmor.security.beta.kubernetes.io/app=\"unconfined\")"),
        PodSecurityCase(
            control: "SELinux", spec: restrictedPod.replacingFirst("}}", with: "}, seLinuxOptions: {type: spc_t, user: root}}") + restrictedContainer,
            level: .privileged,
            message: "seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type \"spc_t\"; user may not be set)"),
        PodSecurityCase(
            control: "/proc Mount Type", spec: restrictedPod + restrictedContainer.replacingFirst("drop: [ALL]}", with: "drop: [ALL]}, procMount: Unmasked"),
            level: .privileged, message: "procMount (container \"app\" must not set securityContext.procMount to \"Unmasked\")"),
        PodSecurityCase(
            control: "Seccomp", spec: restrictedPod.replacingFirst("RuntimeDefault", with: "Unconfined") + restrictedContainer,
            level: .privileged, message: "seccompProfile (pod must not set securityContext.seccompProfile.type to \"Unconfined\")"),
        PodSecurityCase(
            control: "Sysctls",
            spec: restrictedPod.replacingFirst("}}", with: "}, sysctls: [{name: kernel.shm_rmid_forced, value: \"0\"}, {name: kernel.msgmax, value: \"1\"}]}")
                + restrictedContainer,
            level: .privileged, message: "forbidden sysctls (kernel.msgmax)"),
        // ---- restricted
        PodSecurityCase(
            control: "Volume Types", spec: restrictedPod + "volumes: [{name: data, nfs: {server: nfs, path: /x}}, {name: tmp, emptyDir: {}}]\n" + restrictedContainer,
            level: .baseline, message: "restricted volume types (volume \"data\" uses restricted volume type \"nfs\")"),
        PodSecurityCase(
            control: "Privilege Escalation", spec: restrictedPod + restrictedContainer.replacingFirst("allowPrivilegeEscalation: false, ", with: ""),
            level: .baseline,
            message: "allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false)"),
        PodSecurityCase(
            control: "Running as Non-root", spec: "securityContext: {seccompProfile: {type: RuntimeDefault}}\n" + restrictedContainer,
            level: .baseline, message: "runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true)"),
        PodSecurityCase(
            control: "Running as Non-root (explicit false)", spec: restrictedPod.replacingFirst("runAsNonRoot: true", with: "runAsNonRoot: false") + restrictedContainer,
            level: .baseline, message: "runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)"),
        PodSecurityCase(
            control: "Running as Non-root user", spec: restrictedPod.replacingFirst("}}", with: "}, runAsUser: 0}") + restrictedContainer,
            level: .baseline, message: "runAsUser=0 (pod must not set runAsUser=0)"),
        PodSecurityCase(
            control: "Seccomp (restricted)", spec: "securityContext: {runAsNonRoot: true}\n" + restrictedContainer,
            level: .baseline,
            message: "seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"),
        PodSecurityCase(
            control: "Capabilities (restricted)", spec: restrictedPod + restrictedContainer.replacingFirst("drop: [ALL]", with: "drop: [NET_RAW], add: [CHOWN]"),
            level: .baseline,
            message: "unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]; container \"app\" must not include \"CHOWN\" in securityContext.capabilities.add)"),
    ]

    @Test(arguments: cases)
    func namesTheControlAsPodSecurityAdmissionDoes(_ example: PodSecurityCase) throws {
        let evaluation = try example.evaluate()
        #expect(evaluation.level == example.level)
        // A baseline control is checked against baseline, a restricted one against restricted.
        let profile: PodSecurityLevel = example.level == .privileged ? .baseline : .restricted
        #expect(evaluation.violations(against: profile).map(\.description) == [example.message])
    }

    /// The restricted pod of the documentation's example, and the allowed values each control lists.
    @Test(arguments: [
        restrictedPod + restrictedContainer,
        restrictedPod + restrictedContainer.replacingFirst("drop: [ALL]", with: "drop: [ALL], add: [NET_BIND_SERVICE]"),
        restrictedPod.replacingFirst("RuntimeDefault", with: "Localhost, localhostProfile: p.json") + restrictedContainer,
        restrictedPod.replacingFirst("}}", with: "}, sysctls: [{name: net.ipv4.ip_local_port_range, value: \"1024 65535\"}]}") + restrictedContainer,
        restrictedPod + "volumes: [{name: a, emptyDir: {}}, {name: b, secret: {secretName: s}}, {name: c, persistentVolumeClaim: {claimName: c}}]\n"
            + restrictedContainer,
        restrictedPod + restrictedContainer + "\n  ports: [{containerPort: 80}]\n",
    ])
    func allowedValuesMeetRestricted(_ spec: String) throws {
        let evaluation = try PodSecurityCase(control: "", spec: spec, level: .restricted, message: "").evaluate()
        #expect(evaluation.level == .restricted, "\(evaluation.violations.map(\.description))")
    }

    /// A hostPath volume is reported once against restricted: restricted volume types replaces hostPath volumes.
    @Test func restrictedVolumeTypesReplaceHostPathVolumes() throws {
        let spec = Self.restrictedPod + "volumes: [{name: root, hostPath: {path: /}}]\n" + Self.restrictedContainer
        let evaluation = try PodSecurityCase(control: "", spec: spec, level: .privileged, message: "").evaluate()
        #expect(evaluation.violations(against: .baseline).map(\.description) == ["hostPath volumes (volume \"root\")"])
        #expect(evaluation.violations(against: .restricted).map(\.description)
            == ["restricted volume types (volume \"root\" uses restricted volume type \"hostPath\")"])
    }

    /// Windows pods are exempt from the Linux-only restricted controls (1.25 on).
    @Test func windowsPodsSkipLinuxControls() throws {
        let spec = "os: {name: windows}\nsecurityContext: {runAsNonRoot: true}\ncontainers: [{name: a, image: app:1}]\n"
        let evaluation = try PodSecurityCase(control: "", spec: spec, level: .restricted, message: "").evaluate()
        #expect(evaluation.level == .restricted, "\(evaluation.violations.map(\.description))")
    }

    /// Containers are named together, init containers first, as Pod Security Admission lists them.
    @Test func containersAreListedTogether() throws {
        let spec = Self.restrictedPod + """
            initContainers: [{name: init, image: app:1, securityContext: {capabilities: {drop: [ALL]}}}]
            containers: [{name: a, image: app:1, securityContext: {capabilities: {drop: [ALL]}}}]
            """
        let evaluation = try PodSecurityCase(control: "", spec: spec, level: .baseline, message: "").evaluate()
        #expect(evaluation.violations.map(\.description)
            == ["allowPrivilegeEscalation != false (containers \"init\", \"a\" must set securityContext.allowPrivilegeEscalation=false)"])
    }

    /// What the charts render meets restricted, in every shipped example and with every option switched on.
    @Test(arguments: ["partitions=2,ha=true,service.lrmi.enabled=true", "instances=2,securityContext.readOnlyRootFilesystem=true,memoryXtendVolume.enabled=true,memoryXtendVolume.volumeClaimTemplate.storage=1Gi"])
    func theChartsMeetRestricted(_ set: String) throws {
        let job = RenderJob(chart: "insightedge-pu", release: ReleaseOptions(name: "p"), options: ValuesOptions(set: [set]))
        let statefulSets = try job.plan(files: LocalFiles()).templates.flatMap(\.objects).compactMap { object -> StatefulSet? in
            if case .statefulSet(let set) = object { return set }
            return nil
        }
        #expect(!statefulSets.isEmpty)
        for set in statefulSets {
            let evaluation = PodSecurityStandards.evaluate(set.spec.template.spec)
            #expect(evaluation.level == .restricted, "\(evaluation.violations.map(\.description))")
        }
    }
}
