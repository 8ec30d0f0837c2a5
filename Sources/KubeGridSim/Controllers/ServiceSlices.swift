import KubeGridCore
import OrderedCollections

/// One Service's EndpointSlices as the endpoint slice controller keeps them, and how it
/// changes them when pods change (kube's `reconcileByPortMapping` and `finalize`): a slice
/// holds at most ``capacity`` endpoints; a changed pod is updated or removed in the slice
/// that has it and only that slice is rewritten; new pods fill the slices being rewritten
/// anyway (fullest first), then the unchanged slice they fit best, then new slices; an
/// emptied slice is deleted, or reused for a slice that would be created; a Service without
/// endpoints keeps one empty slice (the placeholder).
///
/// Kube takes new endpoints in map order; the simulator takes them by IP (then pod name),
/// and lists each slice's endpoints in that order, so a seed gives the same slices. All
/// endpoints share one slice set whatever their ports (the slice's ports are its first
/// endpoint's), as the simulator always wrote them.
struct ServiceSlices: Sendable {
    /// kube-controller-manager's `--max-endpoints-per-slice` default.
    static let capacity = 100

    /// The slices by name, in the order they were made; each slice's endpoints by pod key.
    private(set) var slices: OrderedDictionary<String, [String: PodEndpoint]> = [:]
    /// The slice each pod's endpoint is in.
    private var sliceOfPod: [String: String] = [:]
    /// How many slice names were drawn, so the next is new.
    private var namesDrawn = 0

    /// What one reconcile asks of the store.
    struct Changes: Sendable, Equatable {
        /// Slices to write (created or updated), by name.
        var written: [String] = []
        /// Slices to delete.
        var deleted: [String] = []
    }

    /// The endpoints of the slice `name`, in the order the slice lists them.
    func endpoints(of name: String) -> [PodEndpoint] {
        (slices[name] ?? [:]).values.sorted { ($0.ip, $0.podName) < ($1.ip, $1.podName) }
    }

    /// Brings the slices to `desired` (the Service's endpoints by pod key) for the pods
    /// `examined`, those that changed since the last reconcile (an unchanged pod stays where
    /// it is), or nil for every pod; `rewriteAll` rewrites every slice (the Service's labels
    /// or owner changed). `name` draws the name of the slice number n.
    mutating func reconcile(
        desired: [String: PodEndpoint], examined: Set<String>?, rewriteAll: Bool, name: (Int) -> String
    ) -> Changes {
        var touched: Set<String> = []
        var toPlace: [(key: String, endpoint: PodEndpoint)] = []
        for key in examined ?? Set(desired.keys).union(sliceOfPod.keys) {
            let wanted = desired[key]
            if let sliceName = sliceOfPod[key] {
                guard slices[sliceName]?[key] != wanted else { continue }
                slices[sliceName]?[key] = wanted
                if wanted == nil { sliceOfPod[key] = nil }
                touched.insert(sliceName)
            } else if let wanted {
                toPlace.append((key, wanted))
            }
        }
        // Popped from the end: lowest IP first.
        toPlace.sort { ($0.endpoint.ip, $0.endpoint.podName) > ($1.endpoint.ip, $1.endpoint.podName) }

        var updated: [String] = []
        var deleted: [String] = []
        var unchanged: [String] = []
        for (sliceName, members) in slices {
            // An empty slice among endpoints is the placeholder: kube files it under other
            // (no) ports, so it goes, or is reused, once there are endpoints.
            if members.isEmpty && (touched.contains(sliceName) || !desired.isEmpty) {
                deleted.append(sliceName)
            } else if touched.contains(sliceName) || rewriteAll {
                updated.append(sliceName)
            } else {
                unchanged.append(sliceName)
            }
        }

        // Fill the slices rewritten anyway, fullest first.
        if !toPlace.isEmpty {
            let fullestFirst = updated.enumerated().sorted {
                (slices[$0.element]!.count, -$0.offset) > (slices[$1.element]!.count, -$1.offset)
            }
            for (_, sliceName) in fullestFirst { fill(sliceName, from: &toPlace) }
        }
        // Then the unchanged slice the rest fits best, or new slices.
        var created: [[String: PodEndpoint]] = []
        while !toPlace.isEmpty {
            if toPlace.count < Self.capacity, let best = bestFit(for: toPlace.count, among: unchanged) {
                let sliceName = unchanged.remove(at: best)
                fill(sliceName, from: &toPlace)
                updated.append(sliceName)
            } else {
                var members: [String: PodEndpoint] = [:]
                while members.count < Self.capacity, let (key, endpoint) = toPlace.popLast() { members[key] = endpoint }
                created.append(members)
            }
        }
        // A Service without endpoints keeps one (empty) slice.
        if unchanged.isEmpty && updated.isEmpty && created.isEmpty { created.append([:]) }
        // Creates take the names of slices that would be deleted (kube's finalize), and are
        // written first, as kube does.
        var changes = Changes()
        while let members = created.popLast() {
            let sliceName = deleted.isEmpty ? drawName(name) : deleted.removeFirst()
            slices[sliceName] = members
            for key in members.keys { sliceOfPod[key] = sliceName }
            changes.written.append(sliceName)
        }
        changes.written += updated
        for sliceName in deleted { slices[sliceName] = nil }
        changes.deleted = deleted
        return changes
    }

    /// Moves endpoints from the end of `toPlace` into the slice until it is full.
    private mutating func fill(_ sliceName: String, from toPlace: inout [(key: String, endpoint: PodEndpoint)]) {
        var members = slices[sliceName] ?? [:]
        while members.count < Self.capacity, let (key, endpoint) = toPlace.popLast() {
            members[key] = endpoint
            sliceOfPod[key] = sliceName
        }
        slices[sliceName] = members
    }

    /// The unchanged slice that `count` more endpoints leave closest to full (kube's
    /// `getSliceToFill`: the first of the closest), if one has room.
    private func bestFit(for count: Int, among candidates: [String]) -> Int? {
        var closest = Self.capacity
        var best: Int?
        for (index, sliceName) in candidates.enumerated() {
            let room = Self.capacity - count - slices[sliceName]!.count
            if room >= 0 && room < closest {
                closest = room
                best = index
                if room == 0 { break }
            }
        }
        return best
    }

    /// A slice name not in use: the names are drawn in turn, as kube draws random ones.
    private mutating func drawName(_ name: (Int) -> String) -> String {
        while true {
            let candidate = name(namesDrawn)
            namesDrawn += 1
            if slices[candidate] == nil { return candidate }
        }
    }
}
