/// Kubernetes' and Helm's rules for names, checked before anything reaches a cluster.
enum NameRules {
    /// Helm's limit for release names.
    static let releaseNameLimit = 53

    static func releaseDiagnostics(_ release: String) -> [Diagnostic] {
        if release.isEmpty {
            return [Diagnostic(.error, rule: "KG110", path: nil, "a release name is required; pass --name NAME")]
        }
        if release.utf8.count > releaseNameLimit {
            return [Diagnostic(.error, rule: "KG110", path: nil,
                               "release name \"\(release)\" is \(release.utf8.count) characters; Helm allows at most \(releaseNameLimit)")]
        }
        if KubernetesNames.dnsLabelProblem(release) != nil {
            return [Diagnostic(.error, rule: "KG110", path: nil,
                               "release name \"\(release)\" is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit")]
        }
        return []
    }

    /// Checks the longest names a chart will create.
    static func objectNameDiagnostics(statefulSet: String, service: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if statefulSet.utf8.count > KubernetesLimits.statefulSetNameLength {
            diagnostics.append(Diagnostic(
                .error, rule: "KG111", path: nil,
                "StatefulSet name \"\(statefulSet)\" is \(statefulSet.utf8.count) characters; at most \(KubernetesLimits.statefulSetNameLength) fit Kubernetes' controller-revision-hash label; shorten the release name or set fullnameOverride"))
        }
        if service.utf8.count > KubernetesLimits.labelLength {
            diagnostics.append(Diagnostic(
                .error, rule: "KG111", path: nil,
                "Service name \"\(service)\" is \(service.utf8.count) characters; Kubernetes allows at most \(KubernetesLimits.labelLength); shorten the release name or set fullnameOverride"))
        }
        return diagnostics
    }
}
