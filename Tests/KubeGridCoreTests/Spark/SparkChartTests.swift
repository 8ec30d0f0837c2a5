import OrderedCollections
import Testing

@testable import KubeGridCore

/// The `insightedge-spark` chart's typed model: the driver Job carries the Spark contract
/// (its command line reads back to what the values ask for, and lint and simulate recognise
/// the pod as a Spark driver), the Space is found through the manager's release, and values
/// the chart cannot render are refused naming the key.
@Suite struct SparkChartTests {
    static func job(_ plan: RenderPlan) throws -> Job {
        let object = try #require(plan.objects(ofKind: "Job").first)
        return try Job(decoding: object.encoded())
    }

    static func submit(_ plan: RenderPlan) throws -> SparkSubmit {
        let container = try #require(try job(plan).spec.template.spec.containers.first)
        #expect(container.command == [SparkDefaults.submitProgram])
        return try SparkSubmit(parsing: container.args)
    }

    @Test func theDriversCommandLineIsTheContractForTheValues() throws {
        let plan = BuiltInChart.spark.plan(
            [
                ("space.manager", "prod"), ("executor.instances", 3), ("executor.cores", 2), ("executor.memory", "2g"),
                ("dynamicAllocation.enabled", true), ("dynamicAllocation.minExecutors", 1),
                ("dynamicAllocation.maxExecutors", 6), ("application.arguments", .list(["--limit", "10"])),
                ("sparkConf", ["spark.ui.enabled": "false", "spark.eventLog.enabled": "true"]),
            ], release: "count", namespace: "grid")
        #expect(!plan.diagnostics.hasErrors, "\(plan.diagnostics)")
        let submit = try Self.submit(plan)
        #expect(submit.master == SparkDefaults.inClusterMaster)
        #expect(submit.deployMode == .client)
        #expect(submit.appName == "count-insightedge-spark")
        #expect(submit.mainClass == SparkSchema.defaultMainClass)
        #expect(submit.jar == SparkSchema.defaultJar)
        #expect(submit.arguments == ["--limit", "10"])
        let conf = submit.conf
        #expect(conf.namespace == "grid")
        #expect(conf.driverServiceAccount == "count-insightedge-spark")
        #expect(conf.driverPodName == "$(SPARK_DRIVER_POD_NAME)")
        #expect(conf.executorImage == "gigaspaces/insightedge-enterprise:15.5")
        #expect(conf.executorInstances == 3 && conf.executorCores == 2 && conf.executorMemory == "2g")
        #expect(conf.dynamicAllocation == .init(enabled: true, minExecutors: 1, maxExecutors: 6, shuffleTracking: true))
        #expect(conf.driverHost == "count-insightedge-spark-driver.grid.svc")
        #expect(conf.driverPort == 7078 && conf.blockManagerPort == 7079)
        #expect(conf.spaceName == "prod-insightedge-pu")
        #expect(conf.lookupLocators == ["prod-insightedge-manager-hs"])
        #expect(conf.lookupGroups.isEmpty)
        // The user's settings come last, in key order, as Helm ranges over a map.
        #expect(conf.other.suffix(2) == [
            .init(key: "spark.eventLog.enabled", value: "true"), .init(key: "spark.ui.enabled", value: "false"),
        ])
        #expect(conf["spark.kubernetes.executor.label.app.kubernetes.io/instance"] == "count")
        // What the builder wrote is what the container holds, argument for argument.
        let objects = SparkObjects(
            values: SparkValues(validated: BuiltInChart.spark.defaults.setting("space.manager", "prod")),
            naming: ReleaseNaming(release: "x", namespace: "default", chartName: SparkChart.name, nameOverride: nil, fullnameOverride: nil))
        #expect(try SparkSubmit(parsing: objects.submit.argv) == objects.submit)
    }

    /// The manager and Space names as the grid charts make them, from `space.manager`.
    @Test(arguments: [
        ("", "", "job-insightedge-manager-hs", "job-insightedge-pu"),
        ("prod", "", "prod-insightedge-manager-hs", "prod-insightedge-pu"),
        ("prodspace-insightedge-manager", "prodspace", "prodspace-insightedge-manager-hs", "prodspace"),
    ])
    func theSpaceIsFoundThroughTheManagersHeadlessService(manager: String, space: String, locator: String, name: String) throws {
        let plan = BuiltInChart.spark.plan([("space.manager", .string(manager)), ("space.name", .string(space))], release: "job")
        let conf = try Self.submit(plan).conf
        #expect(conf.lookupLocators == [locator])
        #expect(conf.spaceName == name)
        // The locator is the manager chart's own headless Service.
        let manager = BuiltInChart.manager.plan(release: String(locator.dropLast("-insightedge-manager-hs".count)))
        #expect(manager.objects(ofKind: "Service").contains { $0.name == locator })
    }

    @Test func theDriverPodIsRecognisedAsASparkDriver() throws {
        let plan = BuiltInChart.spark.plan(release: "job")
        let template = try Self.job(plan).spec.template
        #expect(template.spec.restartPolicy == "Never")
        #expect(template.spec.automountServiceAccountToken == true)
        let recognised = GridMember.recognise(
            containerArgs: template.spec.containers.map(\.args), labels: template.metadata.labels)
        guard case .sparkDriver(let submit?) = recognised.member else {
            Issue.record("the driver pod is \(recognised.member)")
            return
        }
        #expect(recognised.container == 0)
        #expect(submit.appNameLabel == template.metadata.labels[GridLabels.sparkAppName])
        #expect(SparkPodLabels(labels: template.metadata.labels)?.role == .driver)
        // The headless Service selects the driver pod.
        let service = try #require(plan.objects(ofKind: "Service").first)
        let selector = try #require(service.encoded().value(at: ["spec", "selector"])?.mapValue)
        #expect(!selector.isEmpty)
        for (key, value) in selector { #expect(template.metadata.labels[key] == value.stringValue) }
    }

    @Test func theRoleGrantsWhatTheDriverCallsAndNoMore() throws {
        let plan = BuiltInChart.spark.plan(release: "job")
        let role = try Role(decoding: try #require(plan.objects(ofKind: "Role").first).encoded())
        var granted: [String: Set<String>] = [:]
        for rule in role.rules {
            #expect(rule.apiGroups == [""])
            for resource in rule.resources { granted[resource, default: []].formUnion(rule.verbs) }
        }
        #expect(granted["pods"] == ["create", "get", "list", "watch", "delete", "deletecollection", "patch"])
        #expect(granted["configmaps"] == ["create", "get", "list", "watch", "delete", "deletecollection"])
        #expect(granted["services"] == granted["configmaps"])
        #expect(Set(granted.keys) == ["pods", "configmaps", "services"])
        let binding = try RoleBinding(decoding: try #require(plan.objects(ofKind: "RoleBinding").first).encoded())
        #expect(binding.subjects.map(\.name) == ["job-insightedge-spark"])
    }

    @Test func withoutAccountOrRBACNothingIsGrantedAndTheNamedAccountRuns() throws {
        let plan = BuiltInChart.spark.plan(
            [("serviceAccount.create", false), ("serviceAccount.name", "spark"), ("rbac.create", false)], release: "job")
        #expect(plan.objects(ofKind: "ServiceAccount").isEmpty && plan.objects(ofKind: "Role").isEmpty)
        #expect(try Self.job(plan).spec.template.spec.serviceAccountName == "spark")
        #expect(try Self.submit(plan).conf.driverServiceAccount == "spark")
    }

    @Test func theOperatorModeRendersASparkApplicationInsteadOfTheDriver() throws {
        let plan = BuiltInChart.spark.plan(
            [("sparkOperator.enabled", true), ("dynamicAllocation.enabled", true), ("space.manager", "prod")], release: "op")
        #expect(plan.objects.map(\.kind).sorted() == ["NetworkPolicy", "Role", "RoleBinding", "ServiceAccount", "SparkApplication"])
        let app = try #require(plan.objects(ofKind: "SparkApplication").first).encoded()
        #expect(app["apiVersion"]?.stringValue == "sparkoperator.k8s.io/v1beta2")
        #expect(app.value(at: ["spec", "mode"])?.stringValue == "cluster")
        #expect(app.value(at: ["spec", "driver", "serviceAccount"])?.stringValue == "op-insightedge-spark")
        #expect(app.value(at: ["spec", "dynamicAllocation", "maxExecutors"]) == .int(4))
        #expect(app.value(at: ["spec", "sparkConf"])?.mapValue?["spark.insightedge.space.lookup.locator"]
            == .string("prod-insightedge-manager-hs"))
    }

    /// Values the chart cannot render: the key and what to do, before anything is written.
    @Test(arguments: [
        ([("executor.memory", Values.string("lots"))], "executor.memory", "is not a JVM size"),
        ([("dynamicAllocation.enabled", true), ("dynamicAllocation.minExecutors", 5), ("dynamicAllocation.maxExecutors", 2)],
         "dynamicAllocation.minExecutors", "minExecutors (5) is more than maxExecutors (2)"),
        ([("fullnameOverride", .string(String(repeating: "f", count: 48)))], "fullnameOverride", "Spark allows at most 47"),
        ([("sparkConf", ["spark.executor.instances": "9"])], "sparkConf.spark.executor.instances", "set that instead"),
    ] as [([(String, Values)], String, String)])
    func badValuesAreRefusedNamingTheKey(settings: [(String, Values)], path: String, words: String) {
        let plan = BuiltInChart.spark.plan(settings, release: "job")
        #expect(plan.templates.isEmpty)
        let errors = plan.diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.path?.description == path, "\(errors)")
        #expect(errors.first?.description.contains(words) == true, "\(errors)")
    }

    /// The policy admits the application's own pods: the driver, and the executors, whose
    /// labels the driver's command line gives them.
    @Test func theNetworkPolicyAdmitsTheDriverAndItsExecutorsToEachOther() throws {
        let plan = BuiltInChart.spark.plan(release: "job")
        let policy = try NetworkPolicy(decoding: try #require(plan.objects(ofKind: "NetworkPolicy").first).encoded())
        let selected = policy.spec.podSelector.matchLabels
        #expect(!selected.isEmpty)
        #expect(policy.spec.ingress.first?.from.first?.podSelector?.matchLabels == selected)
        let driverLabels = try Self.job(plan).spec.template.metadata.labels
        let conf = try Self.submit(plan).conf
        for (key, value) in selected {
            #expect(driverLabels[key] == value)
            #expect(conf["spark.kubernetes.executor.label.\(key)"] == value)
        }
        #expect(BuiltInChart.spark.plan([("networkPolicy.enabled", false)]).objects(ofKind: "NetworkPolicy").isEmpty)
    }

    @Test func dynamicAllocationOffWritesNoneOfItsSettings() throws {
        let conf = try Self.submit(BuiltInChart.spark.plan(release: "job")).conf
        #expect(conf.dynamicAllocation == .init())
        #expect(conf.initialExecutors == 2)
    }
}
