import Foundation
import Testing

/// Two tenants and their grids, rendered by the charts and simulated together (issue 13):
/// the tenants' objects go through the simulated API server, and scenario `isolation`
/// checks the NetworkPolicies between them.
@Suite struct SimulateIsolationCommandTests {
    static let teamA = ["insightedge-tenant", "--name", "team-a", "-f", "examples/tenant-team-a.yaml"]
    static let teamB = ["insightedge-tenant", "--name", "team-b", "-f", "examples/tenant-team-b.yaml"]
    static let gridA = ["insightedge", "--name", "prod", "-n", "team-a", "-f", "examples/umbrella-production-ha.yaml"]
    static let gridB = ["insightedge", "--name", "dev", "-n", "team-b", "-f", "examples/grid-team-b.yaml"]

    /// Simulates the renders as separate `-f` files, in order.
    func simulate(_ renders: [String], _ arguments: [String]) throws -> KubeGridProcess.Result {
        try KubeGridProcess.simulate(renders, arguments)
    }

    func twoTenants(teamB: [String] = teamB, gridB: [String] = gridB, extra: [String] = []) throws -> [String] {
        [try KubeGridProcess.render(Self.teamA), try KubeGridProcess.render(teamB), try KubeGridProcess.render(Self.gridA), try KubeGridProcess.render(gridB)] + extra
    }

    @Test func theTwoTenantExamplePassesIsolation() throws {
        let result = try simulate(try twoTenants(), ["--scenario", "deploy,isolation"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.last == "PASS isolation: 2 namespace(s) × 2 Space(s): own Spaces reached 2/2, other tenants' Spaces blocked 2/2, "
            + "external clients reach 2/2 (prod-insightedge-pu, dev-insightedge-pu), grid connections admitted 108/108")
        let json = try simulate(try twoTenants(), ["--scenario", "isolation", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let scenario = try #require((report["scenarios"] as? [[String: Any]])?.first)
        let figures = try #require(scenario["isolation"] as? [String: Any])
        #expect(figures["othersBlocked"] as? Int == 2 && figures["othersExpected"] as? Int == 2)
        #expect(figures["gridBlocked"] as? Int == 0)
    }

    @Test func aTenantWithoutItsNetworkPoliciesLetsItsClientsIntoTheOtherTenant() throws {
        let open = Self.teamB + ["--set", "networkPolicy.enabled=false"]
        let result = try simulate(try twoTenants(teamB: open), ["--scenario", "isolation"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("FAIL isolation: 2 namespace(s) × 2 Space(s): own Spaces reached 2/2, other tenants' Spaces blocked 1/2"))
        #expect(result.stdout.contains(
            "  - a client in namespace team-b reaches Space prod-insightedge-pu of namespace team-a: no NetworkPolicy keeps it out"))
    }

    @Test func anAllowAllEgressPolicyLetsATenantOut() throws {
        let allowAll = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-all-egress
              namespace: team-a
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - {}
            """
        let result = try simulate(try twoTenants(extra: [allowAll]), ["--scenario", "isolation"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("a client in namespace team-a reaches Space dev-insightedge-pu of namespace team-b"))
        #expect(!result.stdout.contains("a client in namespace team-b reaches"))
    }

    @Test func aGridWithoutItsNetworkPolicyInATenantNamespaceIsBlockedAndTheReasonNamesThePolicy() throws {
        let closed = Self.gridB + ["--set", "manager.networkPolicy.enabled=false"]
        let result = try simulate(try twoTenants(gridB: closed), ["--scenario", "deploy,isolation"])
        #expect(result.exitCode == 1)
        let reasons = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  - the grid's own traffic is blocked") }
        #expect(reasons.count == 2, "\(result.stdout)")
        #expect(reasons.allSatisfy {
            $0.contains("NetworkPolicy team-b/team-b-default-deny isolates team-b/dev-insightedge-manager-0, "
                + "team-b/dev-insightedge-manager-1, team-b/dev-insightedge-manager-2 for ingress and admits no such connection: "
                + "dev-insightedge-manager-0 → dev-insightedge-manager-1 zk-server (TCP 2888), ZooKeeper between managers")
        })
        // The instances cannot register, and deploy says why.
        #expect(result.stdout.contains(
            "  - pod dev-insightedge-pu-1-0 is Running but not Ready: its Space instance cannot register: NetworkPolicy "
                + "team-b/team-b-default-deny isolates team-b/dev-insightedge-manager-0 for ingress and admits no such connection: "
                + "dev-insightedge-pu-1-0 → dev-insightedge-manager-0 lus (TCP 4174), registering in the lookup service"))
        #expect(result.stdout.contains("PASS") == false)
    }

    @Test func simulateAppliesTheTenantsQuota() throws {
        let tooBig = ["insightedge", "--name", "prod", "-n", "team-b", "-f", "examples/umbrella-production-ha.yaml"]
        let result = try simulate([try KubeGridProcess.render(Self.teamB), try KubeGridProcess.render(tooBig)], [])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains(
            "services \"prod-insightedge-pu-2-1-service\" is forbidden: exceeded quota: team-b-quota, requested: services.loadbalancers=1, "
                + "used: services.loadbalancers=4, limited: services.loadbalancers=4"))
    }

    @Test func simulateEnforcesTheTenantsPodSecurityLevel() throws {
        let privileged = Self.gridA + ["--set", "pu.securityContext.enabled=false"]
        let result = try simulate([try KubeGridProcess.render(Self.teamA), try KubeGridProcess.render(privileged)], [])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("violates PodSecurity \"restricted:latest\""), "\(result.stdout)")
    }

    @Test func allDoesNotRunIsolation() throws {
        let result = try simulate([try KubeGridProcess.render(Self.gridA)], ["--scenario", "all", "--ops", "5"])
        #expect(!result.stdout.contains("isolation"))
    }
}
