/// The ports and timeouts the GigaSpaces image uses when an argument leaves them out; the
/// charts default to the same values, so a simulated pod without the argument behaves as a
/// rendered one.
public enum GridDefaults {
    /// The port LRMI (remote calls) listens on.
    public static let lrmiPort = 8200
    /// The REST Manager API port.
    public static let managerAPIPort = 8090
    /// The port the manager's Lookup Service (LUS) listens on.
    public static let lookupPort = 4174
    /// How long `check-manager-ready` waits for the manager before it exits.
    public static let managerDiscoveryTimeoutSeconds = 60
}
