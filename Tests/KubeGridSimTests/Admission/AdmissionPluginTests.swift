import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct AdmissionPluginTests {
    typealias F = StoreFixtures

    func refusal(_ write: (inout APIServer) throws(APIError) -> Void) -> String? {
        var api = F.api()
        do {
            try write(&api)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theChainRunsMutatingPluginsThenValidatingOnes() {
        #expect(AdmissionChain.standard.ids == [
            "DefaultStorage", "LimitRanger", "NamespaceLifecycle", "NameValidation", "ServiceValidation", "ServiceAllocation",
            "StatefulSetUpdateValidation", "LimitRanger", "PodSecurity", "ResourceQuota",
        ])
    }

    // MARK: NamespaceLifecycle

    @Test func creatingIntoAMissingNamespaceIsNotFound() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                try api.create(.statefulSet(F.statefulSet("a")), name: "a", namespace: "x", at: .zero)
            } == "namespaces \"x\" not found")
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                try api.create(.namespace, name: "x", at: .zero)
                try api.create(.statefulSet(F.statefulSet("a")), name: "a", namespace: "x", at: .zero)
            } == nil)
    }

    @Test func theClustersOwnNamespacesCannotBeDeleted() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in try api.delete(ObjectKey(.namespace, "default"), at: .zero) }
                == "namespaces \"default\" is forbidden: this namespace may not be deleted")
    }

    @Test func aTerminatingNamespaceTakesNoNewObjects() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                // An object its own finalizer holds keeps the namespace Terminating (the
                // namespace controller removes an empty one at once).
                try api.create(.namespace, name: "x", at: .zero)
                try api.create(.statefulSet(F.statefulSet("held")), name: "held", namespace: "x", finalizers: ["example.com/hold"], at: .zero)
                try api.delete(ObjectKey(.namespace, "x"), at: .zero)
                try api.create(.statefulSet(F.statefulSet("a")), name: "a", namespace: "x", at: .zero)
            } == "statefulsets.apps \"a\" is forbidden: unable to create new content in namespace x because it is being terminated")
    }

    // MARK: NameValidation

    @Test func serviceNamesAreDNS1035Labels() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                try api.create(.service(F.service("1st")), name: "1st", at: .zero)
            }
                == "The Service \"1st\" is invalid: metadata.name: Invalid value: \"1st\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
        )
        let long = String(repeating: "a", count: 64)
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in try api.create(.service(F.service(long)), name: long, at: .zero) }
                == "The Service \"\(long)\" is invalid: metadata.name: Invalid value: \"\(long)\": must be no more than 63 characters")
    }

    @Test func statefulSetNamesAreDNSSubdomains() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                try api.create(.statefulSet(F.statefulSet("Web")), name: "Web", at: .zero)
            }
                == "The StatefulSet \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        )
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in
                try api.create(.statefulSet(F.statefulSet("web.v2")), name: "web.v2", at: .zero)
            } == nil)
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in try api.create(.namespace, name: "a.b", at: .zero) }?
                .hasPrefix("The Namespace \"a.b\" is invalid: metadata.name: Invalid value: \"a.b\": a lowercase RFC 1123 label must consist of") == true)
    }

    @Test func aNameIsRequired() {
        #expect(
            refusal { (api: inout APIServer) throws(APIError) in try api.create(.statefulSet(F.statefulSet("")), name: "", at: .zero) }
                == "The StatefulSet \"\" is invalid: metadata.name: Required value: name or generateName is required")
    }

    // MARK: ServiceValidation and ServiceAllocation (their wording is tested in ServiceNetworkTests)

    @Test func aNodePortHeldByAnotherServiceIsATypedCause() throws {
        var api = F.api()
        try api.create(.service(F.service("a", type: .nodePort, nodePort: 31000)), name: "a", at: .zero)
        do {
            try api.create(.service(F.service("b", type: .nodePort, nodePort: 31000)), name: "b", at: .zero)
            Issue.record("the port is taken")
        } catch {
            #expect(error.reason == .invalid)
            #expect(error.causes.compactMap(ServiceAllocationCheck.heldNodePort) == [31000])
            #expect(api.network.holder(ofNodePort: 31000) == "default/a")
        }
    }

    // MARK: Defaults

    @Test func defaultsAreFilledIn() throws {
        var api = F.api()
        let stored = try api.create(.statefulSet(F.statefulSet("a")), name: "a", at: .zero)
        guard case .statefulSet(let statefulSet) = stored.body else { return }
        #expect(statefulSet.spec.podManagementPolicy == .orderedReady)
        #expect(statefulSet.spec.updateStrategy?.type == .rollingUpdate)
        #expect(statefulSet.spec.updateStrategy?.rollingUpdate?.partition == 0)
        let service = try api.create(.service(F.service("s")), name: "s", at: .zero)
        guard case .service(let admitted) = service.body else { return }
        #expect(admitted.spec.type == .clusterIP)
    }

    // MARK: StatefulSetUpdateValidation

    @Test func onlySomeStatefulSetFieldsMayChange() throws {
        var api = F.api()
        let stored = try api.create(.statefulSet(F.statefulSet("web")), name: "web", at: .zero)
        let patched = try api.update(stored.key, at: .zero) { body in
            var statefulSet = F.statefulSet("web", replicas: 5, image: "x:2")
            statefulSet.spec.minReadySeconds = 10
            statefulSet.spec.revisionHistoryLimit = 3
            body = .statefulSet(statefulSet)
        }
        #expect(patched.metadata.generation == 2)
        do {
            try api.update(stored.key, at: .zero) { body in
                var statefulSet = F.statefulSet("web", replicas: 5, image: "x:2")
                statefulSet.spec.serviceName = "other"
                body = .statefulSet(statefulSet)
            }
            Issue.record("serviceName is immutable")
        } catch {
            #expect(
                error.description
                    == "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
            )
        }
    }
}

@Suite struct OptimisticConcurrencyTests {
    @Test func anUpdateFromAStaleVersionIsAConflict() throws {
        var api = StoreFixtures.api()
        let created = try api.create(.statefulSet(StoreFixtures.statefulSet("web")), name: "web", at: .zero)
        let first = try api.update(created.key, resourceVersion: created.metadata.resourceVersion, at: .zero) {
            $0 = .statefulSet(StoreFixtures.statefulSet("web", replicas: 4))
        }
        #expect(first.metadata.generation == 2)
        do {
            try api.update(created.key, resourceVersion: created.metadata.resourceVersion, at: .zero) {
                $0 = .statefulSet(StoreFixtures.statefulSet("web", replicas: 5))
            }
            Issue.record("the version is stale")
        } catch {
            #expect(error.reason == .conflict)
            #expect(
                error.description
                    == "Operation cannot be fulfilled on statefulsets.apps \"web\": the object has been modified; please apply your changes to the latest version and try again"
            )
        }
    }
}
