import KubeGridCore
import Testing

@testable import KubeGridSim

@Suite struct ServiceNetworkTests {
    func service(
        _ name: String, type: ServiceType? = .nodePort, nodePorts: [Int?] = [nil], clusterIP: String? = nil
    ) -> Service {
        Service(
            metadata: ObjectMeta(name: name, namespace: "default"),
            spec: ServiceSpec(
                type: type, clusterIP: clusterIP, selector: ["app": name],
                ports: nodePorts.enumerated().map { ServicePort(name: "p\($0.offset)", port: 8000 + $0.offset, nodePort: $0.element) }))
    }

    func network() -> APIServer { APIServer(network: ServiceNetwork(random: SeededRandom(seed: 1))) }

    func rejection(_ service: Service, after earlier: [Service] = []) -> String? {
        var network = network()
        for other in earlier { _ = try? network.create(other) }
        do {
            _ = try network.create(service)
            return nil
        } catch {
            return error.description
        }
    }

    /// The API server's own words (kubectl apply prints them).
    static let rejections: [(String, [Int?], ServiceType?, String)] = [
        ("low", [8080], .nodePort,
         "The Service \"low\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"),
        ("high", [nil, 32768], .loadBalancer,
         "The Service \"high\" is invalid: spec.ports[1].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767"),
        ("both", [80, 40000], .nodePort,
         "The Service \"both\" is invalid: [spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767, spec.ports[1].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767]"),
        ("internal", [30001], .clusterIP,
         "The Service \"internal\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
        ("twice", [30001, 30001], .nodePort,
         "The Service \"twice\" is invalid: spec.ports[1].nodePort: Duplicate value: 30001"),
    ]

    @Test(arguments: rejections)
    func invalidNodePortsAreRefusedInTheAPIServersWords(name: String, ports: [Int?], type: ServiceType?, expected: String) {
        #expect(rejection(service(name, type: type, nodePorts: ports)) == expected)
    }

    @Test func nodePortsConflictAcrossReleases() {
        let first = service("dev-insightedge-pu-1-0-service", nodePorts: [31000])
        let second = service("qa-insightedge-pu-1-0-service", nodePorts: [31000])
        #expect(
            rejection(second, after: [first])
                == "The Service \"qa-insightedge-pu-1-0-service\" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated"
        )
    }

    @Test func unrequestedNodePortsAreAllocatedInRangeWithoutClashes() throws {
        var network = network()
        var seen = Set<Int>()
        for index in 0..<200 {
            let record = try network.create(service("s\(index)", type: .loadBalancer, nodePorts: [nil, nil]))
            for case let port? in record.nodePorts {
                #expect((30000...32767).contains(port))
                #expect(seen.insert(port).inserted)
            }
        }
        // A port someone picked is still refused once an automatic allocation holds it.
        let taken = try #require(seen.first)
        #expect(throws: APIError.self) { try network.create(service("late", nodePorts: [taken])) }
    }

    @Test func clusterIPsComeFromTheServiceRangeAndHeadlessServicesGetNone() throws {
        var network = network()
        let range = try #require(IPv4Range("10.96.0.0/12"))
        let plain = try network.create(service("a", type: nil))
        #expect(plain.clusterIP.map(range.contains) == true)
        #expect(plain.nodePorts == [nil])
        let headless = try network.create(service("b", type: nil, clusterIP: "None"))
        #expect(headless.clusterIP == nil)
    }

    @Test func requestedClusterIPsAreCheckedForRangeAndUse() {
        #expect(
            rejection(service("out", type: nil, clusterIP: "192.168.0.1"))
                == "The Service \"out\" is invalid: spec.clusterIP: Invalid value: \"192.168.0.1\": provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12"
        )
        #expect(
            rejection(service("again", type: nil, clusterIP: "10.96.0.10"), after: [service("first", type: nil, clusterIP: "10.96.0.10")])
                == "The Service \"again\" is invalid: spec.clusterIP: Invalid value: \"10.96.0.10\": provided IP is already allocated"
        )
    }

    @Test func loadBalancersTakePoolAddressesInOrderUntilTheyRunOut() throws {
        var network = APIServer(
            network: ServiceNetwork(loadBalancerPool: try #require(IPv4Range("203.0.113.0/30")), random: SeededRandom(seed: 1)))
        let addresses = try (0..<3).map {
            try network.create(service("lb\($0)", type: .loadBalancer)).loadBalancerIP?.description
        }
        #expect(addresses == ["203.0.113.1", "203.0.113.2", nil])
    }

    @Test func releasingAServiceFreesItsPorts() throws {
        var network = network()
        try network.create(service("a", nodePorts: [30500]))
        try network.delete(ObjectKey(.service, namespace: "default", "a"), at: .zero)
        #expect(network.services.isEmpty)
        #expect(throws: Never.self) { try network.create(service("b", nodePorts: [30500])) }
    }
}

extension APIServer {
    /// Creates `service` in `default` and returns what was allocated for it.
    @discardableResult
    mutating func create(_ service: Service) throws(APIError) -> ServiceRecord {
        try create(.service(service), name: service.metadata.name, namespace: "default", at: .zero)
        return services["default/\(service.metadata.name)"]!
    }
}
