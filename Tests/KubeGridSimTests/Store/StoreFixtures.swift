import KubeGridCore

@testable import KubeGridSim

/// Small objects for store and admission tests.
enum StoreFixtures {
    static func statefulSet(_ name: String, replicas: Int = 2, image: String = "gigaspaces/xap:16.4") -> StatefulSet {
        StatefulSet(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: StatefulSetSpec(
                replicas: replicas, serviceName: "\(name)-hs", selector: LabelSelector(matchLabels: ["app": name]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: ["app": name]),
                    spec: PodSpec(containers: [Container(name: "main", image: image)]))))
    }

    static func pod(onNode node: String? = "node-1", grace: Int? = nil) -> ObjectBody {
        .pod(PodObject(spec: PodSpec(containers: [Container(name: "main")], terminationGracePeriodSeconds: grace), nodeName: node))
    }

    static func service(_ name: String, type: ServiceType? = nil, nodePort: Int? = nil) -> Service {
        Service(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: ServiceSpec(type: type, selector: ["app": name], ports: [ServicePort(name: "p", port: 80, nodePort: nodePort)]))
    }

    static func api() -> APIServer { APIServer(network: ServiceNetwork(random: SeededRandom(seed: 1))) }
}
