import Foundation
@testable import KubeGridCore

/// Small inputs for lint tests: a clean HA partition, and ways to break it.
enum LintFixtures {
    /// A headless Service, a PodDisruptionBudget, a two-pod partition meeting the restricted
    /// Pod Security Standard, and the NetworkPolicy that selects it: they break no rule.
    static let partition = """
        apiVersion: v1
        kind: Service
        metadata:
          name: s-hs
          namespace: default
          labels: {app: s}
        spec:
          clusterIP: None
          selector: {app: s}
          ports: [{name: lrmi, port: 8200}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: s-1, namespace: default}
        spec:
          maxUnavailable: 1
          selector: {matchLabels: {selectorId: s-1}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: s-1, namespace: default}
        spec:
          replicas: 2
          serviceName: s-hs
          selector:
            matchLabels: {selectorId: s-1}
          template:
            metadata:
              labels: {app: s, component: space, selectorId: s-1, partitionId: "1"}
            spec:
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchExpressions: [{key: selectorId, operator: In, values: [s-1]}]}
                    topologyKey: kubernetes.io/hostname
              containers:
              - name: pu
                image: gigaspaces/insightedge-enterprise:15.5
                resources: {limits: {memory: 400Mi}}
                readinessProbe: {httpGet: {path: /probes/ready, port: 8089}}
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
              automountServiceAccountToken: false
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: s, namespace: default}
        spec: {podSelector: {matchLabels: {app: s}}, policyTypes: [Ingress]}

        """

    /// The partition with text replaced; the replaced text must be there.
    static func partition(replacing old: String, with new: String) -> String {
        precondition(partition.contains(old), "fixture has no \(old)")
        return partition.replacingFirst(old, with: new)
    }

    /// The partition and more documents after it.
    static func partition(adding documents: String) -> String {
        partition + "---\n" + documents
    }

    /// A NodePort Service selecting the partition's pods.
    static func nodePortService(_ name: String, nodePort: Int) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(name), namespace: default}
        spec:
          type: NodePort
          selector: {app: s}
          ports: [{port: 8200, nodePort: \(nodePort)}]

        """
    }

    /// kubegrid's generated files of a built-in chart, as a chart directory at `directory`.
    static func generatedChart(_ chart: BuiltInChart, at directory: String, templates: Bool = true) -> [String: String] {
        var files = [
            "\(directory)/Chart.yaml": try! ChartFiles.chartYAML(chart),
            "\(directory)/values.yaml": try! ChartFiles.valuesYAML(chart),
            "\(directory)/values.schema.json": try! JSONWriter.write(ChartFiles.jsonSchema(chart)),
        ]
        if chart != .umbrella {
            files["\(directory)/templates/_defaults.tpl"] = try! ChartFiles.defaultsTemplate(chart)
        }
        if templates {
            for name in TemplatesCheck.templateFiles(of: chart) {
                files["\(directory)/templates/\(name)"] = "# a template\n"
            }
        }
        return files
    }

    /// A minimal chart directory that `helm lint` passes.
    static func chart(_ directory: String, chartFile: String = "apiVersion: v2\nname: demo\nversion: 1.0.0\n") -> [String: String] {
        [
            "\(directory)/Chart.yaml": chartFile,
            "\(directory)/templates/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
        ]
    }
}

extension String {
    /// The text with the first occurrence of `old` replaced.
    func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }
}
