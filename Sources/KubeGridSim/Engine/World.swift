import KubeGridCore
import OrderedCollections

/// The whole simulated system at one moment: the API server (store, admission, change
/// feed), the clock and its event queue, the state each controller owns, and the grid's
/// clients. Controllers learn of changes from the feed (`deliverChanges`) and of time from
/// `SimEvent`s; docs/architecture.md draws how the pieces fit.
///
/// A value type: a scenario copies a freshly deployed world and breaks the copy.
struct World: Sendable {
    /// What the run was told (`kubegrid simulate`'s flags).
    let options: SimulationOptions

    // MARK: The API server and the clock

    /// Admission, the object store and its change feed, Service allocation.
    var api: APIServer
    /// The clock, the events to come and the events recorded.
    var timeline = Timeline()
    /// Start-up jitter and client choices.
    var random: SeededRandom
    /// Bumped whenever something in the cluster a scenario waits for may have changed (a
    /// pod's readiness, a node, a drain), so `run` asks its stop condition only then; the
    /// grid counts its own changes (`progress` adds both).
    var clusterProgress = 0

    // MARK: The controllers' state

    var statefulSetController: StatefulSetController
    /// kube-scheduler: its watch, queue and placement cache.
    var scheduling: KubeScheduler
    var serviceController: ServiceController
    /// The Services' endpoints: which pods each sends traffic to.
    var endpointsController: EndpointsController
    /// The kubelets: container life, probes, termination.
    var kubelet: Kubelet
    /// Stores the Kubernetes events the controllers record as `Event` objects.
    var eventRecorder: EventRecorder
    /// The pod network's NetworkPolicies and namespace labels, as its plugin enforces them.
    var networkPolicies: NetworkPolicyWatch
    /// The pods the kubelets run (lent to the kubelet, node lifecycle and grid for each step).
    var pods = PodTable()
    /// The node lifecycle controller and the machines it knows.
    var nodeLifecycle: NodeLifecycleController
    /// The grid: manager ensembles, Spaces and their instances.
    var grid: GridController
    /// The Job controller: a Job's pod, and its status when the pod exits.
    var jobController: JobController
    /// The Spark drivers and their executors (`Spark/`).
    var spark: SparkController

    // MARK: The clients

    /// What the API server refused of what the user applied, in order.
    var rejections: [APIError] = []
    /// The faults injected so far, and the fault being injected now (grid events use it to
    /// say why a partition lost its data).
    var faultLog = FaultLog()
    /// The grid's clients and what they saw.
    var clients: GridClients

    /// The runtime context the controllers that act on running pods are handed: between
    /// steps it holds only empty values; for a step the world swaps its parts in and back
    /// (`lendRuntime`, `takeBack`), so lending copies and allocates nothing.
    private var runtime: RuntimeContext

    init(options: SimulationOptions, nodes: [ClusterNode]) {
        let root = SeededRandom(seed: options.seed)
        self.options = options
        random = root.derived(1)
        var api = APIServer(network: ServiceNetwork(loadBalancerPool: options.loadBalancerPool, random: root.derived(3)))
        // Each controller watches from the start, in the order they hear of a change.
        statefulSetController = StatefulSetController(changes: api.watch())
        grid = GridController(changes: api.watch(), options: options)
        serviceController = ServiceController(changes: api.watch())
        endpointsController = EndpointsController(changes: api.watch())
        scheduling = KubeScheduler(
            cache: Scheduler(random: root.derived(2)), unschedulableRetry: options.timings.unschedulableRetry, changes: api.watch())
        kubelet = Kubelet(changes: api.watch(), timings: options.timings)
        nodeLifecycle = NodeLifecycleController(timings: options.timings)
        eventRecorder = EventRecorder(changes: api.watch())
        networkPolicies = NetworkPolicyWatch(changes: api.watch())
        jobController = JobController(changes: api.watch())
        spark = SparkController(changes: api.watch())
        clients = GridClients(options: options)
        runtime = Self.idleRuntime(options: options, endpoints: endpointsController.changes, random: random)
        self.api = api
        for node in nodes { addNode(node) }
    }

    var timings: Timings { options.timings }
    /// Changes so far in the cluster and the grid: a scenario's stop condition, and a
    /// client's reachability check, are asked again only when it moved.
    var progress: Int { clusterProgress + grid.progress }

    // MARK: The clock

