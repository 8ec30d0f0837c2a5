import OrderedCollections

/// The objects of the `insightedge-pu` chart (charts.md, "insightedge-pu").
///
/// A partitioned Space has a StatefulSet per partition (a primary and, with `ha`, a
/// backup); objects are built by index so a large Space streams out one at a time.
struct ProcessingUnitObjects: Sendable {
    let values: ProcessingUnitValues
    let naming: ReleaseNaming
    /// Where the templates live in Helm's layout: `insightedge-pu` or `insightedge/charts/pu`.
    let chartPath: String
    /// The target release, which picks the PodDisruptionBudget's apiVersion.
    let kubeVersion: KubeVersion

    var fullname: String { naming.fullname }
    var headlessServiceName: String { "\(fullname)-hs" }

    /// The manager this Space registers with: `manager.name`, else this release's own.
    var managerFullname: String {
        ManagerReference(managerName: values.managerName, release: naming.release).fullname
    }

    /// StatefulSets: one per partition, or one for a non-partitioned Space.
    var statefulSetCount: Int { values.partitions ?? 1 }
    /// Pods of each StatefulSet.
    var replicasPerStatefulSet: Int {
        values.partitions != nil ? values.instancesPerPartition : (values.instances ?? 1)
    }

    /// The 1-based partition of the k-th StatefulSet, or nil for a non-partitioned Space.
    private func partition(_ index: Int) -> Int? {
        values.partitions != nil ? index + 1 : nil
    }

    func statefulSetName(_ index: Int) -> String {
        partition(index).map { "\(fullname)-\($0)" } ?? fullname
    }

    /// `<fullname>-<p>-<i>-service` for partitions, `<fullname>-<i>-service` otherwise.
    func instanceServiceName(_ serviceIndex: Int) -> String {
        let (set, ordinal) = serviceIndex.quotientAndRemainder(dividingBy: replicasPerStatefulSet)
        return "\(statefulSetName(set))-\(ordinal)-service"
    }

    /// The node port of the k-th instance Service: `initialNodePort + k` (charts.md).
    func nodePort(ofService serviceIndex: Int) -> Int? {
        guard values.serviceType.opensNodePorts else { return nil }
        return values.initialNodePort.map { $0 + serviceIndex }
    }

    /// The ServiceAccount, Secret, NetworkPolicy and RBAC of the release.
    var security: SecurityObjects {
        SecurityObjects(
            settings: values.pod.security, naming: naming,
            labels: PodBuilding.labels(naming, component: .space, selectorId: fullname))
    }

    /// Scrape annotations, the metrics port, and the ServiceMonitor (`metrics`), for every
    /// Space instance of the release (the headless Service's selector).
    var metrics: MetricsObjects {
        MetricsObjects(
            settings: values.pod.metrics, naming: naming,
            labels: PodBuilding.labels(naming, component: .space, selectorId: fullname), podSelector: instanceSelector,
            chartPath: chartPath)
    }

    /// Every Space instance of the release, whatever its partition.
    private var instanceSelector: OrderedDictionary<String, String> {
        [
            GridLabels.legacyApp: naming.name, GridLabels.legacyRelease: naming.release,
            GridLabels.legacyComponent: GridLabels.Component.space.rawValue,
        ]
    }

    var templates: [RenderedTemplate] {
        let serviceCount = values.instanceServiceCount
        let security = self.security
        // Prometheus scrapes as a client does: from networkPolicy.clientCIDRs, or anywhere.
        let clientPorts: [IntOrString] = ["lrmi"] + (values.pod.metrics.exposesPort ? [.string(MetricsSettings.portName)] : [])
        var templates = security.commonTemplates(
            chartPath: chartPath, license: values.pod.license, gridPorts: ["lrmi", 8089], clientPorts: clientPorts)
        if values.callsKubernetesAPI {
            templates += security.rbacTemplates(chartPath: chartPath, reading: ["services"], readsNodes: values.readsNodes)
        }
        templates += [
            RenderedTemplate(path: "\(chartPath)/templates/service.yaml", kind: "Service", count: 1 + serviceCount) { index in
                .service(index == 0 ? headlessService() : instanceService(index - 1))
            },
            RenderedTemplate(path: "\(chartPath)/templates/statefulset.yaml", kind: "StatefulSet", count: statefulSetCount) {
                [pod = PodParts(self)] index in .statefulSet(statefulSet(index, pod))
            },
        ]
        if values.ha && values.podDisruptionBudgetEnabled && values.partitions != nil {
            templates.append(
                RenderedTemplate(path: "\(chartPath)/templates/poddisruptionbudget.yaml", kind: "PodDisruptionBudget", count: statefulSetCount) { index in
                    KubernetesObject.podDisruptionBudget(podDisruptionBudget(index)).served(at: kubeVersion)
                })
        }
        return templates + metrics.templates
    }

