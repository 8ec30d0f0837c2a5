/// Values declarations of the security settings both InsightEdge charts share (issue 10).
enum SecurityFields {
    /// The image's user and group: `gs_user` (uid 1000) in `gs_group` (gid 2000), from
    /// the `insightedge-enterprise` Dockerfile of the public Gigaspaces/docker repository.
    static let imageUser = 1000
    static let imageGroup = 2000

    static let imagePullSecrets = ValueField(
        "imagePullSecrets", .stringList, default: .list([]),
        "Names of Secrets in the release's namespace that hold registry credentials.")

    static let serviceAccount = ValueField("serviceAccount", .object([
        ValueField("create", .boolean, default: true, "Create a ServiceAccount for the release's pods."),
        ValueField("name", .string, default: "",
                   "Its name (default: the release's full name when created, else `default`)."),
    ]), "The ServiceAccount the pods run as.")

    static let rbac = ValueField("rbac", .object([
        ValueField("create", .boolean, default: true,
                   "Grant the ServiceAccount exactly the API reads the pods make (a Role, and a ClusterRole for nodes)."),
    ]), "Role-based access control.")

    static let securityContext = ValueField("securityContext", .object([
        ValueField("enabled", .boolean, default: true,
                   "Write pod and container security contexts that meet the Pod Security Standards `restricted` profile."),
        ValueField("setIds", .boolean, default: true,
                   "Write the user, group and fsGroup ids below; false leaves them to the platform (OpenShift assigns its own)."),
        ValueField("runAsUser", .integer(1...2_147_483_647), default: .int(imageUser), "User id of the containers (the image's `gs_user`)."),
        ValueField("runAsGroup", .integer(0...2_147_483_647), default: .int(imageGroup), "Group id of the containers (the image's `gs_group`)."),
        ValueField("fsGroup", .integer(0...2_147_483_647), default: .int(imageGroup), "Group that owns mounted volumes."),
        ValueField("readOnlyRootFilesystem", .boolean, default: false,
                   "Mount the root filesystem read-only; the directories the image writes get emptyDir volumes."),
    ]), "Pod and container security contexts.")

    static let licenseSecret = ValueField("licenseSecret", .object([
        ValueField("existingSecret", .string, default: nil,
                   "A Secret you manage that holds the license; `license` is then not written anywhere."),
        ValueField("key", .string, default: "license", "The key of the license in that Secret."),
    ]), "Where the containers read the license from (a Secret of the release by default).")

    static let networkPolicy = ValueField("networkPolicy", .object([
        ValueField("enabled", .boolean, default: true,
                   "A NetworkPolicy that admits only the grid's own traffic and the client ports."),
        ValueField("clientCIDRs", .stringList, default: .list([]),
                   "Networks (CIDR) remote clients come from; empty admits clients from anywhere."),
    ]), "Ingress to the release's pods.")
}
