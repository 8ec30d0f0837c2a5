import OrderedCollections

/// The Pod Security Standards `baseline` controls, worded as Pod Security Admission
/// (k8s.io/pod-security-admission/policy, Kubernetes 1.32) words them.
enum BaselineChecks {
    static let all: [PodSecurityCheck] = [
        hostProcess, hostNamespaces, privileged, capabilities, hostPathVolumes, hostPorts, appArmor,
        seLinuxOptions, procMount, seccompProfile, sysctls,
    ]

    static let hostProcess = PodSecurityCheck("windowsHostProcess", .baseline) { pod in
        let setters = pod.setters(
            pod: pod.podContext?.windowsOptions?.hostProcess == true,
            containers: { $0.securityContext?.windowsOptions?.hostProcess == true })
        return setters.map { ("hostProcess", "\($0) must not set securityContext.windowsOptions.hostProcess=true") }
    }

    static let hostNamespaces = PodSecurityCheck("hostNamespaces", .baseline) { pod in
        // In Pod Security Admission's order: `host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)`.
        let shared = [("hostNetwork", pod.spec.hostNetwork), ("hostPID", pod.spec.hostPID), ("hostIPC", pod.spec.hostIPC)]
            .filter { $0.1 == true }.map { "\($0.0)=true" }
        return shared.isEmpty ? nil : ("host namespaces", shared.joined(separator: ", "))
    }

    static let privileged = PodSecurityCheck("privileged", .baseline) { pod in
        let names = pod.containers.filter { $0.securityContext?.privileged == true }.map(\.name)
        return names.isEmpty ? nil : ("privileged", "\(PodSecurityPod.containers(names)) must not set securityContext.privileged=true")
    }

    /// The capabilities a container runtime grants by default; adding any other is forbidden.
    static let defaultCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    static let capabilities = PodSecurityCheck("capabilities_baseline", .baseline) { pod in
        var names: [String] = []
        var added: Set<String> = []
        for container in pod.containers {
            let extra = (container.securityContext?.capabilities?.add ?? []).filter { !defaultCapabilities.contains($0) }
            if !extra.isEmpty { names.append(container.name) }
            added.formUnion(extra)
        }
        guard !names.isEmpty else { return nil }
        return ("non-default capabilities",
                "\(PodSecurityPod.containers(names)) must not include \(PodSecurityPod.quoted(added.sorted())) in securityContext.capabilities.add")
    }

    static let hostPathVolumes = PodSecurityCheck("hostPathVolumes", .baseline) { pod in
        let names = pod.spec.volumes.filter { $0.hostPath != nil }.map(\.name)
        guard !names.isEmpty else { return nil }
        return ("hostPath volumes", "\(PodSecurityPod.plural("volume", "volumes", names.count)) \(PodSecurityPod.quoted(names))")
    }

    static let hostPorts = PodSecurityCheck("hostPorts", .baseline) { pod in
        let users = pod.containers.filter { !$0.hostPorts.isEmpty }
        guard !users.isEmpty else { return nil }
        let ports = Set(users.flatMap(\.hostPorts)).map(String.init).sorted()
        return ("hostPort", "\(PodSecurityPod.containers(users.map(\.name))) \(PodSecurityPod.plural("uses", "use", users.count)) "
            + "\(PodSecurityPod.plural("hostPort", "hostPorts", ports.count)) \(ports.joined(separator: ", "))")
    }

    /// AppArmor: the beta annotations, and the `appArmorProfile` fields of 1.30 on, may
    /// name `runtime/default` (RuntimeDefault) or a localhost profile, never unconfined.
    static let appArmor = PodSecurityCheck("appArmorProfile", .baseline) { pod in
        var forbidden: [String] = []
        for (key, value) in pod.annotations where key.hasPrefix("container.apparmor.security.beta.kubernetes.io/") {
            if !(value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")) {
                forbidden.append("\(key)=\"\(value)\"")
            }
        }
        if pod.podContext?.appArmorProfile?.type == "Unconfined" {
            forbidden.append("pod must not set securityContext.appArmorProfile.type to \"Unconfined\"")
        }
        let names = pod.containers.filter { $0.securityContext?.appArmorProfile?.type == "Unconfined" }.map(\.name)
        if !names.isEmpty {
            forbidden.append("\(PodSecurityPod.containers(names)) must not set securityContext.appArmorProfile.type to \"Unconfined\"")
        }
        guard !forbidden.isEmpty else { return nil }
        return (PodSecurityPod.plural("forbidden AppArmor profile", "forbidden AppArmor profiles", forbidden.count),
                forbidden.sorted().joined(separator: ", "))
    }

