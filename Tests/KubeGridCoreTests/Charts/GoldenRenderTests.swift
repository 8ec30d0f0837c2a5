import Foundation
import Testing
@testable import KubeGridCore

/// Whole renders compared with golden files; `KUBEGRID_UPDATE_GOLDEN=1` rewrites them.
@Suite struct GoldenRenderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var chart: BuiltInChart
        var settings: [(String, Values)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "manager-default", chart: .manager, settings: []),
        Case(name: "manager-ha-zone", chart: .manager, settings: [
            ("ha", true), ("antiAffinity.enabled", true), ("antiAffinity.topology", "topology.kubernetes.io/zone"),
        ]),
        Case(name: "manager-nodeport", chart: .manager, settings: [
            ("service.type", "NodePort"), ("service.api.nodePort", 30890), ("service.lus.nodePort", 30174), ("service.lrmi.enabled", false),
        ]),
        Case(name: "pu-no-ha", chart: .processingUnit, settings: [("partitions", 2)]),
        Case(name: "pu-ha-hostname", chart: .processingUnit, settings: [
            ("partitions", 2), ("ha", true), ("antiAffinity.enabled", true), ("readinessProbe.enabled", true), ("livenessProbe.enabled", true),
        ]),
        Case(name: "pu-ha-nodeport-lrmi", chart: .processingUnit, settings: [
            ("partitions", 2), ("ha", true), ("antiAffinity.enabled", true), ("service.type", "NodePort"),
            ("service.lrmi.enabled", true), ("service.lrmi.initialNodePort", 31200),
        ]),
        Case(name: "pu-loadbalancer-lrmi", chart: .processingUnit, settings: [
            ("partitions", 1), ("ha", true), ("antiAffinity.enabled", true), ("service.lrmi.enabled", true),
        ]),
        Case(name: "pu-clusterip-lrmi", chart: .processingUnit, settings: [
            ("partitions", 1), ("service.type", "ClusterIP"), ("service.lrmi.enabled", true),
        ]),
        Case(name: "pu-memoryxtend", chart: .processingUnit, settings: [
            ("partitions", 1), ("ha", true), ("antiAffinity.enabled", true), ("memoryXtendVolume.enabled", true),
            ("memoryXtendVolume.volumeClaimTemplate.storage", "10Gi"), ("memoryXtendVolume.volumeClaimTemplate.storageClassName", "fast"),
            ("resourceUrl", "https://example.com/pu.jar"), ("properties", "memoryThreshold=7g"), ("schema", "partitioned"),
        ]),
        Case(name: "pu-instances", chart: .processingUnit, settings: [
            ("instances", 2), ("schema", "sync_replicated"), ("service.type", "NodePort"), ("service.lrmi.enabled", true),
            ("service.lrmi.initialNodePort", 30100), ("manager.name", "grid"),
        ]),
        Case(name: "umbrella-dev", chart: .umbrella, settings: [
            ("manager.service.type", "NodePort"), ("pu.partitions", 2), ("pu.service.type", "NodePort"), ("pu.service.lrmi.enabled", true),
            ("pu.service.lrmi.initialNodePort", 31000),
        ]),
        Case(name: "umbrella-ha", chart: .umbrella, settings: [
            ("manager.ha", true), ("manager.antiAffinity.enabled", true), ("pu.partitions", 2), ("pu.ha", true),
            ("pu.antiAffinity.enabled", true), ("pu.readinessProbe.enabled", true), ("pu.service.lrmi.enabled", true),
        ]),
    ]

    @Test(arguments: cases)
    func renderMatchesGoldenFile(testCase: Case) throws {
        let renders = try (0..<3).map { _ in try render(testCase) }
        #expect(Set(renders).count == 1, "renders differ between runs")
        let path = Self.goldenDirectory + "/\(testCase.name).yaml"
        if ProcessInfo.processInfo.environment["KUBEGRID_UPDATE_GOLDEN"] == "1" {
            try renders[0].write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let diff = LineDiff.unified(old: golden, new: renders[0], oldName: "golden", newName: "rendered")
        #expect(diff.isEmpty, "\(testCase.name) differs from its golden file (KUBEGRID_UPDATE_GOLDEN=1 rewrites it):\n\(diff)")
    }

    private func render(_ testCase: Case) throws -> String {
        let plan = testCase.chart.plan(testCase.settings)
        #expect(plan.diagnostics.errors.isEmpty, "\(plan.diagnostics)")
        var bytes: [UInt8] = []
        for template in plan.templates {
            bytes += try ManifestWriter().file(template)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
}
