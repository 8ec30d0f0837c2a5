// Schedules 10,000 pods with required pod anti-affinity onto 1,000 nodes with kubegrid's
// scheduler and prints pods per second and peak memory.
//
//   swift build -c release --product SchedulerBenchmark && .build/release/SchedulerBenchmark
//
// The pods are those of a 5,000-partition HA Space as the insightedge-pu chart renders it:
// each partition a StatefulSet of two pods that must not share a node (anti-affinity on
// `selectorId` by `kubernetes.io/hostname`), placed partition by partition.
// Options: --nodes N, --partitions P, --zones Z, --topology KEY, --seed S, --aim-seconds S
// (a line for another run, printed with PASS or FAIL; scripts/bench.sh runs KWOK's scale
// ×5 nodes: 100,000 pods on 5,000 nodes, aiming under 5 s).

import BenchmarkSupport
import KubeGridCore
import KubeGridSim
import OrderedCollections

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Settings {
    var nodes = 1_000
    var partitions = 5_000
    var zones = 3
    var topology = ClusterNode.hostnameLabel
    var seed: UInt64 = 1
    var aimSeconds: Double?

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { fatal("\(flag) needs a value") }
            switch flag {
            case "--nodes": nodes = Int(value) ?? nodes
            case "--partitions": partitions = Int(value) ?? partitions
            case "--zones": zones = Int(value) ?? zones
            case "--topology": topology = value
            case "--seed": seed = UInt64(value) ?? seed
            case "--aim-seconds": aimSeconds = Double(value) ?? aimSeconds
            default: fatal("unknown flag \(flag); use --nodes, --partitions, --zones, --topology, --seed, --aim-seconds")
            }
        }
    }
}

/// The pod of partition `partition`'s StatefulSet, as the chart renders its template.
func spacePod(partition: Int, ordinal: Int, topology: String) -> SchedulingPod {
    let selectorId = "bench-insightedge-pu-\(partition)"
    let labels: OrderedDictionary<String, String> = [
        "app.kubernetes.io/name": "insightedge-pu",
        "app.kubernetes.io/instance": "bench",
        "app.kubernetes.io/component": "space",
        "app": "insightedge-pu",
        "release": "bench",
        "component": "space",
        "selectorId": selectorId,
        "partitionId": String(partition),
        "statefulset.kubernetes.io/pod-name": "\(selectorId)-\(ordinal)",
    ]
    let term = PodAffinityTerm(
        labelSelector: LabelSelector(matchExpressions: [
            LabelSelectorRequirement(key: "selectorId", operator: .in, values: [selectorId])
        ]),
        topologyKey: topology)
    let spec = PodSpec(
        containers: [Container(name: "pu-container", resources: ResourceRequirements(limits: ["memory": "400Mi"]))],
        affinity: Affinity(podAntiAffinity: PodAffinity(required: [term])))
    return SchedulingPod(name: "\(selectorId)-\(ordinal)", namespace: "default", labels: labels, spec: spec)
}

let settings = Settings(arguments: CommandLine.arguments)
let nodes: [ClusterNode]
do {
    nodes = try ClusterShape.generated(count: settings.nodes, zones: settings.zones).build()
} catch {
    fatal("\(error)")
}
let pods = (1...settings.partitions).flatMap { partition in
    (0..<2).map { spacePod(partition: partition, ordinal: $0, topology: settings.topology) }
}

var scheduler = Scheduler(random: SeededRandom(seed: settings.seed))
for node in nodes { scheduler.addNode(node) }

let start = monotonicSeconds()
var bound = 0
var pending = 0
// FNV-1a over every pod's node, so two builds can be shown to place alike.
var digest: UInt64 = 0xcbf2_9ce4_8422_2325
for pod in pods {
    switch scheduler.schedule(pod) {
    case .node(let name):
        scheduler.assume(pod, on: name)
        bound += 1
        for byte in name.utf8 { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3 }
    case .unschedulable:
        pending += 1
    }
    digest = (digest ^ 0xff) &* 0x100_0000_01b3
}
let elapsed = monotonicSeconds() - start

func format(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return "\(rounded)"
}

print("scheduler benchmark: \(pods.count) pods (\(settings.partitions) partitions x 2, required anti-affinity by \(settings.topology)) onto \(settings.nodes) nodes in \(settings.zones) zones")
print("bound: \(bound), pending: \(pending)")
print("placement digest: \(String(digest, radix: 16))")
print("wall time: \(format(elapsed, decimals: 3)) s")
print("throughput: \(Int((Double(pods.count) / elapsed).rounded())) pods/s")
print("peak memory (max RSS): \(format(peakMemoryMiB(), decimals: 1)) MiB")

// The line: the figure measured before the engine rework (0.41 s), plus a tenth for a
// shared machine's noise. It applies to the default run only.
var targets = BenchmarkTargets()
targets.holds("every pod bound", pending == 0)
if CommandLine.arguments.count == 1 { targets.atMost("wall time", elapsed, 0.45, unit: "s") }
if let aim = settings.aimSeconds { targets.atMost("wall time", elapsed, aim, unit: "s") }
targets.finish()
