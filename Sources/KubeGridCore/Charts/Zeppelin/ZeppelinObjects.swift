import OrderedCollections

/// The objects of the `insightedge-zeppelin` chart: the notebook server and its Service.
///
/// A StatefulSet of one, not a Deployment: GigaSpaces' 14.x chart ran the notebook as
/// `<release>-insightedge-zeppelin-0`, a stable name users bookmark and scripts
/// `kubectl port-forward` to, and one pod at a time never has two servers writing the
/// same notebooks during a rollout (a Deployment surges a second one).
struct ZeppelinObjects: Sendable {
    let values: ZeppelinValues
    let naming: ReleaseNaming
    /// Where the templates live in Helm's layout: `insightedge-zeppelin` or `insightedge/charts/zeppelin`.
    let chartPath: String

    init(values: ZeppelinValues, release: ReleaseOptions, chartPath: String) {
        self.values = values
        self.chartPath = chartPath
        naming = ReleaseNaming(
            release: release.name, namespace: release.namespace, chartName: ZeppelinChart.name,
            nameOverride: values.nameOverride, fullnameOverride: values.fullnameOverride)
    }

    var fullname: String { naming.fullname }
    var serviceName: String { "\(fullname)-service" }
    /// The StatefulSet's governing Service, which gives the pod its DNS name.
    var headlessServiceName: String { "\(fullname)-hs" }
    private var labels: OrderedDictionary<String, String> {
        PodBuilding.labels(naming, componentName: GridLabels.zeppelinComponent, selectorId: fullname)
    }
    private var selector: OrderedDictionary<String, String> { [GridLabels.selectorId: fullname] }

    /// The Space the interpreter reads: `space.name`, else the release (the pu chart's Space name).
    var spaceName: String { values.spaceName ?? naming.release }
    /// The manager the interpreter finds the Space through, derived as the pu chart derives it.
    var manager: ManagerReference { ManagerReference(managerName: values.managerName, release: naming.release) }

    var templates: [RenderedTemplate] {
        [
            RenderedTemplate(path: "\(chartPath)/templates/service.yaml", kind: "Service", count: 2) { index in
                .service(index == 0 ? headlessService() : service())
            },
            RenderedTemplate(path: "\(chartPath)/templates/statefulset.yaml", kind: "StatefulSet", count: 1) { _ in
                .statefulSet(statefulSet())
            },
        ]
    }

    func headlessService() -> Service {
        Service(
            metadata: PodBuilding.metadata(headlessServiceName, naming, labels: labels),
            spec: ServiceSpec(
                clusterIP: "None", selector: selector, ports: [ServicePort(name: "api", port: values.port, targetPort: "api")]))
    }

    func service() -> Service {
        Service(
            metadata: PodBuilding.metadata(serviceName, naming, labels: labels),
            spec: ServiceSpec(
                type: ServiceType(rawValue: values.serviceType.rawValue), selector: selector,
                ports: [
                    ServicePort(
                        name: "api", port: values.port, targetPort: "api",
                        nodePort: values.serviceType.opensNodePorts ? values.nodePort : nil)
                ]))
    }

    func statefulSet() -> StatefulSet {
        let security = SecurityObjects(settings: values.security, naming: naming, labels: labels)
        let container = Container(
            name: "zeppelin",
            image: values.image.reference,
            imagePullPolicy: PodBuilding.pullPolicy(values.image),
            command: PodBuilding.entrypoint,
            args: ["\(GridArgument.component.rawValue)=\(GridArgument.Component.zeppelin.rawValue)"],
            env: [
                // Zeppelin's own setting for the port it serves on.
                EnvVar(name: "ZEPPELIN_PORT", value: String(values.port)),
                // The InsightEdge interpreter's Space, and where every GigaSpaces client
                // in the container looks it up.
                EnvVar(name: "INSIGHTEDGE_SPACE_NAME", value: spaceName),
                EnvVar(name: "GS_LOOKUP_LOCATORS", value: manager.lookupLocators(lookupPort: values.lookupPort)),
                EnvVar(name: "EXT_JAVA_OPTIONS", value: values.javaOptions),
            ],
            ports: [ContainerPort(name: "api", containerPort: values.port)],
            resources: PodBuilding.resources(values.resources),
            livenessProbe: PodBuilding.httpProbe(values.livenessProbe, path: Self.healthPath, port: "api"),
            readinessProbe: PodBuilding.httpProbe(values.readinessProbe, path: Self.healthPath, port: "api"),
            volumeMounts: security.writableMounts,
            securityContext: security.containerSecurityContext)
        return StatefulSet(
            metadata: PodBuilding.metadata(fullname, naming, labels: labels),
            spec: StatefulSetSpec(
                replicas: 1,
                serviceName: headlessServiceName,
                selector: LabelSelector(matchLabels: selector),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(
                        containers: [container],
                        nodeSelector: values.nodeSelector,
                        terminationGracePeriodSeconds: values.terminationGracePeriodSeconds,
                        volumes: security.writableVolumes,
                        // The notebook calls no Kubernetes API: no token in the pod.
                        automountServiceAccountToken: false,
                        imagePullSecrets: security.imagePullSecrets,
                        securityContext: security.podSecurityContext))))
    }

    /// Zeppelin's REST API answers its version once the server is up.
    static let healthPath = "/api/version"
}
