/// Kubernetes' and Helm's rules for names, checked before anything reaches a cluster.
enum NameRules {
    /// Helm's limit for release names.
    static let releaseNameLimit = 53
    /// Names of Services and labels values.
    static let labelLimit = 63
    /// StatefulSet names: Kubernetes adds `-<10-character hash>` in the
    /// `controller-revision-hash` label, which must stay within 63 characters.
    static let statefulSetNameLimit = 52

    /// A DNS-1123 label: lowercase letters, digits and `-`, starting and ending alphanumeric.
    static func isDNSLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        return alphanumeric(first) && alphanumeric(last)
            && bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    static func releaseDiagnostics(_ release: String) -> [Diagnostic] {
        if release.isEmpty {
            return [Diagnostic(.error, rule: "KG110", path: nil, "a release name is required; pass --name NAME")]
        }
        if release.utf8.count > releaseNameLimit {
            return [Diagnostic(.error, rule: "KG110", path: nil,
                               "release name \"\(release)\" is \(release.utf8.count) characters; Helm allows at most \(releaseNameLimit)")]
        }
        if !isDNSLabel(release) {
            return [Diagnostic(.error, rule: "KG110", path: nil,
                               "release name \"\(release)\" is not a DNS-1123 label; use lowercase letters, digits and '-', starting and ending with a letter or digit")]
        }
        return []
    }

    /// Checks the longest names a chart will create.
    static func objectNameDiagnostics(statefulSet: String, service: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if statefulSet.utf8.count > statefulSetNameLimit {
            diagnostics.append(Diagnostic(
                .error, rule: "KG111", path: nil,
                "StatefulSet name \"\(statefulSet)\" is \(statefulSet.utf8.count) characters; at most \(statefulSetNameLimit) fit Kubernetes' controller-revision-hash label; shorten the release name or set fullnameOverride"))
        }
        if service.utf8.count > labelLimit {
            diagnostics.append(Diagnostic(
                .error, rule: "KG111", path: nil,
                "Service name \"\(service)\" is \(service.utf8.count) characters; Kubernetes allows at most \(labelLimit); shorten the release name or set fullnameOverride"))
        }
        return diagnostics
    }
}
