import KubeGridSim

/// `/metrics`: the simulated grid's figures in Prometheus' text format, named after its
/// conventions (`kubegrid_` prefix, `_total` counters, seconds). Rates such as operations
/// per second are PromQL's `rate()` of the counters.
enum GridMetrics {
    static func text(_ figures: GridFigures) -> String {
        var output = PrometheusText()
        let spaces = figures.spaces
        func labels(_ space: GridFigures.Space) -> [(String, String)] { [("namespace", space.namespace), ("space", space.name)] }
        output.family(
            "kubegrid_space_partitions", .gauge, help: "Partitions of each Space.",
            spaces.map { (labels($0), Double($0.partitions.count)) })
        output.family(
            "kubegrid_space_partitions_available", .gauge, help: "Partitions of each Space that have a primary.",
            spaces.map { space in (labels(space), Double(space.partitions.filter { $0.primaryPod != nil }.count)) })
        output.family(
            "kubegrid_partition_primary", .gauge,
            help: "1 for the pod that is primary of each partition, with the node it runs on.",
            spaces.flatMap { space in
                space.partitions.compactMap { partition in
                    partition.primaryPod.map { pod in
                        (labels(space) + [("partition", String(partition.id)), ("pod", pod), ("node", partition.primaryNode ?? "")], 1.0)
                    }
                }
            })
        output.family(
            "kubegrid_space_failovers_total", .counter,
            help: "Times a partition's primary role moved to another instance: promotion after a loss, hand-off, failback.",
            spaces.map { space in (labels(space), Double(space.partitions.reduce(0) { $0 + $1.failovers })) })
        output.family(
            "kubegrid_client_operations_total", .counter,
            help: "Grid client operations completed (--clients), by result: ok, fail, or info (outcome unknown).",
            [([("result", "ok")], Double(figures.operationsSucceeded)), ([("result", "fail")], Double(figures.operationsFailed)),
             ([("result", "info")], Double(figures.operationsUnknown))])
        output.family(
            "kubegrid_writes_acknowledged_total", .counter, help: "Writes the Spaces acknowledged to the grid clients.",
            [([], Double(figures.acknowledgedWrites))])
        output.family(
            "kubegrid_writes_lost_total", .counter,
            help: "Acknowledged writes the final read did not find (counted once the final read has run).",
            [([], Double(figures.lostWrites))])
        let applications = figures.sparkApplications
        func application(_ app: GridFigures.SparkApplication) -> [(String, String)] {
            [("namespace", app.namespace), ("application", app.name)]
        }
        output.family(
            "kubegrid_spark_executors_running", .gauge, help: "Running executor pods of each Spark application.",
            applications.map { (application($0), Double($0.executorsRunning)) })
        output.family(
            "kubegrid_spark_applications", .gauge,
            help: "Spark applications (one per driver pod) by state: Pending, Running, Succeeded, Failed.",
            ["Pending", "Running", "Succeeded", "Failed"].map { state in
                ([("state", state)], Double(applications.filter { $0.state == state }.count))
            })
        output.family(
            "kubegrid_spark_objects_read_total", .counter, help: "Space objects each Spark application's executors have read.",
            applications.map { (application($0), Double($0.objectsRead)) })
        output.family(
            "kubegrid_simulated_time_seconds", .gauge, help: "The simulated cluster's clock.",
            [([], figures.now.seconds)])
        return output.text
    }
}
