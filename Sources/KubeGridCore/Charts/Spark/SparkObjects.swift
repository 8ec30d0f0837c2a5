import OrderedCollections

/// The objects of the `insightedge-spark` chart: the driver's ServiceAccount and Role, and
/// either the driver (a Job and its headless Service) or a SparkApplication for the operator.
struct SparkObjects: Sendable {
    let values: SparkValues
    let naming: ReleaseNaming

    static let chartPath = SparkChart.name

    var fullname: String { naming.fullname }
    var appName: String { values.appName ?? fullname }
    var serviceAccountName: String { values.security.serviceAccount(fullname: fullname) }
    var driverServiceName: String { "\(fullname)-driver" }
    /// Executors reach the driver by its Service's name, which resolves to the driver pod.
    var driverHost: String { "\(driverServiceName).\(naming.namespace).svc" }

    /// The manager whose lookup service finds the Space: `space.manager`, else the release.
    var manager: ManagerReference { ManagerReference(managerName: values.spaceManager, release: naming.release) }
    var lookupLocator: String { manager.headlessServiceName }
    /// `space.name`, else the Space the umbrella chart installs with the manager's release.
    var spaceName: String {
        values.spaceName ?? ReleaseNaming(
            release: values.spaceManager ?? naming.release, namespace: naming.namespace,
            chartName: ProcessingUnitChart.name, nameOverride: nil, fullnameOverride: nil
        ).fullname
    }

    /// The labels of every object, which the executors get too.
    var releaseLabels: OrderedDictionary<String, String> {
        [GridLabels.name: naming.name, GridLabels.instance: naming.release]
    }

    /// The driver pod's labels: the release's, and Spark's own for a driver.
    var driverLabels: OrderedDictionary<String, String> {
        var labels = releaseLabels
        labels.merge(SparkPodLabels(role: .driver, appName: SparkPodLabels.appNameLabel(appName)).labels) { $1 }
        return labels
    }

    var driverSelector: OrderedDictionary<String, String> {
        [GridLabels.name: naming.name, GridLabels.instance: naming.release, GridLabels.sparkRole: GridLabels.SparkRole.driver.rawValue]
    }

    var security: SecurityObjects {
        SecurityObjects(settings: values.security, naming: naming, labels: releaseLabels)
    }

    var submit: SparkSubmit { SparkDriverCommand(objects: self).submit }

    var templates: [RenderedTemplate] {
        var templates: [RenderedTemplate] = []
        if values.security.createServiceAccount {
            templates.append(template("serviceaccount.yaml", "ServiceAccount", [security.serviceAccount().encoded()]))
        }
        if values.security.createRBAC {
            templates.append(template("role.yaml", "Role", [role().encoded()]))
            templates.append(template("rolebinding.yaml", "RoleBinding", [security.roleBinding().encoded()]))
        }
        if values.sparkOperator {
            templates.append(template("sparkapplication.yaml", SparkOperatorApplication.kind, [SparkOperatorApplication(objects: self).object]))
        } else {
            templates.append(template("service.yaml", "Service", [driverService().encoded()]))
            templates.append(template("job.yaml", "Job", [driverJob().encoded()]))
        }
        return templates
    }

    private func template(_ file: String, _ kind: String, _ objects: [Values]) -> RenderedTemplate {
        RenderedTemplate(path: "\(Self.chartPath)/templates/\(file)", kind: kind, count: objects.count) { .other(objects[$0]) }
    }

    // MARK: RBAC

    /// What a Spark driver does with the API (Spark's Kubernetes scheduler backend):
    /// creates its executor pods, watches and lists them, deletes one it no longer needs
    /// and all of them at the end (a delete by label, `deletecollection`), and patches a
    /// decommissioning executor's labels; creates and deletes the config map that carries
    /// the executors' Spark configuration; and, as Spark's documentation asks of a
    /// driver's account, services. Claims are not granted: the chart asks for no volumes.
    static let driverRules: [(resources: [String], verbs: [String])] = [
        (["pods"], ["create", "get", "list", "watch", "delete", "deletecollection", "patch"]),
        (["configmaps", "services"], ["create", "get", "list", "watch", "delete", "deletecollection"]),
    ]

    func role() -> Role {
        Role(
            metadata: PodBuilding.metadata(fullname, naming, labels: releaseLabels),
            rules: Self.driverRules.map { PolicyRule(apiGroups: [""], resources: $0.resources, verbs: $0.verbs) })
    }

    // MARK: Driver

    /// Headless, so the driver's name resolves to the pod itself, with Spark's port names.
    func driverService() -> Service {
        Service(
            metadata: PodBuilding.metadata(driverServiceName, naming, labels: releaseLabels),
            spec: ServiceSpec(
                clusterIP: "None", selector: driverSelector,
                ports: [
                    ServicePort(name: "driver-rpc-port", port: values.driverPort, targetPort: "driver-rpc-port"),
                    ServicePort(name: "blockmanager", port: values.blockManagerPort, targetPort: "blockmanager"),
                ]))
    }

    /// The driver runs once: a failed application fails the Job (`backoffLimit`) and the
    /// completed pod stays, as Spark's own driver pod does.
    func driverJob() -> Job {
        let security = self.security
        let container = Container(
            name: "spark-driver",
            image: values.image.reference,
            imagePullPolicy: PodBuilding.pullPolicy(values.image),
            command: [SparkDefaults.submitProgram],
            args: submit.argv,
            env: [
                EnvVar(
                    name: SparkDriverCommand.podNameVariable,
                    valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.name"))),
            ],
            ports: [
                ContainerPort(name: "driver-rpc-port", containerPort: values.driverPort),
                ContainerPort(name: "blockmanager", containerPort: values.blockManagerPort),
            ],
            resources: PodBuilding.resources(values.driverResources),
            volumeMounts: security.writableMounts,
            securityContext: security.containerSecurityContext)
        return Job(
            metadata: PodBuilding.metadata(fullname, naming, labels: releaseLabels),
            spec: JobSpec(
                backoffLimit: values.backoffLimit,
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: driverLabels),
                    spec: PodSpec(
                        containers: [container],
                        nodeSelector: values.nodeSelector,
                        volumes: security.writableVolumes,
                        automountServiceAccountToken: true,
                        imagePullSecrets: security.imagePullSecrets,
                        restartPolicy: "Never",
                        securityContext: security.podSecurityContext,
                        serviceAccountName: serviceAccountName))))
    }
}
