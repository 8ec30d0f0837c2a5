import OrderedCollections

/// A pod as the Pod Security checks read it: its spec, annotations and every container
/// (init, regular and ephemeral, in that order, as Pod Security Admission visits them).
struct PodSecurityPod: Sendable {
    struct ContainerView: Sendable {
        var name: String
        var securityContext: SecurityContext?
        var hostPorts: [Int]
    }

    var spec: PodSpec
    var annotations: OrderedDictionary<String, String>
    var containers: [ContainerView]

    init(spec: PodSpec, annotations: OrderedDictionary<String, String> = [:]) {
        self.spec = spec
        self.annotations = annotations
        let regular = (spec.initContainers + spec.containers).map {
            ContainerView(name: $0.name, securityContext: $0.securityContext, hostPorts: $0.ports.compactMap(\.hostPort).filter { $0 != 0 })
        }
        let ephemeral = spec.ephemeralContainers.map {
            ContainerView(name: $0.name, securityContext: $0.securityContext, hostPorts: $0.ports.compactMap(\.hostPort).filter { $0 != 0 })
        }
        containers = regular + ephemeral
    }

    var podContext: PodSecurityContext? { spec.securityContext }

    /// Pod Security Admission's `pluralize`: `container` or `containers` by count.
    static func plural(_ singular: String, _ plural: String, _ count: Int) -> String {
        count == 1 ? singular : plural
    }

    /// Pod Security Admission's `joinQuote`: `"a", "b"`.
    static func quoted(_ items: [String]) -> String {
        items.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// `container "a"` or `containers "a", "b"`.
    static func containers(_ names: [String]) -> String {
        "\(plural("container", "containers", names.count)) \(quoted(names))"
    }
}
