/// Applying the manifests to an empty cluster and letting it come up.
extension World {
    /// A cluster of `nodes` with every object of `bundle` applied through the API server
    /// at time zero, in the order kubectl and Helm apply them: the Namespaces given (a
    /// tenant's, with its labels), then the namespaces the objects name (as `helm install
    /// --create-namespace` does), the objects that govern them (NetworkPolicies, quotas,
    /// limits, RBAC, in Helm's order), Services, PodDisruptionBudgets, then StatefulSets
    /// (each kind in input order).
    static func deployed(_ bundle: ManifestBundle, nodes: [ClusterNode], options: SimulationOptions) -> World {
        var world = World(options: options, nodes: nodes)
        for namespace in bundle.namespaces { world.applyWrite(namespace) }
        let namespaces = bundle.services.map(\.metadata.namespace) + bundle.podDisruptionBudgets.map(\.metadata.namespace)
            + bundle.statefulSets.map(\.metadata.namespace)
        var seen: Set<String> = []
        for namespace in namespaces.compactMap({ $0 }) where seen.insert(namespace).inserted {
            if world.api.store.get(ObjectKey(.namespace, namespace)) == nil { world.applyNamespace(namespace) }
        }
        for kind in ManifestBundle.governingKinds {
            for object in bundle.governing where "\(object.object.apiVersion) \(object.object.kind)" == kind {
                world.applyWrite(object)
            }
        }
        for service in bundle.services { world.applyService(service) }
        for budget in bundle.podDisruptionBudgets {
            world.applyObject(.podDisruptionBudget(budget), name: budget.metadata.name, namespace: budget.metadata.namespace)
        }
        for statefulSet in bundle.statefulSets { world.applyStatefulSet(statefulSet) }
        return world
    }

    /// Every StatefulSet has all its pods Running and Ready, and every Space partition has
    /// a primary and, with `ha`, a recovered backup.
    var isSettled: Bool {
        for entry in statefulSets.values {
            for ordinal in 0..<entry.replicas {
                guard pods.isRunningAndReady("\(entry.namespace)/\(entry.name)-\(ordinal)") else { return false }
            }
        }
        for space in grid.spaces.values {
            for partition in space.partitions {
                guard partition.primary != nil else { return false }
                if space.ha && !partition.backups.contains(where: { grid.state(of: $0) == .backup }) {
                    return false
                }
            }
        }
        return true
    }

    /// Pods all StatefulSets ask for, and how many are Running and Ready.
    var podCounts: (ready: Int, expected: Int) {
        var ready = 0
        var expected = 0
        for entry in statefulSets.values {
            expected += entry.replicas
            for ordinal in 0..<entry.replicas where pods.isRunningAndReady("\(entry.namespace)/\(entry.name)-\(ordinal)") {
                ready += 1
            }
        }
        return (ready, expected)
    }

    /// Instances registered in a lookup service, and how many the Spaces should have.
    var instanceCounts: (registered: Int, expected: Int) {
        let expected = grid.spaces.values.reduce(0) { $0 + $1.expectedInstances }
        let registered = grid.instances.values.filter { $0.address != nil }.count
        return (registered, expected)
    }
}
