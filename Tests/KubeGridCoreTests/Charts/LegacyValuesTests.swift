import Foundation
import Testing

@testable import KubeGridCore

/// The keys of GigaSpaces' own charts: each is translated with its old meaning or
/// dropped with a warning saying what to write, and `--migrate` rewrites files.
@Suite struct LegacyValuesTests {
    /// (chart, user values, what kubegrid reads them as, a fragment of the warning).
    static let translations: [(BuiltInChart, Values, Values, String)] = [
        (.processingUnit, ["service": ["port": 8300]], ["service": ["lrmi": ["port": 8300]]], "spelling of service.lrmi.port"),
        (.processingUnit, ["enableExternalClient": true], ["service": ["lrmi": ["enabled": true]]], "service.lrmi.enabled=true"),
        (.processingUnit, ["enableExternalClient": false], [:], "it sets nothing here"),
        (.processingUnit, ["spaceName": "demo"], [:], "names the Space after the release"),
        // The umbrella's own 15.2-16.x metrics deployed InfluxDB and Grafana; the grid charts' metrics are kubegrid keys.
        (.umbrella, ["metrics": ["enabled": true], "pu": ["metrics": ["influxdb_ip": "127.0.0.1"]]],
         ["pu": ["metrics": ["influxdb_ip": "127.0.0.1"]]], "set manager.metrics and pu.metrics"),
        (.processingUnit, ["memoryXtendVolume": ["volumeClaimTemplate": ["storage": "1Gi", "persistentVolumeReclaimPolicy": "Delete"]]],
         ["memoryXtendVolume": ["volumeClaimTemplate": ["storage": "1Gi"]]], "reclaimPolicy on the StorageClass"),
        (.processingUnit, ["nodeSelector": ["enabled": true, "selector": ["disk": "ssd"]]], ["nodeSelector": ["disk": "ssd"]], "nodeSelector="),
        (.processingUnit, ["nodeSelector": ["enabled": true, "selector": "disk=ssd, zone=a"]], ["nodeSelector": ["disk": "ssd", "zone": "a"]], "15.2"),
        (.processingUnit, ["nodeSelector": ["enabled": false, "selector": ["disk": "ssd"]]], ["nodeSelector": [:]], "15.2"),
        (.manager, ["service": ["ports": ["api": ["port": 9090, "nodePort": 30090]]]],
         ["service": ["api": ["port": 9090, "nodePort": 30090]]], "spelling of service.api.port"),
        (.manager, ["hs": ["ports": ["zkClient": 12181, "lookupService": 14174]]], ["hs": ["zkClient": 12181, "lus": 14174]], "spelling of hs.lus"),
        (.manager, ["enableExternalClient": false], ["service": ["lus": ["enabled": false], "lrmi": ["enabled": false]]], "service.lus.enabled=false"),
        (.manager, ["enableExternalClient": true, "service": ["ports": ["lus": ["port": 30174]]]],
         ["service": ["lus": ["port": 30174, "enabled": true, "nodePort": 30174], "lrmi": ["enabled": true]]], "service.lus.nodePort=30174"),
        // The Lookup Service's port is no node port, or the Service opens none: no node port.
        (.manager, ["enableExternalClient": true], ["service": ["lus": ["enabled": true], "lrmi": ["enabled": true]]], "service.lrmi.enabled=true"),
        (.manager, ["enableExternalClient": true, "service": ["type": "ClusterIP", "ports": ["lus": ["port": 30174]]]],
         ["service": ["type": "ClusterIP", "lus": ["port": 30174, "enabled": true], "lrmi": ["enabled": true]]], "service.lrmi.enabled=true"),
        (.umbrella, ["pu": ["service": ["port": 8300]], "manager": ["hs": ["ports": ["zkServer": 12888]]]],
         ["manager": ["hs": ["zkServer": 12888]], "pu": ["service": ["lrmi": ["port": 8300]]]], "spelling of"),
        (.umbrella, ["operator": ["enabled": true], "metrics": ["enabled": true], "manager": ["metrics": ["enabled": true]]],
         ["manager": ["metrics": ["enabled": true]]], "no GigaSpaces operator"),
    ]

