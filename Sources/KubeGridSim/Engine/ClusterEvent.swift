/// An event as `kubectl get events` shows it, plus grid events (`space/…`, `manager/…`).
public struct ClusterEvent: Sendable, Hashable {
    /// When it happened on the virtual clock.
    public var time: SimTime
    /// The object, `kind/name`: `pod/x`, `statefulset/x`, `service/x`, `space/x`, `manager/x`.
    public var object: String
    /// `Normal` or `Warning`.
    public var type: EventType
    /// A short CamelCase reason, as Kubernetes writes them (`Scheduled`, `FailedScheduling`, …).
    public var reason: String
    /// The message.
    public var message: String

    /// The event type.
    public enum EventType: String, Sendable {
        case normal = "Normal"
        case warning = "Warning"
    }
}
