import KubeGridCore
import OrderedCollections

/// kube-controller-manager's Job controller, as far as a run-to-completion driver needs it:
/// a Job gets one pod from its template (`parallelism` and `completions` of 1, the
/// insightedge-spark chart's driver), named `<job>-<5 characters>` as `generateName` makes
/// it and labelled as the controller labels it; when that pod's containers exit the Job's
/// status says so (`succeeded: 1` and the `Complete` condition, or `failed: 1` and
/// `Failed`). `backoffLimit` is not modelled: a failed driver fails its Job.
struct JobController: Sendable {
    /// Its watch of Jobs.
    let changes: ChangeFeed.Consumer
    /// The pod key (`namespace/name`) of each Job's pod, by Job key.
    private(set) var podOfJob: [String: String] = [:]

    init(changes: ChangeFeed.Consumer) {
        self.changes = changes
    }

    /// A new Job gets its pod; a deleted one is forgotten (the garbage collector deletes its pod).
    mutating func observe(_ event: WatchEvent, pods: inout PodTable, api: inout APIServer, timeline: inout Timeline) {
        guard event.object.body.kind == .job else { return }
        let metadata = event.object.metadata
        let jobKey = "\(metadata.namespace ?? "default")/\(metadata.name)"
        switch event.type {
        case .added:
            guard podOfJob[jobKey] == nil, case .passive(let job) = event.object.body,
                let template = Self.template(of: job)
            else { return }
            createPod(of: metadata, template: template, pods: &pods, api: &api, timeline: &timeline)
        case .deleted:
            podOfJob[jobKey] = nil
        default:
            break
        }
    }

    /// The Job that owns the pod `podKey`, if a Job made it.
    func job(of podKey: String) -> String? {
        podOfJob.first { $0.value == podKey }?.key
    }

    /// The Job's pod exited: its status counts it and carries the condition.
    func podExited(_ podKey: String, succeeded: Bool, message: String?, api: inout APIServer, at now: SimTime, clock: (SimTime) -> String) {
        guard let jobKey = job(of: podKey) else { return }
        let parts = jobKey.split(separator: "/", maxSplits: 1).map(String.init)
        let key = ObjectKey(.job, namespace: parts[0], parts[1])
        guard let stored = api.store.get(key) else { return }
        let started = clock(stored.metadata.creationTimestamp)
        let finished = clock(now)
        _ = try? api.update(key, at: now) { body in
            guard case .passive(var job) = body else { return }
            var status: Values.Map = ["startTime": .string(started), "ready": 0, "terminating": 0]
            var conditions: [Values] = []
            if succeeded {
                status["succeeded"] = 1
                status["completionTime"] = .string(finished)
                status["uncountedTerminatedPods"] = .map([:])
                conditions = [
                    Self.condition("SuccessCriteriaMet", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", at: finished),
                    Self.condition("Complete", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", at: finished),
                ]
            } else {
                status["failed"] = 1
                conditions = [
                    Self.condition("FailureTarget", reason: "BackoffLimitExceeded", message: message ?? "Job has reached the specified backoff limit", at: finished),
                    Self.condition("Failed", reason: "BackoffLimitExceeded", message: message ?? "Job has reached the specified backoff limit", at: finished),
                ]
            }
            status["conditions"] = .list(conditions)
            job.fields["status"] = .map(status)
            body = .passive(job)
        }
    }

    private static func condition(_ type: String, reason: String, message: String, at time: String) -> Values {
        .map([
            "type": .string(type), "status": "True", "lastProbeTime": .string(time), "lastTransitionTime": .string(time),
            "reason": .string(reason), "message": .string(message),
        ])
    }

    private mutating func createPod(
        of job: ObjectMetadata, template: PodTemplateSpec, pods: inout PodTable, api: inout APIServer, timeline: inout Timeline
    ) {
        let namespace = job.namespace ?? "default"
        let name = "\(job.name)-\(Self.suffix(job.uid))"
        var labels = template.metadata.labels
        let uid = job.uid.description
        for (key, value) in [
            ("batch.kubernetes.io/controller-uid", uid), ("batch.kubernetes.io/job-name", job.name), ("controller-uid", uid),
            ("job-name", job.name),
        ] { labels[key] = value }
        let owner = OwnerReference(kind: .job, name: job.name, uid: job.uid)
        do {
            try api.create(
                .pod(PodObject(spec: template.spec)), name: name, namespace: namespace, owners: [owner], labels: labels,
                at: timeline.now)
        } catch {
            timeline.record("job/\(job.name)", "FailedCreate", "Error creating: \(error)", type: .warning)
            return
        }
        let pod = Pod(
            uid: pods.newUID(), name: name, namespace: namespace, labels: labels, spec: template.spec,
            owner: "\(namespace)/\(job.name)", ordinal: 0, revision: 0, role: .other, createdAt: timeline.now)
        pods[pod.key] = pod
        podOfJob["\(namespace)/\(job.name)"] = pod.key
        timeline.record("job/\(job.name)", "SuccessfulCreate", "Created pod: \(name)")
    }

    /// The pod template of a stored Job.
    static func template(of job: PassiveObject) -> PodTemplateSpec? {
        guard let values = job.fields["spec"]?.mapValue?["template"] else { return nil }
        return try? PodTemplateSpec(decoding: values)
    }

    /// Five characters from the API server's `generateName` alphabet (no vowels, no
    /// look-alikes), drawn from the Job's uid so a seed gives the same names.
    static func suffix(_ uid: UID) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in uid.description.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        var name = ""
        for _ in 0..<5 {
            name.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        return name
    }
}
