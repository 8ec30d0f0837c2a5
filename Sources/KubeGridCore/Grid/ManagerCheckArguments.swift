/// The arguments of the `check-manager-ready` init container (`component=init`): it waits
/// for the manager's REST API before the Space instance starts.
public struct ManagerCheckArguments: EntrypointRole, Hashable {
    /// The name the charts give the init container; a container so named is a check even
    /// without `component=init`.
    public static let containerName = "check-manager-ready"

    /// The manager's full name (`manager.name=`).
    public var managerName: String?
    /// The REST API port (`manager.ports.api=`).
    public var apiPort: Int?
    /// How long it waits before it gives up and exits (`manager.discoveryTimeoutSeconds=`).
    public var discoveryTimeoutSeconds: Int?

    public static let unset = ManagerCheckArguments()
    public static let component = GridArgument.Component.`init`

    public static var fields: [GridArgumentField<Self>] {
        [
            .text(.managerName, \.managerName), .integer(.managerAPIPort, \.apiPort),
            .integer(.managerDiscoveryTimeoutSeconds, \.discoveryTimeoutSeconds),
        ]
    }

    /// The check a container performs: `component=init` or the chart's container name,
    /// with a manager to wait for; nil otherwise.
    public static func of(containerName name: String, args: [String]) -> ManagerCheckArguments? {
        let arguments = EntrypointArguments(parsing: args)
        guard arguments.component == .`init` || name == containerName else { return nil }
        let check = ManagerCheckArguments(arguments)
        return check.managerName == nil ? nil : check
    }

    /// The REST API port, or the image's default.
    public var effectiveAPIPort: Int { apiPort ?? GridDefaults.managerAPIPort }
    /// The time it waits, or the image's default.
    public var effectiveTimeoutSeconds: Int { discoveryTimeoutSeconds ?? GridDefaults.managerDiscoveryTimeoutSeconds }
}
