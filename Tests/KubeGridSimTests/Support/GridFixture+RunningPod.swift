import Testing

@testable import KubeGridSim

extension GridFixture {
    /// A running pod of `statefulSetName`'s ordinal `ordinal`, with an IP, put into `pods`
    /// as the kubelet would have left it: for tests that drive a controller with no world.
    func runningPod(of statefulSetName: String, ordinal: Int, in pods: inout PodTable) throws -> KubeGridSim.Pod {
        let statefulSet = try #require(bundle.statefulSets.first { $0.metadata.name == statefulSetName })
        var pod = KubeGridSim.Pod(
            uid: pods.newUID(), name: "\(statefulSetName)-\(ordinal)", namespace: "default",
            labels: statefulSet.spec.template.metadata.labels, spec: statefulSet.spec.template.spec,
            owner: "default/\(statefulSetName)", ordinal: ordinal, revision: 1, role: GridRole.of(statefulSet),
            createdAt: .zero)
        pod.phase = .running
        pod.stage = .running
        pods[pod.key] = pod
        _ = pods.assignAddress(to: pod.key)
        return try #require(pods[pod.key])
    }
}
