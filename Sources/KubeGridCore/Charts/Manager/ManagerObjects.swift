import OrderedCollections

/// The objects of the `insightedge-manager` chart (charts.md, "insightedge-manager").
struct ManagerObjects: Sendable {
    let values: ManagerValues
    let naming: ReleaseNaming
    /// Where the templates live in Helm's layout: `insightedge-manager` or `insightedge/charts/manager`.
    let chartPath: String
    /// The target release, which picks the PodDisruptionBudget's apiVersion.
    let kubeVersion: KubeVersion

    var fullname: String { naming.fullname }
    var headlessServiceName: String { ManagerReference.headlessServiceName(ofManager: fullname) }
    var clientServiceName: String { "\(fullname)-service" }
    private var labels: OrderedDictionary<String, String> {
        PodBuilding.labels(naming, component: .manager, selectorId: fullname)
    }
    private var selector: OrderedDictionary<String, String> { [GridLabels.selectorId: fullname] }

    /// The ServiceAccount, Secret and NetworkPolicy of the release. The manager never calls
    /// the Kubernetes API (its peers are DNS names), so it gets no Role and no token.
    var security: SecurityObjects {
        SecurityObjects(settings: values.pod.security, naming: naming, labels: labels)
    }

    /// Scrape annotations, the metrics port, and the ServiceMonitor (`metrics`).
    var metrics: MetricsObjects {
        MetricsObjects(settings: values.pod.metrics, naming: naming, labels: labels, podSelector: selector, chartPath: chartPath)
    }

    var templates: [RenderedTemplate] {
        // Prometheus scrapes as a client does: from networkPolicy.clientCIDRs, or anywhere.
        let clientPorts = values.exposedPorts.map { IntOrString.string($0.name) }
            + (values.pod.metrics.exposesPort ? [IntOrString.string(MetricsSettings.portName)] : [])
        var templates = security.commonTemplates(
            chartPath: chartPath, license: values.pod.license,
            gridPorts: ["zk-client", "zk-server", "zk-leader-election", "lus", "api", "lrmi"], clientPorts: clientPorts)
        templates += [
            RenderedTemplate(path: "\(chartPath)/templates/service.yaml", kind: "Service", count: 2) { index in
                .service(index == 0 ? headlessService() : clientService())
            },
            RenderedTemplate(path: "\(chartPath)/templates/statefulset.yaml", kind: "StatefulSet", count: 1) { _ in
                .statefulSet(statefulSet())
            },
        ]
        if values.ha {
            templates.append(
                RenderedTemplate(path: "\(chartPath)/templates/poddisruptionbudget.yaml", kind: "PodDisruptionBudget", count: 1) { _ in
                    KubernetesObject.podDisruptionBudget(podDisruptionBudget()).served(at: kubeVersion)
                })
        }
        return templates + metrics.templates
    }

    /// The node ports this release asks for, with the Service and port that asks.
    var requestedNodePorts: [(service: String, port: String, nodePort: Int)] {
        guard values.serviceType.opensNodePorts else { return [] }
        return values.exposedPorts.compactMap { name, port in
            port.nodePort.map { (clientServiceName, name, $0) }
        }
    }

    func headlessService() -> Service {
        Service(
            metadata: PodBuilding.metadata(headlessServiceName, naming, labels: labels),
            spec: ServiceSpec(
                clusterIP: "None", selector: selector,
                ports: [
                    ServicePort(name: "zk-client", port: values.zooKeeperClientPort, targetPort: "zk-client"),
                    ServicePort(name: "zk-server", port: values.zooKeeperServerPort, targetPort: "zk-server"),
                    ServicePort(name: "zk-leader-election", port: values.zooKeeperLeaderElectionPort, targetPort: "zk-leader-election"),
                    ServicePort(name: "lus", port: values.headlessLookupPort, targetPort: "lus"),
                ],
                publishNotReadyAddresses: true))
    }

    func clientService() -> Service {
        let opensNodePorts = values.serviceType.opensNodePorts
        return Service(
            metadata: PodBuilding.metadata(clientServiceName, naming, labels: labels),
            spec: ServiceSpec(
                type: ServiceType(rawValue: values.serviceType.rawValue), selector: selector,
                ports: values.exposedPorts.map { name, port in
                    ServicePort(
                        name: name, port: port.port, targetPort: .string(name),
                        nodePort: opensNodePorts ? port.nodePort : nil)
                }))
    }

    func podDisruptionBudget() -> PodDisruptionBudget {
        PodDisruptionBudget(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            spec: PodDisruptionBudgetSpec(maxUnavailable: 1, selector: LabelSelector(matchLabels: selector)))
    }

    /// The stable DNS names of the Management Pods, which each manager needs to find its peers.
    var managerServers: String {
        (0..<values.replicas)
            .map { "\(fullname)-\($0).\(headlessServiceName).\(naming.namespace).svc.cluster.local" }
            .joined(separator: ",")
    }

    func statefulSet() -> StatefulSet {
        let security = self.security
        let metrics = self.metrics
        let container = Container(
            name: "gigaspaces-container",
            image: values.pod.image.reference,
            imagePullPolicy: PodBuilding.pullPolicy(values.pod.image),
            command: PodBuilding.entrypoint,
            args: ManagerArguments(
                replicas: values.replicas, javaHeap: values.pod.java.heap, releaseNamespace: naming.namespace,
                fullName: fullname
            ).arguments.list,
            env: [
                EnvVar(name: "GS_MANAGER_SERVERS", value: managerServers),
                security.licenseVariable,
                EnvVar(name: "EXT_JAVA_OPTIONS", value: values.pod.java.options),
            ] + metrics.environment,
            ports: containerPorts + metrics.containerPorts,
            resources: PodBuilding.resources(values.pod.resources),
            livenessProbe: PodBuilding.httpProbe(values.pod.livenessProbe, path: "/v2/info", port: "api"),
            readinessProbe: PodBuilding.httpProbe(values.pod.readinessProbe, path: "/v2/info", port: "api"),
            volumeMounts: security.writableMounts,
            securityContext: security.containerSecurityContext)
        return StatefulSet(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            spec: StatefulSetSpec(
                replicas: values.replicas,
                serviceName: headlessServiceName,
                selector: LabelSelector(matchLabels: selector),
                podManagementPolicy: .parallel,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels, annotations: metrics.podAnnotations),
                    spec: PodSpec(
                        containers: [container],
                        affinity: PodBuilding.antiAffinity(values.pod.antiAffinity, selectorId: fullname),
                        nodeSelector: values.pod.nodeSelector,
                        terminationGracePeriodSeconds: values.pod.terminationGracePeriodSeconds,
                        volumes: security.writableVolumes,
                        automountServiceAccountToken: false,
                        imagePullSecrets: security.imagePullSecrets,
                        securityContext: security.podSecurityContext,
                        serviceAccountName: security.serviceAccountName))))
    }

    /// Every port the manager listens on, named so Services and probes can refer to them.
    private var containerPorts: [ContainerPort] {
        [
            ContainerPort(name: "api", containerPort: values.api.port),
            ContainerPort(name: "lus", containerPort: values.headlessLookupPort),
            ContainerPort(name: "lrmi", containerPort: values.lrmi.port),
            ContainerPort(name: "zk-client", containerPort: values.zooKeeperClientPort),
            ContainerPort(name: "zk-server", containerPort: values.zooKeeperServerPort),
            ContainerPort(name: "zk-leader-election", containerPort: values.zooKeeperLeaderElectionPort),
        ]
    }
}
