/// The Management Pods of one manager release: the lookup service they all run, the
/// REST Manager, and the ZooKeeper ensemble whose quorum Space leader election needs.
struct ManagerEnsemble: Sendable {
    /// `namespace/fullName`.
    var key: String
    var fullName: String
    var namespace: String
    /// The ZooKeeper ensemble size (`managerReplicas=`).
    var size: Int
    /// Ordinal to pod key, for every Management Pod whose processes are up.
    var upMembers: [Int: String] = [:]
    /// The instances registered in the lookup service, by pod key. Every instance
    /// registers with every LUS of the ensemble, so one registry stands for them all.
    var registrations: [String: Registration] = [:]
    /// When the current quorum formed; nil without one.
    var quorumSince: SimTime?

    /// A majority of the ensemble is up.
    var hasQuorum: Bool { upMembers.count > size / 2 }
    /// Votes a quorum needs.
    var quorumSize: Int { size / 2 + 1 }
    /// At least one lookup service answers.
    var lookupServiceUp: Bool { !upMembers.isEmpty }
    /// The ZooKeeper leader: with equal histories the member with the highest id wins.
    var leaderOrdinal: Int? { hasQuorum ? upMembers.keys.max() : nil }
}

/// A Space instance's entry in the lookup service.
struct Registration: Sendable {
    var podKey: String
    var podName: String
    var spaceKey: String
    var partition: Int
    /// The address the instance registered: what clients connect to.
    var address: GridAddress
    var registeredAt: SimTime
}