    private func labels(_ index: Int) -> OrderedDictionary<String, String> {
        PodBuilding.labels(naming, component: .space, selectorId: statefulSetName(index), partitionId: partition(index))
    }

    func headlessService() -> Service {
        Service(
            metadata: PodBuilding.metadata(
                headlessServiceName, naming, labels: PodBuilding.labels(naming, component: .space, selectorId: fullname)),
            spec: ServiceSpec(
                clusterIP: "None",
                selector: instanceSelector,
                ports: [ServicePort(name: "lrmi", port: values.lrmiPort, targetPort: "lrmi")]))
    }

    func instanceService(_ serviceIndex: Int) -> Service {
        let (set, ordinal) = serviceIndex.quotientAndRemainder(dividingBy: replicasPerStatefulSet)
        return Service(
            metadata: PodBuilding.metadata(instanceServiceName(serviceIndex), naming, labels: labels(set)),
            spec: ServiceSpec(
                type: ServiceType(rawValue: values.serviceType.rawValue),
                selector: [GridLabels.podName: "\(statefulSetName(set))-\(ordinal)"],
                ports: [
                    ServicePort(
                        name: "lrmi", port: values.lrmiPort, targetPort: "lrmi",
                        nodePort: nodePort(ofService: serviceIndex))
                ]))
    }

    func podDisruptionBudget(_ index: Int) -> PodDisruptionBudget {
        PodDisruptionBudget(
            metadata: PodBuilding.metadata(statefulSetName(index), naming, labels: labels(index)),
            spec: PodDisruptionBudgetSpec(
                maxUnavailable: 1, selector: LabelSelector(matchLabels: [GridLabels.selectorId: statefulSetName(index)])))
    }

    /// The pod template's parts that are the same in every partition's StatefulSet, built
    /// once per render: a 4,096-partition Space would otherwise build them 4,096 times.
    struct PodParts: Sendable {
        let security: SecurityObjects
        let managerCheck: Container
        /// The Space container without its arguments, which name the partition.
        let spaceContainer: Container
        let volumeClaims: [PersistentVolumeClaim]
        /// The scrape annotations of every partition's pod template.
        let annotations: OrderedDictionary<String, String>

        init(_ objects: ProcessingUnitObjects) {
            let security = objects.security
            self.security = security
            managerCheck = objects.managerCheck(security)
            spaceContainer = objects.spaceContainer(mountsVolume: objects.values.memoryXtend.enabled, security)
            volumeClaims = objects.values.memoryXtend.enabled ? [objects.volumeClaim] : []
            annotations = objects.metrics.podAnnotations
        }
    }

    func statefulSet(_ index: Int) -> StatefulSet {
        statefulSet(index, PodParts(self))
    }

