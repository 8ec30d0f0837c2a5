/// Why the kubelet killed a pod's main container, worded as its `Killing` event words it.
public enum ContainerTermination: Sendable, Hashable, CustomStringConvertible {
    /// The liveness probe failed `failureThreshold` times in a row.
    case failedLiveness(container: String)

    public var description: String {
        switch self {
        case .failedLiveness(let container): return "Container \(container) failed liveness probe, will be restarted"
        }
    }
}
