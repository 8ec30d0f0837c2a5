import KubeGridCore
import OrderedCollections
import Testing

@testable import KubeGridSim

/// The admission plugins of a tenant's namespace (issue 13, item 2): ResourceQuota,
/// LimitRanger and PodSecurity, each message as kube-apiserver words it.
@Suite struct TenantAdmissionTests {
    typealias F = StoreFixtures

    /// A namespace `t` with these labels, and the passive objects given.
    static func tenant(labels: OrderedDictionary<String, String> = [:], _ objects: [(ObjectKind, String, Values)]) throws -> APIServer {
        var api = F.api()
        try api.create(.namespace, name: "t", labels: labels, at: .zero)
        for (kind, name, spec) in objects {
            let manifest: Values = ["apiVersion": "v1", "kind": .string(kind.rawValue), "metadata": ["name": .string(name)], "spec": spec]
            try api.create(.passive(try PassiveObject(kind: kind, manifest: manifest)), name: name, namespace: "t", at: .zero)
        }
        return api
    }

    static func quota(_ hard: Values) -> (ObjectKind, String, Values) { (.resourceQuota, "q", ["hard": hard]) }
    static func limits(_ item: Values) -> (ObjectKind, String, Values) { (.limitRange, "l", ["limits": [item]]) }

    static func pod(_ resources: ResourceRequirements = ResourceRequirements(), securityContext: SecurityContext? = nil) -> ObjectBody {
        .pod(PodObject(spec: PodSpec(containers: [Container(name: "c", resources: resources, securityContext: securityContext)])))
    }