    static let seLinuxTypes: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]

    /// What is forbidden in one `seLinuxOptions`: a type outside the allowed ones, a user, a role.
    private struct SELinuxFindings {
        var badTypes: Set<String> = []
        var setsUser = false
        var setsRole = false

        /// Records what `options` sets that is forbidden; true when it sets anything.
        mutating func record(_ options: SELinuxOptions?) -> Bool {
            guard let options else { return false }
            let type = options.type ?? ""
            let badType = !seLinuxTypes.contains(type)
            if badType { badTypes.insert(type) }
            let user = !(options.user ?? "").isEmpty
            let role = !(options.role ?? "").isEmpty
            setsUser = setsUser || user
            setsRole = setsRole || role
            return badType || user || role
        }
    }

    static let seLinuxOptions = PodSecurityCheck("seLinuxOptions", .baseline) { pod in
        var findings = SELinuxFindings()
        var setters: [String] = findings.record(pod.podContext?.seLinuxOptions) ? ["pod"] : []
        var names: [String] = []
        for container in pod.containers where findings.record(container.securityContext?.seLinuxOptions) {
            names.append(container.name)
        }
        if !names.isEmpty { setters.append(PodSecurityPod.containers(names)) }
        guard !setters.isEmpty else { return nil }
        // As Pod Security Admission writes it: user and role are named only beside a bad type.
        var data: [String] = []
        if !findings.badTypes.isEmpty {
            let types = findings.badTypes.sorted()
            data.append("\(PodSecurityPod.plural("type", "types", types.count)) \(PodSecurityPod.quoted(types))")
            if findings.setsUser { data.append("user may not be set") }
            if findings.setsRole { data.append("role may not be set") }
        }
        return ("seLinuxOptions",
                "\(setters.joined(separator: " and ")) set forbidden securityContext.seLinuxOptions: \(data.joined(separator: "; "))")
    }

    static let procMount = PodSecurityCheck("procMount", .baseline) { pod in
        let bad = pod.containers.filter { ($0.securityContext?.procMount ?? "Default") != "Default" }
        guard !bad.isEmpty else { return nil }
        let types = Set(bad.compactMap { $0.securityContext?.procMount }).sorted()
        return ("procMount", "\(PodSecurityPod.containers(bad.map(\.name))) must not set securityContext.procMount to \(PodSecurityPod.quoted(types))")
    }

    static let seccompProfile = PodSecurityCheck("seccompProfile_baseline", .baseline) { pod in
        seccompSetters(pod).map { ("seccompProfile", $0) }
    }

    /// Who sets a seccomp profile type other than RuntimeDefault or Localhost, worded.
    static func seccompSetters(_ pod: PodSecurityPod) -> String? {
        var badValues: Set<String> = []
        func bad(_ profile: SeccompProfile?) -> Bool {
            guard let profile, !["RuntimeDefault", "Localhost"].contains(profile.type) else { return false }
            badValues.insert(profile.type)
            return true
        }
        let podBad = bad(pod.podContext?.seccompProfile)
        let setters = pod.setters(pod: podBad, containers: { bad($0.securityContext?.seccompProfile) })
        return setters.map { "\($0) must not set securityContext.seccompProfile.type to \(PodSecurityPod.quoted(badValues.sorted()))" }
    }

    /// The sysctls namespaced to a pod and isolated from the node (allowed as of 1.29).
    static let safeSysctls: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    ]

    static let sysctls = PodSecurityCheck("sysctls", .baseline) { pod in
        let forbidden = (pod.podContext?.sysctls ?? []).map(\.name).filter { !safeSysctls.contains($0) }
        return forbidden.isEmpty ? nil : ("forbidden sysctls", forbidden.joined(separator: ", "))
    }
}
