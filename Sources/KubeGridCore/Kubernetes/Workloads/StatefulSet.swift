/// An `apps/v1` StatefulSet: pods `<name>-0`, `<name>-1`, … with stable names and volumes.
public struct StatefulSet: KubernetesResource {
    public static let apiVersion = "apps/v1"
    public static let kind = "StatefulSet"

    /// Name, namespace, labels and annotations.
    public var metadata: ObjectMeta
    /// Replicas, pod template, ordering and update strategy.
    public var spec: StatefulSetSpec

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(metadata: ObjectMeta, spec: StatefulSetSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from reader: ManifestReader) throws {
        let (fields, metadata) = try Self.topLevelFields(reader)
        self.metadata = metadata
        spec = try fields.required("spec").decode()
    }

    public func encoded() -> Values {
        var writer = topLevelWriter()
        writer.put("spec", spec)
        return writer.values
    }
}

/// Whether a StatefulSet starts its pods one at a time or all together.
public enum PodManagementPolicy: String, ManifestWord {
    /// Each pod only after the one before is Running and Ready (the default).
    case orderedReady = "OrderedReady"
    /// All pods at once.
    case parallel = "Parallel"
}

/// The `spec` of a ``StatefulSet``.
public struct StatefulSetSpec: ManifestCodable {
    /// The number of pods; nil means Kubernetes' default, 1.
    public var replicas: Int?
    /// The headless Service that gives the pods their DNS names.
    public var serviceName: String?
    /// The labels that pick the StatefulSet's pods; they must match the template's labels.
    public var selector: LabelSelector
    /// One at a time or all together; nil means OrderedReady.
    public var podManagementPolicy: PodManagementPolicy?
    /// How a changed template rolls out.
    public var updateStrategy: StatefulSetUpdateStrategy?
    /// The pod every replica runs.
    public var template: PodTemplateSpec
    /// Claims made for each pod, mounted by name.
    public var volumeClaimTemplates: [PersistentVolumeClaim]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        replicas: Int? = nil,
        serviceName: String? = nil,
        selector: LabelSelector,
        podManagementPolicy: PodManagementPolicy? = nil,
        updateStrategy: StatefulSetUpdateStrategy? = nil,
        template: PodTemplateSpec,
        volumeClaimTemplates: [PersistentVolumeClaim] = []
    ) {
        self.replicas = replicas
        self.serviceName = serviceName
        self.selector = selector
        self.podManagementPolicy = podManagementPolicy
        self.updateStrategy = updateStrategy
        self.template = template
        self.volumeClaimTemplates = volumeClaimTemplates
    }

    /// ``replicas``, or Kubernetes' default 1.
    public var effectiveReplicas: Int { replicas ?? 1 }
    /// ``podManagementPolicy``, or Kubernetes' default OrderedReady.
    public var effectivePodManagementPolicy: PodManagementPolicy { podManagementPolicy ?? .orderedReady }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        replicas = try fields["replicas"]?.int()
        serviceName = try fields["serviceName"]?.string()
        selector = try fields.required("selector").decode()
        podManagementPolicy = try fields["podManagementPolicy"]?.word()
        updateStrategy = try fields["updateStrategy"]?.decode()
        template = try fields.required("template").decode()
        volumeClaimTemplates = try fields["volumeClaimTemplates"]?.list() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("replicas", replicas)
        writer.put("serviceName", serviceName)
        writer.put("selector", selector)
        writer.put("podManagementPolicy", podManagementPolicy)
        writer.put("updateStrategy", updateStrategy)
        writer.put("template", template)
        if !volumeClaimTemplates.isEmpty {
            writer.put("volumeClaimTemplates", .list(volumeClaimTemplates.map { $0.encodedAsTemplate() }))
        }
        return writer.values
    }
}

/// How a StatefulSet replaces pods when its template changes.
public struct StatefulSetUpdateStrategy: ManifestCodable {
    /// The kind of update.
    public enum StrategyType: String, ManifestWord {
        /// Replace pods from the highest ordinal down, one at a time (the default).
        case rollingUpdate = "RollingUpdate"
        /// Replace a pod only when someone deletes it.
        case onDelete = "OnDelete"
    }

    /// The kind of update; nil means RollingUpdate.
    public var type: StrategyType?
    /// Settings of a rolling update.
    public var rollingUpdate: RollingUpdateStatefulSetStrategy?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(type: StrategyType? = nil, rollingUpdate: RollingUpdateStatefulSetStrategy? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }

    /// ``type``, or Kubernetes' default RollingUpdate.
    public var effectiveType: StrategyType { type ?? .rollingUpdate }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        type = try fields["type"]?.word()
        rollingUpdate = try fields["rollingUpdate"]?.decode()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("type", type)
        writer.put("rollingUpdate", rollingUpdate)
        return writer.values
    }
}

/// Settings of a StatefulSet rolling update.
public struct RollingUpdateStatefulSetStrategy: ManifestCodable {
    /// Only pods with an ordinal at or above this are updated; nil means 0.
    public var partition: Int?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(partition: Int? = nil) {
        self.partition = partition
    }

    public init(from reader: ManifestReader) throws {
        partition = try reader.fields()["partition"]?.int()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("partition", partition)
        return writer.values
    }
}
