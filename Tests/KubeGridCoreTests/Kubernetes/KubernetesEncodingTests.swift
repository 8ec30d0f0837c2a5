import Testing
@testable import KubeGridCore

@Suite struct KubernetesEncodingTests {
    @Test func statefulSetKeysComeInKubernetesOrder() throws {
        let encoded = KubernetesFixtures.statefulSet.encoded()
        #expect(encoded.keys(at: []) == ["apiVersion", "kind", "metadata", "spec"])
        #expect(encoded["apiVersion"] == "apps/v1")
        #expect(encoded["kind"] == "StatefulSet")
        #expect(encoded.keys(at: ["metadata"]) == ["name", "namespace", "labels", "annotations"])
        #expect(encoded.keys(at: ["metadata", "labels"]) == Array(KubernetesFixtures.podLabels.keys))
        #expect(
            encoded.keys(at: ["spec"]) == [
                "replicas", "serviceName", "selector", "podManagementPolicy", "updateStrategy", "template",
                "volumeClaimTemplates",
            ])
        #expect(encoded.keys(at: ["spec", "updateStrategy"]) == ["type", "rollingUpdate"])
        #expect(encoded.keys(at: ["spec", "template"]) == ["metadata", "spec"])
        #expect(encoded.keys(at: ["spec", "template", "metadata"]) == ["labels"])
        #expect(
            encoded.keys(at: ["spec", "template", "spec"]) == [
                "initContainers", "containers", "affinity", "nodeSelector", "terminationGracePeriodSeconds", "volumes",
            ])

        let container = try #require(encoded.value(at: ["spec", "template", "spec", "containers"])?.listValue?.first)
        #expect(
            container.keys(at: []) == [
                "name", "image", "imagePullPolicy", "command", "args", "env", "ports", "resources", "livenessProbe",
                "readinessProbe", "volumeMounts",
            ])
        #expect(container.keys(at: ["resources"]) == ["limits", "requests"])
        #expect(
            container.keys(at: ["readinessProbe"]) == [
                "httpGet", "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold",
                "failureThreshold",
            ])
        #expect(container.keys(at: ["readinessProbe", "httpGet"]) == ["path", "port", "scheme"])
        #expect(container["ports"]?.listValue?.first?.keys(at: []) == ["name", "containerPort", "protocol"])

        let antiAffinity = try #require(
            encoded.value(at: ["spec", "template", "spec", "affinity", "podAntiAffinity"]))
        #expect(
            antiAffinity.keys(at: []) == [
                "requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution",
            ])
        let term = try #require(antiAffinity["requiredDuringSchedulingIgnoredDuringExecution"]?.listValue?.first)
        #expect(term.keys(at: []) == ["labelSelector", "topologyKey"])
        #expect(term.value(at: ["labelSelector", "matchExpressions"])?.listValue?.first?.keys(at: []) == ["key", "operator", "values"])

        // Claim templates carry no apiVersion and kind, as Helm charts write them.
        let claim = try #require(encoded.value(at: ["spec", "volumeClaimTemplates"])?.listValue?.first)
        #expect(claim.keys(at: []) == ["metadata", "spec"])
        #expect(claim.keys(at: ["spec"]) == ["accessModes", "storageClassName", "resources"])
        #expect(claim.value(at: ["spec", "resources", "requests", "storage"]) == "1Gi")
    }

    @Test func serviceKeysComeInKubernetesOrder() throws {
        let encoded = KubernetesFixtures.service.encoded()
        #expect(encoded.keys(at: []) == ["apiVersion", "kind", "metadata", "spec"])
        #expect(encoded["apiVersion"] == "v1")
        #expect(encoded.keys(at: ["metadata"]) == ["name", "namespace", "labels"])
        #expect(encoded.keys(at: ["spec"]) == ["type", "selector", "ports"])
        let port = try #require(encoded.value(at: ["spec", "ports"])?.listValue?.first)
        #expect(port == ["name": "lrmi", "protocol": "TCP", "port": 8200, "targetPort": "lrmi", "nodePort": 30100])
        #expect(port.keys(at: []) == ["name", "protocol", "port", "targetPort", "nodePort"])

        let headless = KubernetesFixtures.headlessService.encoded()
        #expect(headless.keys(at: ["spec"]) == ["clusterIP", "selector", "ports", "publishNotReadyAddresses"])
        #expect(headless.value(at: ["spec", "clusterIP"]) == "None")
        #expect(KubernetesFixtures.headlessService.spec.isHeadless)
        #expect(KubernetesFixtures.headlessService.spec.effectiveType == .clusterIP)
    }

    @Test func pdbAndNodeKeysComeInKubernetesOrder() {
        let pdb = KubernetesFixtures.podDisruptionBudget.encoded()
        #expect(pdb["apiVersion"] == "policy/v1")
        #expect(pdb.keys(at: ["spec"]) == ["maxUnavailable", "selector"])
        #expect(pdb.value(at: ["spec", "maxUnavailable"]) == 1)

        let node = KubernetesFixtures.node.encoded()
        #expect(node.keys(at: []) == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(node.keys(at: ["status"]) == ["capacity", "allocatable", "addresses"])
        #expect(node.value(at: ["status", "allocatable", "cpu"]) == "7800m")
    }

    @Test func unsetOptionalsAndEmptyCollectionsAreLeftOut() {
        #expect(Container(name: "c").encoded() == ["name": "c"])
        #expect(Container(name: "c", resources: ResourceRequirements()).encoded() == ["name": "c"])
        #expect(ObjectMeta().encoded() == [:])
        #expect(ServicePort(port: 80).encoded() == ["port": 80])
        #expect(Probe(tcpSocket: TCPSocketAction(port: 8080)).encoded() == ["tcpSocket": ["port": 8080]])
        #expect(
            Service(metadata: ObjectMeta(name: "s"), spec: ServiceSpec()).encoded()
                == ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": [:]])
        #expect(
            Node(metadata: ObjectMeta(name: "n")).encoded()
                == ["apiVersion": "v1", "kind": "Node", "metadata": ["name": "n"]])
        #expect(
            PodTemplateSpec(spec: PodSpec(containers: [Container(name: "c")])).encoded()
                == ["spec": ["containers": [["name": "c"]]]])
        // A required list stays even when empty, so the API server reports it instead of a missing field.
        #expect(PodSpec(containers: []).encoded() == ["containers": []])
        #expect(
            StatefulSetSpec(selector: LabelSelector(), template: PodTemplateSpec(spec: PodSpec(containers: [])))
                .encoded() == ["selector": [:], "template": ["spec": ["containers": []]]])
    }
}
