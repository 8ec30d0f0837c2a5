/// The truncated `Endpoints` of a Service with more ready addresses than an Endpoints
/// object keeps, remembered while a pod change cannot move it: such an object lists the
/// first ready addresses by IP (``ServiceEndpoints/truncated(to:)``), so a change past the
/// last of them leaves it as it is. Working it out again walks every address of the
/// Service, after each change of any of its pods.
struct EndpointsTruncation: Sendable {
    /// What the Endpoints object keeps.
    let kept: ServiceEndpoints
    /// The ports all the Service's addresses offer (one subset).
    private let ports: [PodEndpointPort]
    /// The last address kept: changes after it do not show.
    private let lastIP: IPv4Address
    private let lastPodName: String

    /// Remembers `kept`, when it is the first ready addresses of one subset (`subsets`) of
    /// more than the object holds (`readyCount` of them).
    init?(_ kept: ServiceEndpoints, subsets: Int, readyCount: Int) {
        guard readyCount > ServiceEndpoints.endpointsCapacity, subsets == 1, let first = kept.addresses.first,
            let last = kept.addresses.last
        else { return nil }
        self.kept = kept
        ports = first.ports
        lastIP = last.ip
        lastPodName = last.podName
    }

    /// True when the object stays as it is after a pod's address went from `old` to `new`,
    /// the Service then having `readyCount` ready addresses.
    func holds(after old: PodEndpoint?, _ new: PodEndpoint?, readyCount: Int) -> Bool {
        guard readyCount > ServiceEndpoints.endpointsCapacity else { return false }
        if let new, new.ports != ports || !isPastTheLast(new) { return false }
        if let old, !isPastTheLast(old) { return false }
        return true
    }

    private func isPastTheLast(_ address: PodEndpoint) -> Bool {
        (address.ip, address.podName) > (lastIP, lastPodName)
    }
}