    @Test(arguments: translations.indices)
    func legacyKeysTranslateWithAWarning(index: Int) {
        let (chart, user, expected, fragment) = Self.translations[index]
        let (values, diagnostics) = LegacyValues.translate(user, for: chart)
        #expect(values == expected)
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.rule == "KG003" && $0.severity == .warning })
        #expect(diagnostics.contains { $0.description.contains(fragment) }, "\(diagnostics)")
    }

    @Test func anOldAndACurrentKeyThatDisagreeAreAnError() {
        let (_, diagnostics) = LegacyValues.translate(["service": ["port": 8300, "lrmi": ["port": 8400]]], for: .processingUnit)
        #expect(diagnostics.errors.map(\.description) == ["service.port: conflicts with service.lrmi.port (8400); set only service.lrmi.port"])
        let agreeing = LegacyValues.translate(["service": ["port": 8300, "lrmi": ["port": 8300]]], for: .processingUnit)
        #expect(agreeing.diagnostics.errors.isEmpty)
        // A current key at its default is no conflict: the old key wins, as in the Helm templates.
        let atDefault = LegacyValues.translate(["service": ["port": 8300, "lrmi": ["port": 8200]]], for: .processingUnit)
        #expect(atDefault.diagnostics.errors.isEmpty)
        #expect(atDefault.values == ["service": ["lrmi": ["port": 8300]]])
    }

    @Test func currentKeysAreLeftAlone() {
        // A node label named `enabled` is a label: 15.2's key was a boolean.
        let user: Values = ["partitions": 2, "ha": .null, "service": ["lrmi": ["enabled": true]], "nodeSelector": ["disk": "ssd", "enabled": "yes"]]
        let (values, diagnostics) = LegacyValues.translate(user, for: .processingUnit)
        #expect(values == user)
        #expect(diagnostics.isEmpty)
    }

    // MARK: - GigaSpaces' 15.0 values files, with their 15.0 meaning

    static func fixture(_ chart: BuiltInChart) throws -> String {
        try String(contentsOfFile: joinPath(repositoryRoot, "Tests/Parity/fixtures/gigaspaces-15.0/\(chart.rawValue).yaml"), encoding: .utf8)
    }

    static func plan(_ chart: BuiltInChart, _ text: String, set: [String] = []) throws -> RenderPlan {
        let options = ValuesOptions(valueFiles: ["v.yaml"], set: set)
        let user = try options.merge(files: MemoryFiles(["v.yaml": text]))
        let (values, legacy) = try chart.effectiveValues(user: user, chart: chart.helmChart)
        return chart.plan(values: values, release: ReleaseOptions(name: "demo")).prepending(legacy)
    }

    /// From the 15.0 templates: `partitions` StatefulSets of one pod (ha empty), java.heap
    /// and the 400Mi limit as written, no Service per instance (enableExternalClient false).
    @Test func theSpaceFileRendersWithIts15Meaning() throws {
        let plan = try Self.plan(.processingUnit, Self.fixture(.processingUnit), set: ["partitions=2"])
        #expect(plan.diagnostics.errors.isEmpty, "\(plan.diagnostics.errors)")
        let sets = plan.objects(ofKind: "StatefulSet").compactMap { object -> StatefulSet? in
            if case .statefulSet(let set) = object { return set }
            return nil
        }
        #expect(sets.map(\.metadata.name) == ["demo-insightedge-pu-1", "demo-insightedge-pu-2"])
        #expect(sets.allSatisfy { $0.spec.replicas == 1 })
        let container = try #require(sets.first?.spec.template.spec.containers.first)
        #expect(container.image == "gigaspaces/insightedge-enterprise:15.0.0-m16")
        #expect(container.args.contains("java.heap=limit-150Mi") && container.args.contains("ha=false"))
        #expect(container.env.first { $0.name == "EXT_JAVA_OPTIONS" }?.value == "")
        #expect(container.resources.limits["memory"]?.description == "400Mi")
        #expect(plan.objects(ofKind: "Service").count == 1)
        #expect(Set(plan.diagnostics.filter { $0.rule == "KG003" }.compactMap { $0.path?.description })
            == ["service.port", "enableExternalClient", "spaceName", "memoryXtendVolume.volumeClaimTemplate.persistentVolumeReclaimPolicy"])
        // 15.0's metrics reporter addresses keep their meaning.
        #expect(container.env.first { $0.name == "METRICS_INFLUXDB_IP" }?.value == "127.0.0.1")
        #expect(container.env.first { $0.name == "METRICS_GRAFANA_IP" }?.value == "127.0.0.1")
    }

    /// enableExternalClient=true: a LoadBalancer Service per Space instance on service.port.
    @Test func theSpaceFileWithExternalClientsOpensAServicePerInstance() throws {
        let plan = try Self.plan(.processingUnit, Self.fixture(.processingUnit), set: ["partitions=2", "enableExternalClient=true"])
        let services = plan.objects(ofKind: "Service").compactMap { object -> Service? in
            if case .service(let service) = object { return service }
            return nil
        }
        #expect(services.map(\.metadata.name) == ["demo-insightedge-pu-hs", "demo-insightedge-pu-1-0-service", "demo-insightedge-pu-2-0-service"])
        #expect(services.dropFirst().allSatisfy { $0.spec.type == .loadBalancer && $0.spec.ports.first?.port == 8200 })
    }

    /// From the 15.0 templates: one Management Pod, a client Service with the REST API only
    /// (enableExternalClient false), the headless ports from hs.ports; with
    /// enableExternalClient=true the Lookup Service on node port 30174 and LRMI too.
    @Test(arguments: [false, true])
    func theManagerFileRendersWithIts15Meaning(external: Bool) throws {
        let plan = try Self.plan(.manager, Self.fixture(.manager), set: external ? ["enableExternalClient=true"] : [])
        #expect(plan.diagnostics.errors.isEmpty, "\(plan.diagnostics.errors)")
        let services = plan.objects(ofKind: "Service").compactMap { object -> Service? in
            if case .service(let service) = object { return service }
            return nil
        }
        let client = try #require(services.first { $0.metadata.name == "demo-insightedge-manager-service" })
        let ports = client.spec.ports.map { "\($0.name ?? ""):\($0.port):\($0.nodePort.map(String.init) ?? "-")" }
        #expect(ports == (external ? ["api:8090:-", "lus:30174:30174", "lrmi:8200:-"] : ["api:8090:-"]))
        let headless = try #require(services.first { $0.metadata.name == "demo-insightedge-manager-hs" })
        #expect(headless.spec.ports.map(\.port) == [2181, 2888, 3888, 4174])
    }

    // MARK: - --migrate

    @Test(arguments: [BuiltInChart.processingUnit, .manager])
    func aMigratedFileRendersTheSameAndDrawsNoLegacyWarning(chart: BuiltInChart) throws {
        let legacy = try Self.fixture(chart)
        let migrated = try LegacyValuesMigration(chart: chart).migrate(legacy, file: "v.yaml").text
        let set = chart == .processingUnit ? ["partitions=2"] : []
        let before = try Self.plan(chart, legacy, set: set), after = try Self.plan(chart, migrated, set: set)
        #expect(after.objects == before.objects)
        #expect(!after.diagnostics.contains { $0.rule == "KG003" }, "\(after.diagnostics)")
        // Every comment of the old file is still there.
        let comments = legacy.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("#") }
        for comment in comments {
            #expect(migrated.contains(comment), "lost \(comment)")
        }
        // And migrating again changes nothing.
        #expect(try LegacyValuesMigration(chart: chart).migrate(migrated, file: "v.yaml").text == migrated)
    }

    @Test func migrationEditsOnlyTheLinesOfLegacyKeys() throws {
        let text = """
            # top
            partitions: 2   # two of them
            service:
              type: NodePort # cheaper
              port: 8300 # the LRMI port
              lrmi:
                # remote clients
                enabled: true
            """ + "\n"
        let migrated = try LegacyValuesMigration(chart: .processingUnit).migrate(text, file: "v.yaml").text
        #expect(migrated == """
            # top
            partitions: 2   # two of them
            service:
              type: NodePort # cheaper
              lrmi:
                # remote clients
                enabled: true
                port: 8300 # the LRMI port
            """ + "\n")
    }

    @Test func theDocumentedSpellingIsRenamedInPlace() throws {
        let text = "service:\n  lrmi:\n    InitialNodePort: 31000 # first port\n"
        let migrated = try LegacyValuesMigration(chart: .processingUnit).migrate(text, file: "v.yaml").text
        #expect(migrated == "service:\n  lrmi:\n    initialNodePort: 31000 # first port\n")
    }

    @Test func aFlowMapHoldingALegacyKeyIsWrittenInBlockStyle() throws {
        let migrated = try LegacyValuesMigration(chart: .processingUnit)
            .migrate("partitions: 1\nservice: {type: NodePort, port: 8300} # cheap\n", file: "v.yaml").text
        #expect(migrated == "partitions: 1\n# cheap\nservice:\n  type: NodePort\n  lrmi:\n    port: 8300\n")
    }

    @Test func aFlowDocumentIsRefusedWithThePosition() {
        do {
            _ = try LegacyValuesMigration(chart: .processingUnit).migrate("{service: {port: 8300}}\n", file: "v.yaml")
            Issue.record("migrated a flow document")
        } catch {
            #expect(error.description.hasPrefix("v.yaml:1:12: service.port: cannot migrate a key written in flow style"))
        }
    }

    @Test func conflictsAreRefusedBeforeAnythingIsWritten() {
        do {
            _ = try LegacyValuesMigration(chart: .processingUnit).migrate("service:\n  port: 8300\n  lrmi: {port: 8400}\n", file: "v.yaml")
            Issue.record("migrated a file whose keys disagree")
        } catch {
            #expect(error.description == "v.yaml:2:3: service.port: conflicts with service.lrmi.port (8400); set only service.lrmi.port")
        }
    }
}
