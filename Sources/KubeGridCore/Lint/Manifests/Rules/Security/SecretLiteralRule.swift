/// KG223: an environment variable whose literal value looks like a secret.
enum SecretLiteralRule {
    static let rule = LintRule(
        "KG223", "secret-in-env", .warning, .manifests,
        title: "A secret-looking literal in a container's env",
        help: "Put the value in a Secret and read it with valueFrom.secretKeyRef.",
        documentation: "A literal env value is stored in the workload object, which anyone who may read Deployments or StatefulSets reads, and it lands in Git with the manifests. Variables named like passwords, tokens, keys, credentials or licenses, and values that look like private keys, belong in a Secret (the charts: the license goes to <release>-license, or licenseSecret.existingSecret).")

    /// Name parts that mark a variable as secret.
    static let secretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "LICENSE", "LICENCE", "APIKEY", "API_KEY", "PRIVATE_KEY", "CREDENTIAL", "ACCESS_KEY"]

    static let example = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            env:
            - {name: DB_PASSWORD, value: hunter2}

        """

    static func looksSecret(name: String, value: String) -> Bool {
        guard !value.isEmpty, !(value.hasPrefix("$(") && value.hasSuffix(")")) else { return false }
        let upper = name.uppercased()
        return secretWords.contains { upper.contains($0) } || value.hasPrefix("-----BEGIN ")
    }

    static func check(_ set: ManifestSet, _ access: AccessControlObjects) -> [ManifestFinding] {
        var findings: [ManifestFinding] = []
        for group in set.podGroups {
            guard let spec = group.podSpec else { continue }
            let containers = spec.initContainers.enumerated().map { ("initContainers", $0.offset, $0.element) }
                + spec.containers.enumerated().map { ("containers", $0.offset, $0.element) }
            for (key, position, container) in containers {
                for (variableIndex, variable) in container.env.enumerated() {
                    guard let value = variable.value, looksSecret(name: variable.name, value: value) else { continue }
                    findings.append(ManifestFinding(
                        rule: rule.id, entry: group.entry,
                        path: group.podSpecPath.appending(key: key).appending(index: position).appending(key: "env")
                            .appending(index: variableIndex).appending(key: "value"),
                        problem: "container \(container.name) of \(set.entries[group.entry].title) sets \(variable.name) to a literal",
                        fix: "put it in a Secret and read it with valueFrom.secretKeyRef",
                        valuesKeys: ["licenseSecret.existingSecret", "licenseSecret"], valuesFix: "keep the license in a Secret: set licenseSecret.existingSecret"))
                }
            }
        }
        return findings
    }
}
