/// The Pod Security Standards `restricted` controls, on top of `baseline`'s, worded as
/// Pod Security Admission (k8s.io/pod-security-admission/policy, Kubernetes 1.32) words them.
enum RestrictedChecks {
    static let all: [PodSecurityCheck] = [
        volumeTypes, allowPrivilegeEscalation, runAsNonRoot, runAsUser, seccompProfile, capabilities,
    ]

    /// Volume sources a restricted pod may use: those that hold no host or network storage
    /// of their own (persistent storage comes through claims).
    static func isAllowed(_ volume: Volume) -> Bool {
        volume.configMap != nil || volume.csi != nil || volume.downwardAPI != nil || volume.emptyDir != nil
            || volume.ephemeral != nil || volume.persistentVolumeClaim != nil || volume.projected != nil
            || volume.secret != nil
    }

    /// The restricted source a volume uses, by its key.
    static func sourceName(_ volume: Volume) -> String {
        let sources: [(String, Bool)] = [
            ("hostPath", volume.hostPath != nil), ("gcePersistentDisk", volume.gcePersistentDisk != nil),
            ("awsElasticBlockStore", volume.awsElasticBlockStore != nil), ("gitRepo", volume.gitRepo != nil),
            ("nfs", volume.nfs != nil), ("iscsi", volume.iscsi != nil), ("glusterfs", volume.glusterfs != nil),
            ("rbd", volume.rbd != nil), ("flexVolume", volume.flexVolume != nil), ("cinder", volume.cinder != nil),
            ("cephfs", volume.cephfs != nil), ("flocker", volume.flocker != nil), ("fc", volume.fc != nil),
            ("azureFile", volume.azureFile != nil), ("vsphereVolume", volume.vsphereVolume != nil),
            ("quobyte", volume.quobyte != nil), ("azureDisk", volume.azureDisk != nil),
            ("photonPersistentDisk", volume.photonPersistentDisk != nil), ("portworxVolume", volume.portworxVolume != nil),
            ("scaleIO", volume.scaleIO != nil), ("storageos", volume.storageos != nil),
        ]
        return sources.first { $0.1 }?.0 ?? "unknown"
    }

    static let volumeTypes = PodSecurityCheck("restrictedVolumes", .restricted) { pod in
        let bad = pod.spec.volumes.filter { !isAllowed($0) }
        guard !bad.isEmpty else { return nil }
        let types = Set(bad.map(sourceName)).sorted()
        return ("restricted volume types",
                "\(PodSecurityPod.plural("volume", "volumes", bad.count)) \(PodSecurityPod.quoted(bad.map(\.name))) "
                + "\(PodSecurityPod.plural("uses", "use", bad.count)) "
                + "\(PodSecurityPod.plural("restricted volume type", "restricted volume types", types.count)) \(PodSecurityPod.quoted(types))")
    }

    /// From 1.25 on a pod that declares `os.name: windows` is exempt from the Linux-only
    /// controls: privilege escalation, seccomp and capabilities.
    static func isWindows(_ pod: PodSecurityPod) -> Bool { pod.spec.os?.name == "windows" }

    static let allowPrivilegeEscalation = PodSecurityCheck("allowPrivilegeEscalation", .restricted) { pod in
        guard !isWindows(pod) else { return nil }
        let names = pod.containers.filter { $0.securityContext?.allowPrivilegeEscalation != false }.map(\.name)
        return names.isEmpty
            ? nil
            : ("allowPrivilegeEscalation != false", "\(PodSecurityPod.containers(names)) must set securityContext.allowPrivilegeEscalation=false")
    }

    static let runAsNonRoot = PodSecurityCheck("runAsNonRoot", .restricted) { pod in
        let podSetting = pod.podContext?.runAsNonRoot
        if let setters = pod.setters(pod: podSetting == false, containers: { $0.securityContext?.runAsNonRoot == false }) {
            return ("runAsNonRoot != true", "\(setters) must not set securityContext.runAsNonRoot=false")
        }
        guard podSetting != true else { return nil }
        let unset = pod.containers.filter { $0.securityContext?.runAsNonRoot == nil }.map(\.name)
        return unset.isEmpty
            ? nil
            : ("runAsNonRoot != true", "pod or \(PodSecurityPod.containers(unset)) must set securityContext.runAsNonRoot=true")
    }

    static let runAsUser = PodSecurityCheck("runAsUser", .restricted) { pod in
        let setters = pod.setters(pod: pod.podContext?.runAsUser == 0, containers: { $0.securityContext?.runAsUser == 0 })
        return setters.map { ("runAsUser=0", "\($0) must not set runAsUser=0") }
    }

    static let seccompProfile = PodSecurityCheck("seccompProfile_restricted", .restricted) { pod in
        guard !isWindows(pod) else { return nil }
        if let setters = BaselineChecks.seccompSetters(pod) { return ("seccompProfile", setters) }
        guard pod.podContext?.seccompProfile == nil else { return nil }
        let unset = pod.containers.filter { $0.securityContext?.seccompProfile == nil }.map(\.name)
        return unset.isEmpty
            ? nil
            : ("seccompProfile",
               "pod or \(PodSecurityPod.containers(unset)) must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"")
    }

    static let capabilities = PodSecurityCheck("capabilities_restricted", .restricted) { pod in
        guard !isWindows(pod) else { return nil }
        var missingDrop: [String] = []
        var adding: [String] = []
        var added: Set<String> = []
        for container in pod.containers {
            guard let capabilities = container.securityContext?.capabilities else {
                missingDrop.append(container.name)
                continue
            }
            if !capabilities.drop.contains("ALL") { missingDrop.append(container.name) }
            let extra = capabilities.add.filter { $0 != "NET_BIND_SERVICE" }
            if !extra.isEmpty { adding.append(container.name) }
            added.formUnion(extra)
        }
        var details: [String] = []
        if !missingDrop.isEmpty {
            details.append("\(PodSecurityPod.containers(missingDrop)) must set securityContext.capabilities.drop=[\"ALL\"]")
        }
        if !adding.isEmpty {
            details.append("\(PodSecurityPod.containers(adding)) must not include \(PodSecurityPod.quoted(added.sorted())) in securityContext.capabilities.add")
        }
        return details.isEmpty ? nil : ("unrestricted capabilities", details.joined(separator: "; "))
    }
}
