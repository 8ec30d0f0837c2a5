/// The security settings of a chart's pods, read from the keys of ``SecurityFields``.
public struct SecuritySettings: Sendable, Hashable {
    public var imagePullSecrets: [String]
    public var createServiceAccount: Bool
    public var serviceAccountName: String?
    public var createRBAC: Bool
    public var securityContextEnabled: Bool
    public var runAsUser: Int?
    public var runAsGroup: Int?
    public var fsGroup: Int?
    public var readOnlyRootFilesystem: Bool
    public var existingLicenseSecret: String?
    public var licenseSecretKey: String
    public var networkPolicyEnabled: Bool
    public var clientCIDRs: [String]

    init(_ reader: FieldReader) {
        imagePullSecrets = reader.stringList("imagePullSecrets")
        let account = reader.object("serviceAccount")
        createServiceAccount = account.bool("create")
        serviceAccountName = account.optionalString("name")
        createRBAC = reader.object("rbac").bool("create")
        let context = reader.object("securityContext")
        securityContextEnabled = context.bool("enabled")
        let setsIds = context.bool("setIds")
        runAsUser = setsIds ? context.optionalInt("runAsUser") : nil
        runAsGroup = setsIds ? context.optionalInt("runAsGroup") : nil
        fsGroup = setsIds ? context.optionalInt("fsGroup") : nil
        readOnlyRootFilesystem = context.bool("readOnlyRootFilesystem")
        let license = reader.object("licenseSecret")
        existingLicenseSecret = license.optionalString("existingSecret")
        licenseSecretKey = license.optionalString("key") ?? "license"
        let network = reader.object("networkPolicy")
        networkPolicyEnabled = network.bool("enabled")
        clientCIDRs = network.stringList("clientCIDRs")
    }

    /// The ServiceAccount the pods run as: `serviceAccount.name`, else the release's full
    /// name when the chart creates it, else the namespace's `default` (Helm's convention).
    func serviceAccount(fullname: String) -> String {
        serviceAccountName ?? (createServiceAccount ? fullname : "default")
    }

    /// The Secret and key the license is read from.
    func licenseSource(fullname: String) -> SecretKeySelector {
        SecretKeySelector(name: existingLicenseSecret ?? "\(fullname)-license", key: licenseSecretKey)
    }
}
