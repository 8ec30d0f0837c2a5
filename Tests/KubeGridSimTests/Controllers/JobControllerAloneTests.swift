import KubeGridCore
import Testing

@testable import KubeGridSim

/// The Job controller on its own: a Job gets one pod from its template, named and labelled
/// as kube-controller-manager does and owned by the Job; when the pod exits, the Job's
/// status says Complete or Failed.
@Suite struct JobControllerAloneTests {
    struct Rig {
        var api = StoreFixtures.api()
        var controller: JobController
        var pods = PodTable()
        var timeline = Timeline()

        init() {
            controller = JobController(changes: api.watch())
        }

        mutating func job(_ name: String) throws {
            let manifest: Values = [
                "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": .string(name), "namespace": "default"],
                "spec": [
                    "template": [
                        "metadata": ["labels": ["app": "batch"]],
                        "spec": ["restartPolicy": "Never", "containers": [["name": "main", "image": "busybox"]]],
                    ]
                ],
            ]
            let write = try ManifestWrite(manifest)
            try api.create(write.body, name: name, namespace: "default", labels: write.labels, at: .zero)
            for event in api.changes(for: controller.changes) {
                controller.observe(event, pods: &pods, api: &api, timeline: &timeline)
            }
        }

        func status(_ name: String) -> Values.Map? {
            guard case .passive(let job)? = api.store.get(ObjectKey(.job, namespace: "default", name))?.body else { return nil }
            return job.fields["status"]?.mapValue
        }
    }

    @Test func aJobGetsOnePodOwnedByIt() throws {
        var rig = Rig()
        try rig.job("nightly")
        let pods = rig.api.store.list(.pod)
        #expect(pods.count == 1)
        let pod = try #require(pods.first)
        #expect(pod.metadata.name.hasPrefix("nightly-") && pod.metadata.name.count == "nightly-".count + 5)
        #expect(pod.metadata.labels["job-name"] == "nightly" && pod.metadata.labels["batch.kubernetes.io/job-name"] == "nightly")
        #expect(pod.metadata.labels["app"] == "batch")
        let job = try #require(rig.api.store.get(ObjectKey(.job, namespace: "default", "nightly")))
        #expect(pod.metadata.labels["controller-uid"] == job.metadata.uid.description)
        #expect(pod.metadata.ownerReferences.map(\.kind) == [ObjectKind.job] && pod.metadata.ownerReferences.first?.uid == job.metadata.uid)
        #expect(rig.pods["default/\(pod.metadata.name)"] != nil)
        #expect(rig.controller.job(of: "default/\(pod.metadata.name)") == "default/nightly")
        #expect(rig.timeline.events.map(\.reason) == ["SuccessfulCreate"])
    }

    @Test func theSameJobGivesTheSamePodName() throws {
        var first = Rig()
        var second = Rig()
        try first.job("nightly")
        try second.job("nightly")
        #expect(first.api.store.list(.pod).map(\.metadata.name) == second.api.store.list(.pod).map(\.metadata.name))
    }

    @Test func theJobSaysHowItsPodEnded() throws {
        var rig = Rig()
        try rig.job("good")
        try rig.job("bad")
        let pods = rig.api.store.list(.pod).map { "default/\($0.metadata.name)" }
        let clock: (SimTime) -> String = { SparkClock.timestamp($0) }
        rig.controller.podExited(pods[0], succeeded: true, message: nil, api: &rig.api, at: .seconds(75), clock: clock)
        rig.controller.podExited(pods[1], succeeded: false, message: "it broke", api: &rig.api, at: .seconds(80), clock: clock)
        let good = try #require(rig.status("good"))
        #expect(good["succeeded"] == 1 && good["completionTime"] == "1970-01-01T00:01:15Z")
        #expect(good["conditions"]?.listValue?.compactMap { $0.mapValue?["type"]?.stringValue } == ["SuccessCriteriaMet", "Complete"])
        let bad = try #require(rig.status("bad"))
        #expect(bad["failed"] == 1 && bad["succeeded"] == nil)
        let failed = try #require(bad["conditions"]?.listValue?.last?.mapValue)
        #expect(failed["type"] == "Failed" && failed["message"] == "it broke" && failed["reason"] == "BackoffLimitExceeded")
    }
}