    var now: SimTime { timeline.now }
    /// The Kubernetes and grid events so far.
    var events: [ClusterEvent] { timeline.events }

    mutating func schedule(_ event: SimEvent, after delay: SimTime = .zero) {
        timeline.schedule(event, after: delay)
    }

    /// Runs events until the queue is empty, the clock passes `deadline`, or `stop` says so
    /// (asked after every moment's events are done).
    mutating func run(until deadline: SimTime, stop: (World) -> Bool = { _ in false }) {
        var checked = (progress, clients.progress)
        if stop(self) { return }
        while let next = timeline.nextTime, next <= deadline {
            while let event = timeline.popEvent(at: next) {
                handle(event)
                if recordEvents() || endpointsController.hasDue(at: now) { deliverChanges() }
            }
            if progress != checked.0 || clients.progress != checked.1 {
                checked = (progress, clients.progress)
                if stop(self) { return }
            }
        }
        if now < deadline, timeline.nextTime.map({ $0 > deadline }) ?? true { timeline.advance(to: deadline) }
        // Events past their time to live go even while nothing happens; Endpoints not yet
        // written (batched) are, so the store shows them when a run stops.
        let endpointsWritten = endpointsController.hasUnwritten
        endpointsController.write(&api, at: now, all: true)
        if recordEvents() || endpointsWritten { deliverChanges() }
    }

    /// Moves the clock without running events (for a scenario's own steps).
    mutating func advance(to time: SimTime) {
        timeline.advance(to: time)
    }