    func refusal(_ api: inout APIServer, _ body: ObjectBody, name: String) -> String? {
        do {
            try api.create(body, name: name, namespace: "t", at: .zero)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: ResourceQuota

    /// Usage follows pods as they come and go: the third is refused, and fits once one is deleted.
    @Test func podsAreChargedAsTheyComeAndGo() throws {
        var api = try Self.tenant([Self.quota(["pods": "2"])])
        #expect(refusal(&api, Self.pod(), name: "a") == nil)
        #expect(refusal(&api, Self.pod(), name: "b") == nil)
        #expect(refusal(&api, Self.pod(), name: "c")
            == "pods \"c\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2")
        _ = try api.delete(ObjectKey(.pod, namespace: "t", "a"), gracePeriodSeconds: 0, at: .zero)
        #expect(refusal(&api, Self.pod(), name: "c") == nil)
    }

    /// The quota's status as its controller keeps it: `hard` from the spec, `used` for each
    /// of its keys (0 when nothing uses it), in the limit's units, following objects as they go.
    @Test func theStatusReportsWhatIsUsed() throws {
        var api = try Self.tenant([Self.quota(["pods": "3", "requests.memory": "1Gi", "services.loadbalancers": "2"])])
        let resources = ResourceRequirements(limits: ["memory": "400Mi"])
        #expect(refusal(&api, Self.pod(resources), name: "a") == nil)
        #expect(refusal(&api, Self.pod(resources), name: "b") == nil)
        let stored = try #require(api.store.get(ObjectKey(.resourceQuota, namespace: "t", "q")))
        let hard = try #require(ResourceQuotaAdmission.quotaHard(stored))
        #expect(ResourceQuotaAdmission.status(hard: hard, namespace: "t", store: api.store) == [
            "hard": ["pods": "3", "requests.memory": "1Gi", "services.loadbalancers": "2"],
            "used": ["pods": "2", "requests.memory": "800Mi", "services.loadbalancers": "0"],
        ])
        _ = try api.delete(ObjectKey(.pod, namespace: "t", "a"), gracePeriodSeconds: 0, at: .zero)
        #expect(ResourceQuotaAdmission.status(hard: hard, namespace: "t", store: api.store)["used"]?["pods"] == "1")
    }

    /// The store's ledger keeps what a fresh count of the namespace's pods and Services
    /// gives, through creates, a Service changing type, graceful and immediate deletes.
    @Test func theLedgerAgreesWithAFreshCount() throws {
        var api = try Self.tenant([Self.quota(["pods": "10"])])
        func freshCount() -> [String: Int] {
            var used: [String: Int] = [:]
            for stored in api.store.list(.pod, namespace: "t") {
                if case .pod(let pod) = stored.body { used.merge(Array(QuotaUsage.pod(pod.spec)), uniquingKeysWith: +) }
            }
            for stored in api.store.list(.service, namespace: "t") {
                if case .service(let service) = stored.body { used.merge(Array(QuotaUsage.service(service.spec)), uniquingKeysWith: +) }
            }
            return used
        }
        let memory = ResourceRequirements(limits: ["memory": "400Mi"], requests: ["cpu": "250m"])
        try api.create(Self.pod(memory), name: "a", namespace: "t", at: .zero)
        try api.create(Self.pod(), name: "b", namespace: "t", at: .zero)
        try api.create(.service(F.service("s", type: .loadBalancer)), name: "s", namespace: "t", at: .zero)
        #expect(api.store.quotaLedger.usage(in: "t") == freshCount())
        #expect(api.store.quotaLedger.usage(in: "t")["services.loadbalancers"] == 1000)
        try api.update(ObjectKey(.service, namespace: "t", "s"), at: .zero) { body in
            guard case .service(var service) = body else { return }
            service.spec.type = .nodePort
            body = .service(service)
        }
        #expect(api.store.quotaLedger.usage(in: "t") == freshCount())
        #expect(api.store.quotaLedger.usage(in: "t")["services.loadbalancers"] == 0)
        #expect(api.store.quotaLedger.usage(in: "t")["services.nodeports"] == 1000)
        _ = try api.delete(ObjectKey(.pod, namespace: "t", "a"), gracePeriodSeconds: 0, at: .zero)
        _ = try api.delete(ObjectKey(.service, namespace: "t", "s"), at: .zero)
        #expect(api.store.quotaLedger.usage(in: "t") == freshCount())
        #expect(api.store.quotaLedger.usage(in: "t")["pods"] == 1000)
        #expect(api.store.quotaLedger.usage(in: "default").isEmpty)
    }

    @Test func loadBalancersAndNodePortsAreCounted() throws {
        var api = try Self.tenant([Self.quota(["services.loadbalancers": "1", "services.nodeports": "2"])])
        #expect(refusal(&api, .service(F.service("a", type: .loadBalancer)), name: "a") == nil)
        #expect(refusal(&api, .service(F.service("b", type: .loadBalancer)), name: "b")
            == "services \"b\" is forbidden: exceeded quota: q, requested: services.loadbalancers=1, used: services.loadbalancers=1, limited: services.loadbalancers=1")
        #expect(refusal(&api, .service(F.service("c", type: .nodePort)), name: "c") == nil)
        #expect(refusal(&api, .service(F.service("d", type: .nodePort)), name: "d")
            == "services \"d\" is forbidden: exceeded quota: q, requested: services.nodeports=1, used: services.nodeports=2, limited: services.nodeports=2")
        #expect(refusal(&api, .service(F.service("e")), name: "e") == nil, "a ClusterIP Service uses neither")
    }

    @Test func computeIsChargedInTheQuotasUnits() throws {
        var api = try Self.tenant([Self.quota(["requests.memory": "1Gi"])])
        let resources = ResourceRequirements(limits: ["memory": "400Mi"])
        #expect(refusal(&api, Self.pod(resources), name: "a") == nil)
        #expect(refusal(&api, Self.pod(resources), name: "b") == nil)
        #expect(refusal(&api, Self.pod(resources), name: "c")
            == "pods \"c\" is forbidden: exceeded quota: q, requested: requests.memory=400Mi, used: requests.memory=800Mi, limited: requests.memory=1Gi")
    }

    @Test func aQuotaedResourceMustBeSpecifiedUnlessALimitRangeDefaultsIt() throws {
        var bare = try Self.tenant([Self.quota(["requests.cpu": "1", "limits.memory": "1Gi"])])
        #expect(refusal(&bare, Self.pod(), name: "p")
            == "pods \"p\" is forbidden: failed quota: q: must specify limits.memory,requests.cpu")
        var defaulted = try Self.tenant([
            Self.quota(["requests.cpu": "1", "limits.memory": "1Gi"]),
            Self.limits(["type": "Container", "default": ["memory": "512Mi"], "defaultRequest": ["cpu": "250m"]]),
        ])
        #expect(refusal(&defaulted, Self.pod(), name: "p") == nil)
        guard case .pod(let stored)? = defaulted.store.get(ObjectKey(.pod, namespace: "t", "p"))?.body else {
            Issue.record("the pod was not stored")
            return
        }
        #expect(stored.spec.containers[0].resources.requests["cpu"]?.text == "250m")
        #expect(stored.spec.containers[0].resources.limits["memory"]?.text == "512Mi")
    }

    // MARK: LimitRanger

    struct LimitCase: Sendable, CustomTestStringConvertible {
        var name: String
        var item: Values
        var resources: ResourceRequirements
        var refusal: String?
        var testDescription: String { name }
    }

    /// plugin/pkg/admission/limitranger's minConstraint and maxConstraint words.
    static let limitCases: [LimitCase] = [
        LimitCase(name: "within bounds", item: ["type": "Container", "max": ["memory": "1Gi"], "min": ["memory": "100Mi"]],
                  resources: ResourceRequirements(limits: ["memory": "512Mi"]), refusal: nil),
        LimitCase(name: "limit over max", item: ["type": "Container", "max": ["memory": "1Gi"]],
                  resources: ResourceRequirements(limits: ["memory": "2Gi"]),
                  refusal: "maximum memory usage per Container is 1Gi, but limit is 2Gi"),
        LimitCase(name: "request over max", item: ["type": "Container", "max": ["cpu": "1"]],
                  resources: ResourceRequirements(limits: ["cpu": "1"], requests: ["cpu": "2"]),
                  refusal: "maximum cpu usage per Container is 1, but request is 2"),
        LimitCase(name: "request under min", item: ["type": "Container", "min": ["cpu": "100m"]],
                  resources: ResourceRequirements(requests: ["cpu": "50m"]),
                  refusal: "minimum cpu usage per Container is 100m, but request is 50m"),
        LimitCase(name: "limit under min", item: ["type": "Container", "min": ["memory": "128Mi"]],
                  resources: ResourceRequirements(limits: ["memory": "64Mi"], requests: ["memory": "128Mi"]),
                  refusal: "minimum memory usage per Container is 128Mi, but limit is 64Mi"),
        LimitCase(name: "max gives the default limit", item: ["type": "Container", "max": ["memory": "1Gi"]],
                  resources: ResourceRequirements(), refusal: nil),
        LimitCase(name: "two problems are bracketed", item: ["type": "Container", "max": ["memory": "1Gi", "cpu": "1"]],
                  resources: ResourceRequirements(limits: ["memory": "2Gi", "cpu": "2"]),
                  refusal: "[maximum memory usage per Container is 1Gi, but limit is 2Gi, maximum cpu usage per Container is 1, but limit is 2]"),
    ]

    @Test(arguments: limitCases)
    func limitRanges(_ test: LimitCase) throws {
        var api = try Self.tenant([Self.limits(test.item)])
        #expect(refusal(&api, Self.pod(test.resources), name: "p") == test.refusal.map { "pods \"p\" is forbidden: \($0)" })
    }

    // MARK: PodSecurity

    @Test func aRestrictedNamespaceRefusesAPodThatIsNot() throws {
        var api = try Self.tenant(labels: ["pod-security.kubernetes.io/enforce": "restricted"], [])
        // The words of a real 1.32 API server for a bare container.
        #expect(refusal(&api, Self.pod(), name: "p") == """
            pods "p" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")
            """)
        let hardened = SecurityContext(
            allowPrivilegeEscalation: false, capabilities: Capabilities(drop: ["ALL"]), runAsNonRoot: true,
            seccompProfile: SeccompProfile(type: "RuntimeDefault"))
        #expect(refusal(&api, Self.pod(securityContext: hardened), name: "q") == nil)
    }

    /// `warn` and `audit`: an admitted pod and a StatefulSet's template that violate the
    /// level get the warning kubectl prints and the audit annotation, in PSA's words; the
    /// StatefulSet is never refused for it, and an update that keeps its template says nothing.
    @Test func warnAndAuditSayWhatWouldViolate() throws {
        var api = try Self.tenant(labels: [
            "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/audit-version": "v1.32",
        ], [])
        let violations = #"allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")"#
        #expect(refusal(&api, Self.pod(), name: "p") == nil)
        #expect(api.lastAdmission.warnings == [#"would violate PodSecurity "restricted:latest": "# + violations])
        #expect(api.lastAdmission.auditAnnotations == [
            "pod-security.kubernetes.io/enforce-policy": "baseline:latest",
            "pod-security.kubernetes.io/audit-violations": #"would violate PodSecurity "restricted:v1.32": "# + violations,
        ])
        var set = F.statefulSet("s")
        set.metadata.namespace = "t"
        set.spec.template.spec.containers = [Container(name: "c", image: "busybox")]
        #expect(refusal(&api, .statefulSet(set), name: "s") == nil)
        #expect(api.lastAdmission.warnings == [#"would violate PodSecurity "restricted:latest": "# + violations])
        #expect(api.lastAdmission.auditAnnotations.keys.elementsEqual(["pod-security.kubernetes.io/audit-violations"]))
        try api.update(ObjectKey(.statefulSet, namespace: "t", "s"), at: .zero) { body in
            if case .statefulSet(var changed) = body {
                changed.spec.replicas = 3
                body = .statefulSet(changed)
            }
        }
        #expect(api.lastAdmission.warnings.isEmpty)
    }

    @Test func baselineLetsThroughWhatRestrictedRefuses() throws {
        var api = try Self.tenant(labels: ["pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "v1.32"], [])
        #expect(refusal(&api, Self.pod(), name: "p") == nil)
        let privileged = SecurityContext(privileged: true)
        #expect(refusal(&api, Self.pod(securityContext: privileged), name: "q")
            == "pods \"q\" is forbidden: violates PodSecurity \"baseline:v1.32\": privileged (container \"c\" must not set securityContext.privileged=true)")
    }
}

/// The StatefulSet controller meets the quota: the pod it cannot create is a FailedCreate
/// event in the quota's words, and the StatefulSet keeps the pods that fit.
@Suite struct QuotaStatefulSetTests {
    @Test func aStatefulSetStopsAtTheQuotaWithFailedCreate() throws {
        var rig = StatefulSetControllerAloneTests.Rig()
        let manifest: Values = ["apiVersion": "v1", "kind": "ResourceQuota", "metadata": ["name": "q"], "spec": ["hard": ["pods": "2"]]]
        try rig.api.create(.passive(try PassiveObject(kind: .resourceQuota, manifest: manifest)), name: "q", namespace: "default", at: .zero)
        var statefulSet = StoreFixtures.statefulSet("web", replicas: 3)
        statefulSet.spec.podManagementPolicy = .parallel
        try rig.api.create(.statefulSet(statefulSet), name: "web", at: .zero)
        rig.deliver()
        rig.syncAll()
        #expect(rig.podNames() == ["web-0", "web-1"])
        let failed = rig.timeline.events.filter { $0.reason == "FailedCreate" }.map(\.message)
        #expect(failed.first == "create Pod web-2 in StatefulSet web failed error: pods \"web-2\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2")
    }

    /// Claims are charged as lint charges them: a StatefulSet's pod brings one per
    /// volumeClaimTemplate (`TEMPLATE-POD`), refused in the claim's own name, and a claim
    /// applied on its own is charged as it is created.
    @Test func claimsAreChargedWithTheirPodsAndOnTheirOwn() throws {
        var rig = StatefulSetControllerAloneTests.Rig()
        let manifest: Values = [
            "apiVersion": "v1", "kind": "ResourceQuota", "metadata": ["name": "q"],
            "spec": ["hard": ["requests.storage": "25Gi", "persistentvolumeclaims": "3"]],
        ]
        try rig.api.create(.passive(try PassiveObject(kind: .resourceQuota, manifest: manifest)), name: "q", namespace: "default", at: .zero)
        var statefulSet = StoreFixtures.statefulSet("web", replicas: 3)
        statefulSet.spec.podManagementPolicy = .parallel
        var template = PersistentVolumeClaim()
        template.metadata.name = "data"
        template.spec.resources.requests = ["storage": "10Gi"]
        statefulSet.spec.volumeClaimTemplates = [template]
        try rig.api.create(.statefulSet(statefulSet), name: "web", at: .zero)
        rig.deliver()
        rig.syncAll()
        #expect(rig.podNames() == ["web-0", "web-1"])
        let failed = rig.timeline.events.filter { $0.reason == "FailedCreate" }.map(\.message)
        #expect(failed.first == "create Pod web-2 in StatefulSet web failed error: persistentvolumeclaims \"data-web-2\" is forbidden: exceeded quota: q, requested: requests.storage=10Gi, used: requests.storage=20Gi, limited: requests.storage=25Gi")
        #expect(ResourceQuotaAdmission.usage(in: "default", store: rig.api.store)["persistentvolumeclaims"] == 2000)
        let claim: Values = [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "extra"],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "5Gi"]]],
        ]
        try rig.api.create(.passive(try PassiveObject(kind: .persistentVolumeClaim, manifest: claim)), name: "extra", namespace: "default", at: .zero)
        let refused = #expect(throws: APIError.self) {
            try rig.api.create(.passive(try PassiveObject(kind: .persistentVolumeClaim, manifest: claim)), name: "more", namespace: "default", at: .zero)
        }
        #expect(refused?.description == "persistentvolumeclaims \"more\" is forbidden: exceeded quota: q, requested: persistentvolumeclaims=1,requests.storage=5Gi, used: persistentvolumeclaims=3,requests.storage=25Gi, limited: persistentvolumeclaims=3,requests.storage=25Gi")
        #expect(ResourceQuotaAdmission.usage(in: "default", store: rig.api.store)["requests.storage"] == 25 * 1024 * 1024 * 1024 * 1000)
    }
}
