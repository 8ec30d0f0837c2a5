/// The charts' rules across keys, in JSON Schema, for `values.schema.json`.
///
/// They mirror `ProcessingUnitValues.ruleDiagnostics` and `ManagerValues.ruleDiagnostics`
/// so that `helm install` rejects what `kubegrid render` rejects; a test renders both
/// ways and compares.
enum CrossFieldRules {
    static let processingUnit = """
        [
          {"description": "partitions and instances cannot be set together",
           "not": {"required": ["partitions", "instances"],
                   "properties": {"partitions": {"type": "integer"}, "instances": {"type": "integer"}}}},
          {"description": "ha needs partitions",
           "if": {"required": ["ha"], "properties": {"ha": {"const": true}}},
           "then": {"required": ["partitions"], "properties": {"partitions": {"type": "integer"}}}},
          {"description": "anti-affinity applies to partitions, not to instances",
           "not": {"required": ["instances", "antiAffinity"],
                   "properties": {"instances": {"type": "integer"},
                                  "antiAffinity": {"required": ["enabled"], "properties": {"enabled": {"const": true}}}}}},
          {"description": "MemoryXtend needs a volume name, a mount path and a storage size",
           "if": {"required": ["memoryXtendVolume"],
                  "properties": {"memoryXtendVolume": {"required": ["enabled"], "properties": {"enabled": {"const": true}}}}},
           "then": {"properties": {"memoryXtendVolume": {
             "required": ["volumeClaimTemplate"],
             "properties": {
               "volumeMount": {"properties": {"name": {"type": "string", "minLength": 1},
                                              "mountPath": {"type": "string", "minLength": 1}}},
               "volumeClaimTemplate": {"required": ["storage"],
                                       "properties": {"storage": {"type": "string", "minLength": 1,
                                                                  "pattern": "\(quantityPattern)"}}}}}}}},
          {"description": "a ClusterIP Service has no node ports",
           "if": {"required": ["service"],
                  "properties": {"service": {"required": ["type"], "properties": {"type": {"const": "ClusterIP"}}}}},
           "then": {"properties": {"service": {"properties": {"lrmi": {"properties": {
             "initialNodePort": {"type": "null"}, "InitialNodePort": {"type": "null"}}}}}}}}
        ]
        """

    /// Kubernetes' quantity syntax, escaped for a JSON string.
    private static let quantityPattern = String(JSONSchemaGenerator.quantityPattern.flatMap { $0 == "\\" ? ["\\", "\\"] : [$0] })

    static let manager = """
        [
          {"description": "a ClusterIP Service has no node ports",
           "if": {"required": ["service"],
                  "properties": {"service": {"required": ["type"], "properties": {"type": {"const": "ClusterIP"}}}}},
           "then": {"properties": {"service": {"properties": {
             "api": {"properties": {"nodePort": {"type": "null"}}},
             "lus": {"properties": {"nodePort": {"type": "null"}}},
             "lrmi": {"properties": {"nodePort": {"type": "null"}}}}}}}}
        ]
        """

    /// `ZeppelinValues.ruleDiagnostics`: a ClusterIP Service has no node port.
    static let zeppelin = """
        [
          {"description": "a ClusterIP Service has no node ports",
           "if": {"required": ["service"],
                  "properties": {"service": {"required": ["type"], "properties": {"type": {"const": "ClusterIP"}}}}},
           "then": {"properties": {"service": {"properties": {
             "api": {"properties": {"nodePort": {"type": "null"}}}}}}}}
        ]
        """

    /// `TenantValues.ruleDiagnostics`: a namespace name, or empty for the release name.
    static let tenant = """
        [
          {"description": "namespace is empty or a DNS-1123 label",
           "properties": {"namespace": {"maxLength": 63, "pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$"}}}
        ]
        """

    /// `SparkValues.ruleDiagnostics` where JSON Schema can say it: a JVM size, and no
    /// `sparkConf` key the chart writes itself.
    static var spark: String {
        let owned = SparkValues.chartOwnedConf.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            [
              {"description": "executor.memory is a JVM size",
               "properties": {"executor": {"properties": {"memory": {"pattern": "^[0-9]+([kKmMgGtTpP][bB]?|[bB])?$"}}}}},
              {"description": "sparkConf does not set what the chart writes",
               "properties": {"sparkConf": {"propertyNames": {"not": {"enum": [\(owned)]}}}}}
            ]
            """
    }

    /// The rules of `chart` as JSON Schema fragments.
    static func rules(for chart: BuiltInChart) -> [Values] {
        let text: String
        switch chart {
        case .manager: text = manager
        case .processingUnit: text = processingUnit
        case .tenant: text = tenant
        case .spark: text = spark
        case .zeppelin: text = zeppelin
        case .umbrella: return []
        }
        // The texts above are fixed and tested; a parse failure is a bug caught by the tests.
        return (try? JSONReader.parse(text))?.listValue ?? []
    }
}