    private mutating func handle(_ event: SimEvent) {
        switch event {
        case .syncStatefulSet(let key):
            statefulSetController.sync(key, pods: &pods, api: &api, timeline: &timeline)
            deliverChanges()
        case .schedulingCycle:
            scheduling.runCycle(pods: &pods, api: &api, timeline: &timeline)
            deliverChanges()
        case .retryUnschedulable: scheduling.retryUnschedulable(timeline: &timeline)
        case .sandboxReady(let uid, let generation): withKubelet { $0.sandboxReady(uid: uid, generation: generation, &$2) }
        case .initContainerDone(let uid, let generation, let index):
            withKubelet { $0.initContainerDone(uid: uid, generation: generation, index: index, &$2) }
        case .managerCheck(let uid, let generation, let index, let check, let deadline):
            withKubelet { $0.managerCheck(uid: uid, generation: generation, index: index, check: check, deadline: deadline, &$2) }
        case .restartInitContainer(let uid, let generation, let index):
            withKubelet { $0.restart(uid: uid, generation: generation, initContainer: index, &$2) }
        case .restartContainer(let uid, let generation):
            withKubelet { $0.restart(uid: uid, generation: generation, initContainer: nil, &$2) }
        case .applicationStarted(let uid, let generation):
            withKubelet { $0.applicationStarted(uid: uid, generation: generation, grid: &$1, &$2) }
        case .probe(let uid, let generation, let kind):
            withKubelet { $0.runProbe(uid: uid, generation: generation, kind: kind, grid: &$1, &$2) }
        case .retryRegistration(let uid, let generation):
            if let pod = pod(uid: uid, generation: generation) { withGrid { $0.registerInstance(pod.key, &$1) } }
        case .recoveryDone(let uid, let generation, let attempt):
            withGrid { $0.recoveryDone(uid: uid, generation: generation, attempt: attempt, &$1) }
        case .primaryLossDetected(let space, let partition, let epoch):
            withGrid { $0.primaryLossDetected(spaceKey: space, partition: partition, epoch: epoch, &$1) }
        case .failback(let space, let partition, let epoch):
            withGrid { $0.failBack(spaceKey: space, partition: partition, epoch: epoch, &$1) }
        case .nodeNotReady(let node, let incarnation):
            guard nodeLifecycle.isSilent(node, incarnation: incarnation) else { break }
            updateNodeObject(node) { $0.taints = [NodeLifecycleController.unreachableTaint] }
            withNodeLifecycle { lifecycle, _, context in lifecycle.markNotReady(node, incarnation: incarnation, &context) }
        case .nodeRemoved(let node, let incarnation):
            guard let bound = nodeLifecycle.remove(node, incarnation: incarnation, timeline: &timeline, pods: pods) else { break }
            for key in bound { deletePod(key, reason: "Deleting pod bound to removed node \(node)", eventReason: "PodGC") }
            _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in try api.delete(ObjectKey(.node, node), at: now) }
            schedule(.nodeRejoined(node: node, incarnation: incarnation), after: timings.nodeReplacement)
        case .nodeRejoined(let node, let incarnation):
            if let rejoined = withNodeLifecycle({ lifecycle, _, context in lifecycle.rejoin(node, incarnation: incarnation, &context) }) {
                createNodeObject(rejoined)
            }
        case .terminationDone(let uid, let generation):
            if let pod = withKubelet({ $0.terminationDone(uid: uid, generation: generation, &$2) }) { deletePodObject(pod) }
        case .drainStep: drainStep()
        case .instanceResumed(let uid): withGrid { $0.instanceResumed(uid: uid, &$1) }
        case .networkHealed: withGrid { $0.networkHealed(&$1) }
        case .clientInvoke(let client): withClients { $0.invoke(client, grid: &$1, &$2) }
        case .clientComplete(let client): withClients { $0.complete(client, grid: &$1, &$2) }
        case .clientRetry(let client): withClients { $0.attempt(client, grid: &$1, &$2) }
        case .sparkTick(let driver): sparkTick(driver: driver)
        case .sparkTaskRead(let driver, let partition, let attempt): sparkTaskRead(driver: driver, partition: partition, attempt: attempt)
        }
    }

    // MARK: Shared helpers

    /// Records a Kubernetes or grid event.
    mutating func record(
        _ object: String, _ reason: String, _ message: String, type: ClusterEvent.EventType = .normal
    ) {
        timeline.record(object, reason, message, type: type)
    }

    /// The pod with `uid`, if it still exists and its containers are still at `generation`.
    func pod(uid: Int, generation: Int) -> Pod? {
        pods.pod(uid: uid, generation: generation)
    }

    // MARK: Lending the runtime

    /// Runs one step of the grid with the runtime lent to it.
    mutating func withGrid<Result>(_ step: (inout GridController, inout RuntimeContext) -> Result) -> Result {
        lendRuntime()
        let result = step(&grid, &runtime)
        takeBack()
        return result
    }

    /// Runs one step of the kubelet (which tells the grid what starts and stops) with the
    /// runtime lent to it.
    mutating func withKubelet<Result>(_ step: (inout Kubelet, inout GridController, inout RuntimeContext) -> Result) -> Result {
        lendRuntime()
        let result = step(&kubelet, &grid, &runtime)
        takeBack()
        return result
    }

    /// Runs one step of the node lifecycle controller (a lost machine's processes stop in
    /// the grid) with the runtime lent to it.
    mutating func withNodeLifecycle<Result>(
        _ step: (inout NodeLifecycleController, inout GridController, inout RuntimeContext) -> Result
    ) -> Result {
        lendRuntime()
        let result = step(&nodeLifecycle, &grid, &runtime)
        takeBack()
        return result
    }

    /// Runs one step of the grid's clients (which read and write the grid's instances) with
    /// the runtime lent to them; they are handed beside the context, not in it.
    mutating func withClients<Result>(_ step: (inout GridClients, inout GridController, inout RuntimeContext) -> Result) -> Result {
        lendRuntime(withClients: false)
        let result = step(&clients, &grid, &runtime)
        takeBack(withClients: false)
        return result
    }

    /// Moves the clock, the pods, the random stream, the fault log, the API server, the
    /// endpoints and (unless they are the ones stepping) the clients into `runtime`,
    /// swapped with its empty values, so nothing is copied but the small tables the view
    /// shares with other controllers (nodes, instance Services, StatefulSets, policies).
    /// A client's every call is a step: lending must cost no more than a few swaps.
    private mutating func lendRuntime(withClients: Bool = true) {
        swapLentParts(withClients: withClients)
        runtime.cluster.nodes = nodes
        runtime.cluster.instanceServiceByPod = serviceController.instanceServiceByPod
        runtime.cluster.statefulSets = statefulSets
        runtime.cluster.networkPolicies = networkPolicies.rules
        runtime.cluster.authorizesWorkloads = options.authorizesWorkloads
        runtime.random = random
        runtime.changesSoFar = progress
    }

    /// Lending and taking back are the same swaps: the world's parts for the context's.
    private mutating func swapLentParts(withClients: Bool) {
        swap(&runtime.timeline, &timeline)
        swap(&runtime.pods, &pods)
        swap(&runtime.faultLog, &faultLog)
        if withClients { swap(&runtime.clients, &clients) }
        swap(&runtime.cluster.api, &api)
        swap(&runtime.cluster.endpoints, &endpointsController)
    }

    /// The context's empty values: an empty API server and endpoints controller for the
    /// world's to be swapped with.
    private static func idleRuntime(options: SimulationOptions, endpoints: ChangeFeed.Consumer, random: SeededRandom) -> RuntimeContext {
        let empty = ClusterView(
            api: APIServer(network: ServiceNetwork(loadBalancerPool: options.loadBalancerPool, random: SeededRandom(seed: 0))),
            nodes: NodeTable(), instanceServiceByPod: [:], endpoints: EndpointsController(changes: endpoints))
        return RuntimeContext(
            timeline: Timeline(), pods: PodTable(), faultLog: FaultLog(), clients: GridClients(), random: random, cluster: empty)
    }

    /// Takes the lent parts back and passes on what the step reported: each pod whose
    /// readiness changed makes its StatefulSet reconcile, in the order they changed; then
    /// the endpoints controller sees the pods that changed. The context keeps no table the
    /// world shares (its view's copies are dropped), so no later write copies one whole.
    private mutating func takeBack(withClients: Bool = true) {
        swapLentParts(withClients: withClients)
        runtime.cluster.nodes = NodeTable()
        runtime.cluster.instanceServiceByPod = [:]
        runtime.cluster.statefulSets = [:]
        runtime.cluster.networkPolicies = NetworkPolicyRules()
        random = runtime.random
        let (readinessChanges, progress) = runtime.takeReports()
        clusterProgress += progress
        for owner in readinessChanges {
            clusterProgress += 1
            statefulSetController.ownerChanged(owner, timeline: &timeline)
        }
        syncEndpoints()
    }

    /// The pod with `uid`, whatever its generation.
    func pod(uid: Int) -> Pod? {
        pods.pod(uid: uid)
    }

    /// The machines, as the node lifecycle controller knows them.
    var nodes: NodeTable { nodeLifecycle.nodes }

    func node(named name: String?) -> ClusterNode? {
        name.flatMap { nodes[$0] }
    }

    /// The Services and nodes, as a process in a pod sees them.
    var clusterView: ClusterView {
        ClusterView(
            api: api, nodes: nodes, instanceServiceByPod: serviceController.instanceServiceByPod, endpoints: endpointsController,
            statefulSets: statefulSets, authorizesWorkloads: options.authorizesWorkloads, networkPolicies: networkPolicies.rules)
    }

    /// The Service allocators.
    var network: ServiceNetwork { api.network }
    /// The Services the API server accepted, with what it allocated for them.
    var services: OrderedDictionary<String, ServiceRecord> { api.services }

    /// The Service named `name` in `namespace`.
    func service(named name: String, namespace: String) -> ServiceRecord? {
        services["\(namespace)/\(name)"]
    }

    /// The StatefulSets the controller reconciles, with their revisions.
    var statefulSets: OrderedDictionary<String, StatefulSetRecord> { statefulSetController.records }

    /// The PodDisruptionBudgets in the store.
    var podDisruptionBudgets: [PodDisruptionBudget] {
        api.store.list(.podDisruptionBudget).compactMap {
            if case .podDisruptionBudget(let budget) = $0.body { return budget }
            return nil
        }
    }

    /// A machine joins and registers its `Node` object; the scheduler learns of it from that.
    mutating func addNode(_ node: ClusterNode) {
        nodeLifecycle.nodes.add(node)
        createNodeObject(node)
        // A node from a cluster file whose name the API server refuses still runs pods, as before.
        if !scheduling.cache.hasNode(node.name) { scheduling.cache.addNode(node) }
    }

    /// A machine registers its `Node` object.
    mutating func createNodeObject(_ node: ClusterNode) {
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.create(.node(NodeObject(labels: node.labels, unschedulable: node.unschedulable)), name: node.name, at: now)
        }
    }

    /// Changes a `Node` object (the node controller's taint, `kubectl cordon`).
    mutating func updateNodeObject(_ name: String, _ change: (inout NodeObject) -> Void) {
        _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in
            try api.update(ObjectKey(.node, name), at: now) { body in
                if case .node(var node) = body {
                    change(&node)
                    body = .node(node)
                }
            }
        }
    }
}
