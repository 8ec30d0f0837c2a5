import Testing
@testable import KubeGridCore

@Suite struct KubernetesObjectTests {
    @Test(arguments: [
        (KubernetesFixtures.statefulSet.encoded(), "apps/v1", "StatefulSet", "demo-insightedge-pu-1", "default" as String?),
        (KubernetesFixtures.service.encoded(), "v1", "Service", "demo-insightedge-pu-1-0-service", "default"),
        (KubernetesFixtures.podDisruptionBudget.encoded(), "policy/v1", "PodDisruptionBudget", "demo-insightedge-pu-1", nil),
        (KubernetesFixtures.node.encoded(), "v1", "Node", "node-a", nil),
        (["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "cm", "namespace": "ns"]], "v1", "ConfigMap", "cm", "ns"),
        (["apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "metadata": ["name": "old"]], "policy/v1beta1",
            "PodDisruptionBudget", "old", nil),
    ] as [(Values, String, String, String, String?)])
    func exposesKindAndName(manifest: Values, apiVersion: String, kind: String, name: String, namespace: String?) throws {
        let object = try KubernetesObject(decoding: manifest)
        #expect(object.apiVersion == apiVersion)
        #expect(object.kind == kind)
        #expect(object.name == name)
        #expect(object.namespace == namespace)
        #expect(object.encoded() == manifest)
    }

    @Test func modelsOnlyTheExactApiVersion() throws {
        let old: Values = ["apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "metadata": ["name": "old"]]
        #expect(try KubernetesObject(decoding: old) == .other(old))
        let current = try KubernetesObject(decoding: KubernetesFixtures.podDisruptionBudget.encoded())
        #expect(current == .podDisruptionBudget(KubernetesFixtures.podDisruptionBudget))
    }
}
