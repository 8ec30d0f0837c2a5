import OrderedCollections

/// The grid running in the cluster: manager ensembles, Spaces and their instances.
struct GridState: Sendable {
    /// The grid's watch: it learns of manager and Space StatefulSets as they are created.
    let changes: ChangeFeed.Consumer
    /// Manager ensembles by `namespace/fullName`, in the order their StatefulSets were applied.
    var ensembles: OrderedDictionary<String, ManagerEnsemble> = [:]
    /// Spaces by `namespace/name`, in the order their StatefulSets were applied.
    var spaces: OrderedDictionary<String, SpaceState> = [:]
    /// Running Space instances by pod key.
    var instances: [String: SpaceInstance] = [:]

    /// The instance that is primary of a partition, if any.
    func primary(of spaceKey: String, partition: Int) -> SpaceInstance? {
        guard let key = spaces[spaceKey]?.partitions[partition - 1].primary else { return nil }
        return instances[key]
    }
}