    func statefulSet(_ index: Int, _ pod: PodParts) -> StatefulSet {
        let name = statefulSetName(index)
        var spaceContainer = pod.spaceContainer
        spaceContainer.args = spaceArguments(partition: partition(index)).arguments.list
        return StatefulSet(
            metadata: PodBuilding.metadata(name, naming, labels: labels(index)),
            spec: StatefulSetSpec(
                replicas: replicasPerStatefulSet,
                serviceName: headlessServiceName,
                selector: LabelSelector(matchLabels: [GridLabels.selectorId: name]),
                updateStrategy: StatefulSetUpdateStrategy(type: .rollingUpdate),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels(index), annotations: pod.annotations),
                    spec: PodSpec(
                        initContainers: [pod.managerCheck],
                        containers: [spaceContainer],
                        affinity: PodBuilding.antiAffinity(values.pod.antiAffinity, selectorId: name),
                        nodeSelector: values.pod.nodeSelector,
                        terminationGracePeriodSeconds: values.pod.terminationGracePeriodSeconds,
                        volumes: pod.security.writableVolumes,
                        automountServiceAccountToken: values.callsKubernetesAPI,
                        imagePullSecrets: pod.security.imagePullSecrets,
                        securityContext: pod.security.podSecurityContext,
                        serviceAccountName: pod.security.serviceAccountName)),
                volumeClaimTemplates: pod.volumeClaims))
    }

    /// Waits for the manager's REST API before the Space instance starts.
    private func managerCheck(_ security: SecurityObjects) -> Container {
        Container(
            name: ManagerCheckArguments.containerName,
            image: values.pod.image.reference,
            imagePullPolicy: PodBuilding.pullPolicy(values.pod.image),
            command: PodBuilding.entrypoint,
            args: ManagerCheckArguments(
                managerName: managerFullname, apiPort: values.managerAPIPort,
                discoveryTimeoutSeconds: values.managerDiscoveryTimeoutSeconds
            ).arguments.list,
            resources: PodBuilding.resources(values.initContainerResources),
            volumeMounts: security.writableMounts,
            securityContext: security.containerSecurityContext)
    }

    /// The Space instance's entrypoint arguments; `partition` is nil for a non-partitioned Space.
    private func spaceArguments(partition: Int?) -> SpaceInstanceArguments {
        var arguments = SpaceInstanceArguments(
            name: naming.release, license: "$(GS_LICENSE)", schema: values.schema, javaHeap: values.pod.java.heap,
            managerName: managerFullname, resourceURL: values.resourceUrl, properties: values.properties)
        if let partitions = values.partitions, let partition {
            arguments.partitions = partitions
            arguments.ha = values.ha
            arguments.partitionId = partition
        } else {
            arguments.instances = replicasPerStatefulSet
        }
        if values.lrmiEnabled {
            arguments.externalLRMI = true
            arguments.lrmiPort = values.lrmiPort
        }
        return arguments
    }

    /// The Space container, its arguments left for ``statefulSet(_:_:)`` to fill in.
    private func spaceContainer(mountsVolume: Bool, _ security: SecurityObjects) -> Container {
        let metrics = self.metrics
        return Container(
            name: "pu-container",
            image: values.pod.image.reference,
            imagePullPolicy: PodBuilding.pullPolicy(values.pod.image),
            command: PodBuilding.entrypoint,
            env: [security.licenseVariable, EnvVar(name: "EXT_JAVA_OPTIONS", value: values.pod.java.options)]
                + metrics.environment,
            ports: [ContainerPort(name: "lrmi", containerPort: values.lrmiPort)] + metrics.containerPorts,
            resources: PodBuilding.resources(values.pod.resources),
            livenessProbe: PodBuilding.httpProbe(values.pod.livenessProbe, path: "/probes/alive", port: 8089),
            readinessProbe: PodBuilding.httpProbe(values.pod.readinessProbe, path: "/probes/ready", port: 8089),
            volumeMounts: security.writableMounts + (mountsVolume
                ? [VolumeMount(name: values.memoryXtend.volumeName ?? "", mountPath: values.memoryXtend.mountPath ?? "")]
                : []),
            securityContext: security.containerSecurityContext)
    }

    private var volumeClaim: PersistentVolumeClaim {
        let settings = values.memoryXtend
        return PersistentVolumeClaim(
            metadata: ObjectMeta(name: settings.volumeName ?? ""),
            spec: PersistentVolumeClaimSpec(
                accessModes: [PersistentVolumeAccessMode(rawValue: settings.accessMode) ?? .readWriteOnce],
                storageClassName: settings.storageClassName,
                storage: (try? Quantity(settings.storage ?? "")) ?? Quantity(milliValue: 0)))
    }
}
