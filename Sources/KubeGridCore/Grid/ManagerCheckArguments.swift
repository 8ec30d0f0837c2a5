/// The arguments of the `check-manager-ready` init container (`component=init`): it waits
/// for the manager's REST API before the Space instance starts.
public struct ManagerCheckArguments: Sendable, Hashable {
    /// The name the charts give the init container; a container so named is a check even
    /// without `component=init`.
    public static let containerName = "check-manager-ready"

    /// The manager's full name (`manager.name=`).
    public var managerName: String?
    /// The REST API port (`manager.ports.api=`).
    public var apiPort: Int?
    /// How long it waits before it gives up and exits (`manager.discoveryTimeoutSeconds=`).
    public var discoveryTimeoutSeconds: Int?

    /// The keys the check reads.
    public static let keys: Set<GridArgument> = [.component, .managerName, .managerAPIPort, .managerDiscoveryTimeoutSeconds]

    public init(managerName: String? = nil, apiPort: Int? = nil, discoveryTimeoutSeconds: Int? = nil) {
        self.managerName = managerName
        self.apiPort = apiPort
        self.discoveryTimeoutSeconds = discoveryTimeoutSeconds
    }

    /// Reads the settings of parsed arguments; absent or unreadable values stay nil.
    public init(_ arguments: EntrypointArguments) {
        self.init(
            managerName: arguments[.managerName], apiPort: arguments.integer(.managerAPIPort),
            discoveryTimeoutSeconds: arguments.integer(.managerDiscoveryTimeoutSeconds))
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

    /// The arguments, in the order the chart writes them.
    public var arguments: EntrypointArguments {
        var arguments = EntrypointArguments()
        arguments.append(.component, GridArgument.Component.`init`.rawValue)
        arguments.append(.managerName, managerName)
        arguments.append(.managerAPIPort, apiPort)
        arguments.append(.managerDiscoveryTimeoutSeconds, discoveryTimeoutSeconds)
        return arguments
    }
}
