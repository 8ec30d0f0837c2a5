/// The values of the `insightedge-pu` chart.
enum ProcessingUnitSchema {
    static let schema = ValuesSchema([
        CommonFields.nameOverride,
        CommonFields.fullnameOverride,
        CommonFields.image,
        SecurityFields.imagePullSecrets,
        CommonFields.terminationGracePeriodSeconds,
        CommonFields.license,
        ValueField("resourceUrl", .string, default: nil, "URL of the Processing Unit jar."),
        ValueField("properties", .string, default: nil, "pu.xml placeholder overrides, e.g. `memoryThreshold=7g`."),
        ValueField("schema", .enumeration(["partitioned", "sync_replicated", "async_replicated"]), default: nil,
                   "Cluster schema: partitioned, sync_replicated or async_replicated."),
        ValueField("partitions", .integer(1...65536), default: nil, "Number of partitions."),
        ValueField("instances", .integer(1...65536), default: nil, "Instances of a non-partitioned schema."),
        ValueField("ha", .boolean, default: false, "One backup per partition."),
        CommonFields.antiAffinity("a partition's primary and backup"),
        ValueField("service", .object([
            ValueField("type", .enumeration(CommonFields.serviceTypes), default: "LoadBalancer",
                       "Type of the per-instance Services: LoadBalancer, NodePort or ClusterIP."),
            ValueField("lrmi", .object([
                ValueField("enabled", .boolean, default: false, "One Service per Space instance, for remote clients."),
                CommonFields.port("port", GridDefaults.lrmiPort, "LRMI port of each Space instance."),
                ValueField("initialNodePort", .integer(CommonFields.nodePortRange), default: nil,
                           aliases: ["InitialNodePort"],
                           "First of a sequential block of node ports, one per instance Service."),
            ]), "LRMI Services, one per Space instance."),
        ]), "Services of the Space instances."),
        CommonFields.probe("livenessProbe", what: "liveness", enabled: false, initialDelay: 30, period: 5),
        CommonFields.probe("readinessProbe", what: "readiness", enabled: false, initialDelay: 30, period: 5),
        ValueField("memoryXtendVolume", .object([
            ValueField("enabled", .boolean, default: false, "Store Space data off-heap on a persistent volume."),
            ValueField("volumeMount", .object([
                ValueField("name", .string, default: "mx-volume", nullable: true, "Name of the volume."),
                ValueField("mountPath", .string, default: "/opt/gigaspaces/work/memoryxtend", nullable: true,
                           "Where the volume is mounted."),
            ]), "How the volume is mounted."),
            ValueField("volumeClaimTemplate", .object([
                ValueField("storage", .string, default: nil, "Size of each volume, e.g. `10Gi`."),
                ValueField("storageClassName", .string, default: nil, "Storage class of the volumes."),
                ValueField("accessModes", .enumeration(["ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany", "ReadWriteMany"]),
                           default: "ReadWriteOnce", "Access mode of the volumes."),
            ]), "The claim each Space instance gets."),
        ]), "MemoryXtend (off-heap storage)."),
        CommonFields.java(heap: "limit-150Mi"),
        CommonFields.resources(memoryLimit: "400Mi"),
        ValueField("initContainer", .object([
            CommonFields.resources(memoryLimit: "128Mi", cpuRequest: "100m", of: "the init container check-manager-ready"),
        ]), "The init container that waits for the manager."),
        CommonFields.nodeSelector,
        CommonFields.metrics("Space instance"),
        ValueField("manager", .object([
            ValueField("name", .string, default: nil,
                       "Release name of the manager to use (default: this release's own name)."),
            ValueField("ports", .object([
                CommonFields.port("api", GridDefaults.managerAPIPort, "REST Manager API port of that manager."),
            ]), "Ports of the manager."),
            ValueField("discoveryTimeoutSeconds", .integer(1...3600), default: .int(GridDefaults.managerDiscoveryTimeoutSeconds),
                       "How long a Space instance waits for the manager before it restarts."),
        ]), "The manager this Space registers with."),
        ValueField("podDisruptionBudget", .object([
            ValueField("enabled", .boolean, default: true, "A PodDisruptionBudget per HA partition."),
        ]), "Voluntary-disruption protection."),
        SecurityFields.serviceAccount,
        SecurityFields.rbac,
        SecurityFields.securityContext,
        SecurityFields.licenseSecret,
        SecurityFields.networkPolicy,
    ])
}
