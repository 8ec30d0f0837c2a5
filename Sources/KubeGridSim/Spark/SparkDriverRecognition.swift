import KubeGridCore
import OrderedCollections

/// How the simulation tells a Spark driver pod and reads what it asks for: through the Spark
/// contract in KubeGridCore (its labels and its `spark-submit` parser), never a parser of its own.
enum SparkDriverRecognition {
    static let appSelectorLabel = "spark-app-selector"

    /// The driver's request, when the pod is a Spark driver whose command line reads.
    static func spec(of podSpec: PodSpec, labels: OrderedDictionary<String, String>, namespace: String) -> SparkJobSpec? {
        nil
    }

    /// `spark.kubernetes.executor.podNamePrefix`'s default: the app name and the app id's tail.
    static func podNamePrefix(appName: String, appID: String) -> String {
        let tail = appID.split(separator: "-").last.map(String.init) ?? appID
        return "\(appName)-\(tail.prefix(16))"
    }

    static func executorLabels(appID: String, appName: String, executorID: Int) -> OrderedDictionary<String, String> {
        [
            "spark-app-selector": appID, "spark-app-name": appName, "spark-role": "executor",
            "spark-exec-id": String(executorID), "spark-exec-resourceprofile-id": "0",
        ]
    }
}
