/// The manager release that a chart's pods find the grid through, derived in one place
/// for every chart that names one (the PU's `manager.name`, Zeppelin's, Spark's).
///
/// charts.md: `manager.name` defaults to the chart's own release (in the umbrella, the
/// release's own manager); the pods then look up `<name>-insightedge-manager` unless the
/// name already holds the manager chart's name.
public struct ManagerReference: Sendable, Hashable {
    /// The manager's fullname: its StatefulSet, and what `manager.name=` passes to a Space.
    public let fullname: String

    public init(managerName: String?, release: String) {
        let name = managerName ?? release
        fullname = name.contains(ManagerChart.name) ? name : "\(name)-\(ManagerChart.name)"
    }

    /// The manager's headless Service, which publishes every Management Pod before it is Ready.
    public var headlessServiceName: String { Self.headlessServiceName(ofManager: fullname) }

    /// A manager's headless Service by its fullname: the lookup service's address, the
    /// locator InsightEdge's own Kubernetes guide gives Spark (`<release>-insightedge-manager-hs`).
    static func headlessServiceName(ofManager fullname: String) -> String { "\(fullname)-hs" }

    /// The lookup locators a client of the grid uses (`host:port`): the headless Service,
    /// whose name resolves to every Management Pod of the ensemble, one or three, so the
    /// locator needs no replica count from another release.
    public func lookupLocators(lookupPort: Int = GridDefaults.lookupPort) -> String {
        "\(headlessServiceName):\(lookupPort)"
    }
}
