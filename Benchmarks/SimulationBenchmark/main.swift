// Runs `kubegrid simulate --scenario all` on a 512-partition HA Space on 100 nodes with
// 100,000 client operations per scenario, and prints wall time per phase and peak memory.
//
//   swift build -c release --product SimulationBenchmark && .build/release/SimulationBenchmark
//
// The manifests are the umbrella chart's, rendered in process from
// examples/umbrella-production-ha.yaml with pu.partitions=512 and NodePort Services (a
// LoadBalancer pool of 1,024 addresses would do as well): 3 managers and 1,024 Space pods.
// Run it from the repository root. Options: --nodes N, --partitions P, --ops N,
// --clients N, --seed S, --scenario NAME (repeatable, or all; default: the five scenarios
// its lines were measured on, before drain, pause and partition were added; scripts/bench.sh
// runs those separately), --aim-seconds S and --aim-mib M (a line for another run: its
// wall time and peak memory, each printed with PASS or FAIL). With more than 1,000
// partitions the Space's Services are LoadBalancers from a /16 pool, as NodePorts would
// run out.
//
// --tenant (no value) measures what a tenant's admission costs: it runs the same
// simulation twice, first as above, then in a tenant's namespace with the objects that
// govern it applied through the API server — the insightedge-tenant chart's Namespace
// (restricted Pod Security), ResourceQuota and LimitRange from tenant.yaml, its
// NetworkPolicies and Roles, and the grid chart's own NetworkPolicies, ServiceAccounts and
// RBAC — so every pod and Service passes LimitRanger, PodSecurity and ResourceQuota for
// real and every connection is checked against the policies; it prints both wall times.

import BenchmarkSupport
import KubeGridCore
import KubeGridSim

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Settings {
    var nodes = 100
    var partitions = 512
    var operations = 100_000
    var clients = 4
    var seed: UInt64 = 1
    var scenarios: [ScenarioName] = []
    var aimSeconds: Double?
    var aimMiB: Double?
    /// Also run with a tenant's objects applied, and print the cost.
    var tenant = false

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            if flag == "--tenant" {
                tenant = true
                continue
            }
            guard let value = iterator.next() else { fatal("\(flag) needs a value") }
            switch flag {
            case "--nodes": nodes = Int(value) ?? nodes
            case "--partitions": partitions = Int(value) ?? partitions
            case "--ops": operations = Int(value) ?? operations
            case "--clients": clients = Int(value) ?? clients
            case "--seed": seed = UInt64(value) ?? seed
            case "--scenario" where value == "all": scenarios += ScenarioName.all
            case "--scenario":
                guard let name = ScenarioName(rawValue: value) else { fatal("unknown scenario \(value)") }
                scenarios.append(name)
            case "--aim-seconds": aimSeconds = Double(value) ?? aimSeconds
            case "--aim-mib": aimMiB = Double(value) ?? aimMiB
            default:
                fatal("unknown flag \(flag); use --nodes, --partitions, --ops, --clients, --seed, --scenario, --aim-seconds, --aim-mib, --tenant")
            }
        }
        if scenarios.isEmpty { scenarios = [.deploy, .failover, .nodeLoss, .rollingUpgrade, .managerLoss] }
    }
}

func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return "\(rounded)"
}

let settings = Settings(arguments: CommandLine.arguments)

/// The grid's manifests rendered in process, as `kubegrid render` would: only what the
/// grid runs (Services, StatefulSets, PodDisruptionBudgets), or with `tenant` in the
/// tenant's namespace beside the tenant chart's objects and with every object applied.
func renderBundle(tenant: Bool) -> ManifestBundle {
    var bundle = ManifestBundle()
    do {
        var jobs: [RenderJob] = []
        if tenant {
            jobs.append(RenderJob(
                chart: "insightedge-tenant", release: ReleaseOptions(name: "bench-tenant"),
                options: ValuesOptions(valueFiles: ["Benchmarks/SimulationBenchmark/tenant.yaml"])))
        }
        jobs.append(RenderJob(
            chart: "insightedge", release: ReleaseOptions(name: "bench", namespace: tenant ? "bench-tenant" : "default"),
            options: ValuesOptions(
                valueFiles: ["examples/umbrella-production-ha.yaml"],
                set: ["pu.partitions=\(settings.partitions)", "pu.service.type=\(settings.partitions > 1_000 ? "LoadBalancer" : "NodePort")"])))
        for job in jobs {
            for template in try job.plan(files: LocalFiles()).templates {
                for index in 0..<template.count {
                    let object = template.object(index)
                    if tenant {
                        bundle.add(object, source: template.path)
                        continue
                    }
                    switch object {
                    case .service(let service): bundle.services.append(service)
                    case .statefulSet(let statefulSet): bundle.statefulSets.append(statefulSet)
                    case .podDisruptionBudget(let budget): bundle.podDisruptionBudgets.append(budget)
                    default: break
                    }
                }
            }
        }
    } catch {
        fatal("\(error) (run the benchmark from the repository root)")
    }
    return bundle
}

