import KubeGridCore
import Testing

@testable import KubeGridServer
@testable import KubeGridSim

/// The Prometheus text format `/metrics` writes.
@Suite struct MetricsTextTests {
    @Test func familiesHaveHelpTypeAndEscapedLabels() {
        var output = PrometheusText()
        output.family("a_total", .counter, help: "Line one\nback\\slash", [([("pod", "x\"y\\z\nw")], 3), ([], 0.5)])
        #expect(output.text == """
            # HELP a_total Line one\\nback\\\\slash
            # TYPE a_total counter
            a_total{pod="x\\"y\\\\z\\nw"} 3
            a_total 0.5

            """)
    }

    @Test func answerTimesAreACumulativeHistogramInSeconds() {
        let times = AnswerTimes()
        for nanoseconds: UInt64 in [8_000, 30_000, 30_000, 3_000_000, 50_000_000] { times.record(nanoseconds: nanoseconds) }
        let lines = AnswerTimes.text(times.snapshot).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [
            #"kubegrid_serve_cached_get_seconds_bucket{le="1e-05"} 1"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="2.5e-05"} 1"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="5e-05"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.0001"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.00025"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.0005"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.001"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.0025"} 3"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.005"} 4"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="0.01"} 4"#,
            #"kubegrid_serve_cached_get_seconds_bucket{le="+Inf"} 5"#,
            #"kubegrid_serve_cached_get_seconds_sum 0.053068"#,
            #"kubegrid_serve_cached_get_seconds_count 5"#,
        ])
    }

    @Test func theGridsFiguresInOrder() {
        var figures = GridFigures()
        figures.now = .seconds(90)
        figures.operationsSucceeded = 7
        figures.spaces = [GridFigures.Space(namespace: "default", name: "pu", partitions: [
            GridFigures.Partition(id: 1, primaryPod: "pu-1-0", primaryNode: "node-2", failovers: 1),
            GridFigures.Partition(id: 2, primaryPod: nil, primaryNode: nil, failovers: 2),
        ])]
        figures.sparkApplications = [
            GridFigures.SparkApplication(namespace: "default", name: "count", state: "Running", executorsRunning: 3, objectsRead: 40),
            GridFigures.SparkApplication(namespace: "default", name: "old", state: "Succeeded", executorsRunning: 0, objectsRead: 90),
        ]
        let lines = GridMetrics.text(figures).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [
            #"kubegrid_space_partitions{namespace="default",space="pu"} 2"#,
            #"kubegrid_space_partitions_available{namespace="default",space="pu"} 1"#,
            #"kubegrid_partition_primary{namespace="default",space="pu",partition="1",pod="pu-1-0",node="node-2"} 1"#,
            #"kubegrid_space_failovers_total{namespace="default",space="pu"} 3"#,
            #"kubegrid_client_operations_total{result="ok"} 7"#,
            #"kubegrid_client_operations_total{result="fail"} 0"#,
            #"kubegrid_client_operations_total{result="info"} 0"#,
            "kubegrid_writes_acknowledged_total 0",
            "kubegrid_writes_lost_total 0",
            #"kubegrid_spark_executors_running{namespace="default",application="count"} 3"#,
            #"kubegrid_spark_executors_running{namespace="default",application="old"} 0"#,
            #"kubegrid_spark_applications{state="Pending"} 0"#,
            #"kubegrid_spark_applications{state="Running"} 1"#,
            #"kubegrid_spark_applications{state="Succeeded"} 1"#,
            #"kubegrid_spark_applications{state="Failed"} 0"#,
            #"kubegrid_spark_objects_read_total{namespace="default",application="count"} 40"#,
            #"kubegrid_spark_objects_read_total{namespace="default",application="old"} 90"#,
            "kubegrid_simulated_time_seconds 90",
        ])
    }
}
