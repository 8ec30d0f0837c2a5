/// KG212 and KG213: every container's memory limit (init containers too) and image tag.
enum ContainerRules {
    static func check(_ set: ManifestSet) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for group in set.podGroups {
            let title = set.entries[group.entry].title
            for container in group.containers {
                if !container.hasMemoryLimit {
                    findings.append(ManifestFinding(
                        rule: "KG212", entry: group.entry, path: container.path.appending(key: "resources"),
                        problem: container.isInit
                            ? "init container \(container.name) of \(title) has no memory limit, so it may take the node's memory"
                            : "container \(container.name) of \(title) has no memory limit, so its JVM heap cannot be sized from it and it may take the node's memory",
                        fix: "set resources.limits.memory (and resources.requests)",
                        valuesKeys: container.isInit ? ["initContainer.resources.limits", "initContainer"] : ["resources.limits", "resources"],
                        valuesFix: container.isInit ? "set initContainer.resources.limits.memory" : "set resources.limits.memory"))
                }
                if let problem = imageProblem(container.image) {
                    findings.append(ManifestFinding(
                        rule: "KG213", entry: group.entry, path: container.path.appending(key: "image"),
                        problem: "container \(container.name) of \(title) \(problem)",
                        fix: "pin the image to a version tag such as :15.5 or to a digest",
                        valuesKeys: ["image.tag", "image"], valuesFix: "set image.tag to a version such as 15.5"))
                }
            }
        }
        return findings
    }

    /// What is wrong with an image reference's tag, or nil for a pinned one.
    static func imageProblem(_ image: String?) -> String? {
        guard let image, !image.isEmpty else { return "has no image" }
        if image.contains("@") { return nil }
        // The tag follows the last ':' after the last '/' (a registry host may carry a port).
        let lastPart = image.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(image)
        guard let colon = lastPart.lastIndex(of: ":") else {
            return "uses image \(image) without a tag, which means latest"
        }
        let tag = lastPart[lastPart.index(after: colon)...]
        if tag.isEmpty { return "uses image \(image) with an empty tag" }
        if tag == "latest" { return "uses image \(image), whose latest tag changes under a running grid" }
        return nil
    }
}
