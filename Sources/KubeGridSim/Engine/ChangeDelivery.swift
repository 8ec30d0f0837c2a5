/// How controllers learn what changed: each watches the API server's change feed with a
/// cursor of its own, and after every write the world hands each one what it has not seen,
/// in the order the store wrote it (the informers of a real controller manager).
extension World {
    /// A write to the API server at the current time, after which every controller sees its
    /// consequences.
    @discardableResult
    mutating func write<Result, Failure: Error>(
        _ operation: (inout APIServer, SimTime) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let result = try operation(&api, now)
        deliverChanges()
        return result
    }

    /// Hands the controllers the changes they have not seen, until none is left (a
    /// controller's reaction may itself write).
    ///
    /// The kubelets hear first, so a pod deleted at once has stopped before its
    /// StatefulSet reconciles and the scheduler frees its place.
    mutating func deliverChanges() {
        syncEndpoints()
        var delivered = true
        while delivered {
            delivered = false
            // First: the network enforces a policy before anything it governs can connect.
            if api.hasChanges(for: networkPolicies.changes) {
                for event in api.changes(for: networkPolicies.changes) { networkPolicies.observe(event) }
                delivered = true
            }
            if api.hasChanges(for: kubelet.changes) {
                // Only pods concern the kubelets: the runtime is lent for those alone (the
                // controllers' Events and Endpoints are most of the feed).
                for event in api.changes(for: kubelet.changes) where event.object.kind == .pod {
                    withKubelet { $0.observe(event, grid: &$1, &$2) }
                }
                delivered = true
            }
            if api.hasChanges(for: statefulSetController.changes) {
                for event in api.changes(for: statefulSetController.changes)
                where statefulSetController.observe(event, timeline: &timeline) {
                    clusterProgress += 1
                }
                delivered = true
            }
            if api.hasChanges(for: jobController.changes) {
                for event in api.changes(for: jobController.changes) {
                    jobController.observe(event, pods: &pods, api: &api, timeline: &timeline)
                }
                delivered = true
            }
            if api.hasChanges(for: spark.changes) {
                for event in api.changes(for: spark.changes) { spark.observe(event, timeline: &timeline) }
                delivered = true
            }
            if api.hasChanges(for: grid.changes) {
                for event in api.changes(for: grid.changes) { grid.observe(event) }
                delivered = true
            }
            if api.hasChanges(for: serviceController.changes) {
                for event in api.changes(for: serviceController.changes) {
                    serviceController.observe(event, api: api, timeline: &timeline)
                }
                delivered = true
            }
            if api.hasChanges(for: endpointsController.changes) {
                for event in api.changes(for: endpointsController.changes) { endpointsController.observe(event, pods: pods) }
                delivered = true
            }
            if endpointsController.hasDue(at: now) {
                endpointsController.write(&api, at: now)
                delivered = true
            }
            if api.hasChanges(for: scheduling.changes) {
                for event in api.changes(for: scheduling.changes) { scheduling.observe(event, nodes: nodes, timeline: &timeline) }
                delivered = true
            }
            // Last, once the others are done: the events they recorded become Event objects
            // (which the others then read past, so the feed is empty at the end).
            if !delivered { delivered = recordEvents() }
        }
    }

    /// Hands the endpoints controller the pods that changed since it last looked (pod
    /// status lives in the pod table, beside the store): done after every step that may
    /// change pods, so a Service's endpoints are never behind its pods.
    mutating func syncEndpoints() {
        let changed = pods.takeEndpointChanges()
        if !changed.isEmpty { endpointsController.podsChanged(changed, pods: pods) }
    }

    /// Stores the Kubernetes events recorded so far as `Event` objects and deletes expired
    /// ones; true when it wrote.
    @discardableResult
    mutating func recordEvents() -> Bool {
        if api.hasChanges(for: eventRecorder.changes) {
            for event in api.changes(for: eventRecorder.changes) { eventRecorder.observe(event) }
        }
        guard eventRecorder.hasWork(in: timeline) else { return false }
        let before = api.store.resourceVersion
        eventRecorder.record(timeline, api: &api)
        return api.store.resourceVersion != before
    }
}
