/// What makes two events the same event, counted on one object (client-go's correlator
/// key): the object and its uid, reason, message, type and reporting component. Its hash
/// is taken once: the recorder looks each key up when it stores the event and again when
/// it expires.
struct EventCorrelation: Sendable, Hashable {
    let object: String
    let uid: UID
    let reason: String
    let message: String
    let type: ClusterEvent.EventType
    let component: String
    private let hashValueOnce: Int

    init(_ event: ClusterEvent, uid: UID, component: String) {
        object = event.object
        self.uid = uid
        reason = event.reason
        message = event.message
        type = event.type
        self.component = component
        var hasher = Hasher()
        hasher.combine(object)
        hasher.combine(uid)
        hasher.combine(reason)
        hasher.combine(message)
        hasher.combine(type)
        hasher.combine(component)
        hashValueOnce = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hashValueOnce)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.hashValueOnce == rhs.hashValueOnce && lhs.uid == rhs.uid && lhs.type == rhs.type && lhs.object == rhs.object
            && lhs.reason == rhs.reason && lhs.message == rhs.message && lhs.component == rhs.component
    }
}