let renderStart = monotonicSeconds()
let bundle = renderBundle(tenant: false)
let renderSeconds = monotonicSeconds() - renderStart

var options = SimulationOptions()
options.cluster = .generated(count: settings.nodes, zones: 1)
options.seed = settings.seed
options.operations = settings.operations
options.clients = settings.clients
options.scenarios = settings.scenarios
if settings.partitions > 1_000, let pool = IPv4Range("100.64.0.0/16") { options.loadBalancerPool = pool }

// The progress callback marks when each scenario starts; the first call comes after the deploy settled.
var marks: [(name: String, time: Double)] = []
let start = monotonicSeconds()
let report: SimulationReport
do {
    report = try Simulation.run(bundle, options: options) { progress in
        if marks.last?.name != progress.scenario { marks.append((progress.scenario, monotonicSeconds())) }
    }
} catch {
    fatal("\(error)")
}
let simulated = monotonicSeconds()
let text = TextReport.text(report)
let reported = monotonicSeconds()

print("simulation benchmark: --scenario \(settings.scenarios.count == ScenarioName.all.count ? "all" : settings.scenarios.map(\.rawValue).joined(separator: ",")), \(settings.partitions)-partition HA Space (\(bundle.statefulSets.count) StatefulSets), \(settings.nodes) nodes, \(settings.operations) client operations per scenario, \(settings.clients) clients, seed \(settings.seed)")
print("render and read: \(format(renderSeconds)) s")
if let first = marks.first { print("deploy and settle: \(format(first.time - start)) s") }
for (index, mark) in marks.enumerated() {
    let end = index + 1 < marks.count ? marks[index + 1].time : simulated
    let scenario = report.scenarios.first { $0.name == mark.name }
    let detail = scenario.map {
        "\($0.passed ? "PASS" : "FAIL"), \($0.faults.count) fault\($0.faults.count == 1 ? "" : "s"), \($0.operationsOK + $0.operationsFailed + $0.operationsUnknown) operations, \($0.duration) virtual"
    } ?? ""
    print("  \(mark.name): \(format(end - mark.time)) s (\(detail))")
}
print("text report: \(format(reported - simulated)) s")
print("wall time: \(format(reported - start)) s (render excluded)")
print("peak memory (max RSS): \(format(peakMemoryMiB())) MiB")
print("passed: \(report.passed)")

// The tenant's admission: the same run again with the tenant's objects applied.
var tenantPassed = true
if settings.tenant {
    let tenantBundle = renderBundle(tenant: true)
    let tenantStart = monotonicSeconds()
    let tenantReport: SimulationReport
    do {
        tenantReport = try Simulation.run(tenantBundle, options: options)
    } catch {
        fatal("\(error)")
    }
    let tenantSeconds = monotonicSeconds() - tenantStart
    let plainSeconds = simulated - start
    tenantPassed = tenantReport.passed
    let governing = tenantBundle.governingCount
    print("with a tenant (\(governing) governing objects: quota, limits, Pod Security labels, NetworkPolicies, RBAC): \(format(tenantSeconds)) s simulated, against \(format(plainSeconds)) s without: admission and policy checks cost \(format(tenantSeconds - plainSeconds)) s (\(format((tenantSeconds / plainSeconds - 1) * 100)) %)")
    print("passed with a tenant: \(tenantReport.passed)")
}

// The lines: the figures measured before the engine rework (2.75 s, 240 MiB), plus a tenth
// for a shared machine's noise. They apply to the default run only.
var targets = BenchmarkTargets()
targets.holds("every scenario passes", report.passed)
if settings.tenant { targets.holds("every scenario passes with a tenant", tenantPassed) }
if CommandLine.arguments.count == 1 {
    targets.atMost("wall time", reported - start, 3.0, unit: "s")
    targets.atMost("peak memory", peakMemoryMiB(), 264, unit: "MiB")
}
if let aim = settings.aimSeconds { targets.atMost("wall time", reported - start, aim, unit: "s") }
if let aim = settings.aimMiB { targets.atMost("peak memory", peakMemoryMiB(), aim, unit: "MiB") }
targets.finish()
