import KubeGridCore
import OrderedCollections

/// The executor pod a Spark driver on Kubernetes asks for: named
/// `<spark.kubernetes.executor.podNamePrefix>-exec-<id>` (the prefix defaults to the app
/// name and a unique id), labelled as Spark labels it, one container
/// `spark-kubernetes-executor` requesting `spark.executor.cores` and the executor memory
/// plus overhead (the memory also its limit), run as the driver's service account.
enum SparkExecutorPod {
    static func name(_ spec: SparkJobSpec, appID: String, id: Int) -> String {
        "\(spec.executorPodNamePrefix ?? SparkDriverRecognition.podNamePrefix(appName: spec.appName, appID: appID))-exec-\(id)"
    }

    static func make(run: SparkApplicationRun, id: Int, driver: Pod) -> (spec: PodSpec, labels: OrderedDictionary<String, String>) {
        let memory = Quantity(stringLiteral: "\(run.spec.executorPodMemoryMiB)Mi")
        let cores = Quantity(stringLiteral: String(max(run.spec.executorCores, 1)))
        let container = Container(
            name: "spark-kubernetes-executor", image: run.spec.executorImage ?? driver.spec.containers.first?.image,
            args: ["executor"],
            resources: ResourceRequirements(limits: ["memory": memory], requests: ["cpu": cores, "memory": memory]))
        var spec = PodSpec(containers: [container])
        spec.serviceAccountName = driver.spec.serviceAccountName
        spec.restartPolicy = "Never"
        spec.nodeSelector = driver.spec.nodeSelector
        let labels = SparkDriverRecognition.executorLabels(appID: run.appID, appName: run.spec.appName, executorID: id)
        return (spec, labels)
    }
}
