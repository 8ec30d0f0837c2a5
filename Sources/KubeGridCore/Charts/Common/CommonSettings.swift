import OrderedCollections

/// The settings both charts give their pods, read from the same keys.
public struct PodSettings: Sendable, Hashable {
    public var nameOverride: String?
    public var fullnameOverride: String?
    public var image: ImageSettings
    public var terminationGracePeriodSeconds: Int
    public var antiAffinity: AntiAffinitySettings
    public var java: JavaSettings
    public var resources: ResourceSettings
    public var livenessProbe: ProbeSettings
    public var readinessProbe: ProbeSettings
    public var nodeSelector: OrderedDictionary<String, String>
    public var license: String
    /// ServiceAccount, RBAC, security contexts, license Secret, NetworkPolicy.
    public var security: SecuritySettings
    /// Prometheus scraping and 15.0's metrics reporter.
    public var metrics: MetricsSettings

    init(_ reader: FieldReader) {
        nameOverride = reader.optionalString("nameOverride")
        fullnameOverride = reader.optionalString("fullnameOverride")
        image = ImageSettings(reader.object("image"))
        terminationGracePeriodSeconds = reader.int("terminationGracePeriodSeconds")
        antiAffinity = AntiAffinitySettings(reader.object("antiAffinity"))
        java = JavaSettings(reader.object("java"))
        resources = ResourceSettings(reader.object("resources"))
        livenessProbe = ProbeSettings(reader.object("livenessProbe"))
        readinessProbe = ProbeSettings(reader.object("readinessProbe"))
        nodeSelector = reader.stringMap("nodeSelector")
        license = reader.string("license")
        security = SecuritySettings(reader)
        metrics = MetricsSettings(reader.object("metrics"))
    }

    /// How the chart's objects are named for a release.
    func naming(release: ReleaseOptions, chartName: String) -> ReleaseNaming {
        ReleaseNaming(
            release: release.name, namespace: release.namespace, chartName: chartName,
            nameOverride: nameOverride, fullnameOverride: fullnameOverride)
    }
}

/// The container image of a chart's pods.
public struct ImageSettings: Sendable, Hashable {
    public var repository: String
    public var tag: String
    /// `sha256:…`: pins the image; the tag is then not written.
    public var digest: String?
    public var pullPolicy: String

    init(_ reader: FieldReader) {
        repository = reader.string("repository")
        tag = reader.string("tag")
        digest = reader.optionalString("digest")
        pullPolicy = reader.string("pullPolicy")
    }

    /// `repository@digest`, else `repository:tag`.
    public var reference: String { digest.map { "\(repository)@\($0)" } ?? "\(repository):\(tag)" }
}

/// Required pod anti-affinity between the pods of one StatefulSet.
public struct AntiAffinitySettings: Sendable, Hashable {
    public var enabled: Bool
    public var topology: String

    init(_ reader: FieldReader) {
        enabled = reader.bool("enabled")
        topology = reader.string("topology")
    }
}

/// JVM heap and options, passed to the container's entrypoint.
public struct JavaSettings: Sendable, Hashable {
    public var heap: String
    public var options: String

    init(_ reader: FieldReader) {
        heap = reader.string("heap")
        options = reader.string("options")
    }
}

/// Container resource limits and requests, as quantity text.
public struct ResourceSettings: Sendable, Hashable {
    public var limits: OrderedDictionary<String, String>
    public var requests: OrderedDictionary<String, String>

    init(_ reader: FieldReader) {
        limits = reader.quantityTexts("limits")
        requests = reader.quantityTexts("requests")
    }
}

/// A liveness or readiness probe's timing.
public struct ProbeSettings: Sendable, Hashable {
    public var enabled: Bool
    public var initialDelaySeconds: Int
    public var periodSeconds: Int
    public var failureThreshold: Int

    init(_ reader: FieldReader) {
        enabled = reader.bool("enabled")
        initialDelaySeconds = reader.int("initialDelaySeconds")
        periodSeconds = reader.int("periodSeconds")
        failureThreshold = reader.int("failureThreshold")
    }
}

/// The Kubernetes Service types the charts offer.
public enum ExposureType: String, Sendable, Hashable {
    case loadBalancer = "LoadBalancer"
    case nodePort = "NodePort"
    case clusterIP = "ClusterIP"

    /// Whether Services of this type open node ports.
    public var opensNodePorts: Bool { self != .clusterIP }
}

/// What names a release's objects: the release, and the chart's overrides.
public struct ReleaseNaming: Sendable, Hashable {
    public let release: String
    public let namespace: String
    /// The name label: `nameOverride` or the chart name, at most 63 characters.
    public let name: String
    /// Helm's `fullname`: the override; else the release when it already holds the chart
    /// name; else `<release>-<name>`; at most 63 characters, no trailing `-`.
    public let fullname: String

    public init(release: String, namespace: String, chartName: String, nameOverride: String?, fullnameOverride: String?) {
        self.release = release
        self.namespace = namespace
        let base = nameOverride ?? chartName
        name = Self.label(base)
        if let fullnameOverride {
            fullname = Self.label(fullnameOverride)
        } else if release.contains(base) {
            fullname = Self.label(release)
        } else {
            fullname = Self.label("\(release)-\(base)")
        }
    }

    /// Helm's `trunc 63 | trimSuffix "-"`.
    private static func label(_ text: String) -> String {
        var truncated = String(text.utf8.prefix(KubernetesLimits.labelLength)) ?? String(text.prefix(KubernetesLimits.labelLength))
        if truncated.hasSuffix("-") { truncated.removeLast() }
        return truncated
    }
}
