/// One control of the Pod Security Standards: Pod Security Admission's id, the profile
/// that holds it, and the test, which returns the reason and detail of a failure.
struct PodSecurityCheck: Sendable {
    var id: String
    var level: PodSecurityLevel
    var evaluate: @Sendable (PodSecurityPod) -> (reason: String, detail: String)?

    init(_ id: String, _ level: PodSecurityLevel, _ evaluate: @escaping @Sendable (PodSecurityPod) -> (reason: String, detail: String)?) {
        self.id = id
        self.level = level
        self.evaluate = evaluate
    }
}

extension PodSecurityPod {
    /// `pod`, then `containers "a", "b"`, for the containers that match, joined by ` and `;
    /// nil when nothing matches (Pod Security Admission's "bad setters").
    func setters(pod podMatches: Bool, containers matches: (ContainerView) -> Bool) -> String? {
        var setters: [String] = podMatches ? ["pod"] : []
        let names = containers.filter(matches).map(\.name)
        if !names.isEmpty { setters.append(Self.containers(names)) }
        return setters.isEmpty ? nil : setters.joined(separator: " and ")
    }
}
