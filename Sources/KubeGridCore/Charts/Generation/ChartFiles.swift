import Mustache

/// The files `kubegrid chart generate` writes for each built-in chart, from its typed model.
public enum ChartFiles {
    /// One generated file, its path relative to the charts folder.
    public struct File: Sendable, Hashable {
        public var path: String
        public var contents: String
    }

    /// What can go wrong generating.
    public enum Failure: Error, CustomStringConvertible {
        /// The README template is missing or does not parse.
        case badTemplate(String)

        public var description: String {
            switch self {
            case .badTemplate(let reason): "cannot use the chart README template: \(reason)"
            }
        }
    }

    /// Every generated file of every built-in chart, in a fixed order.
    ///
    /// `readmeTemplate` is the Mustache text of `templates/chart-readme.md.mustache`.
    public static func all(readmeTemplate: String) throws -> [File] {
        let template = try parse(readmeTemplate)
        return try BuiltInChart.allCases.flatMap { try files(for: $0, readme: template) }
    }

    /// The generated files of one chart, their paths relative to the charts folder.
    public static func files(for chart: BuiltInChart, readmeTemplate: String) throws -> [File] {
        try files(for: chart, readme: try parse(readmeTemplate))
    }

    private static func parse(_ readmeTemplate: String) throws(Failure) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: readmeTemplate)
        } catch {
            throw .badTemplate("\(error)")
        }
    }

    private static func files(for chart: BuiltInChart, readme template: MustacheTemplate) throws -> [File] {
        let name = chart.metadata.name
        var files = [
            File(path: "\(name)/Chart.yaml", contents: try chartYAML(chart)),
            File(path: "\(name)/values.yaml", contents: try valuesYAML(chart)),
            File(path: "\(name)/values.schema.json", contents: try JSONWriter.write(jsonSchema(chart))),
            File(path: "\(name)/README.md", contents: template.render(ChartReadme(chart).context)),
        ]
        // The umbrella's subcharts carry their own; Helm fills the umbrella's from theirs.
        if chart != .umbrella {
            files.append(File(path: "\(name)/templates/_defaults.tpl", contents: try defaultsTemplate(chart)))
        }
        return files
    }

    /// `templates/_defaults.tpl`: the chart's defaults as JSON in a named template, which
    /// the hand-written `<chart>.applyDefaults` puts back where a user's null made Helm
    /// drop a key, so Helm too reads an unset key as its default. The maps of free keys
    /// (`nodeSelector`, `resources.limits`) are listed apart: a null entry in them removes
    /// that entry, Helm's way to drop a default such as the memory limit.
    static func defaultsTemplate(_ chart: BuiltInChart) throws -> String {
        let name = chart.metadata.name
        return "{{- /* " + generatedHeader("").dropFirst().dropLast() + " */ -}}\n"
            + "{{- define \"\(name).defaults\" -}}\n"
            + (try JSONWriter.write(chart.defaults))
            + "{{- end -}}\n\n"
            + "{{- define \"\(name).freeMaps\" -}}\n"
            + (try JSONWriter.write(.list(freeMapPaths(chart.schema.fields, under: "").map(Values.string))))
            + "{{- end -}}\n"
    }

    private static func freeMapPaths(_ fields: [ValueField], under prefix: String) -> [String] {
        fields.flatMap { field -> [String] in
            switch field.type {
            case .stringMap, .quantityMap: return [prefix + field.key]
            case .object(let inner): return freeMapPaths(inner, under: prefix + field.key + ".")
            default: return []
            }
        }
    }

    static func chartYAML(_ chart: BuiltInChart) throws -> String {
        var document = chart.metadata.chartFile.mapValue ?? [:]
        if chart == .umbrella {
            document["dependencies"] = .list([
                dependency(ManagerChart.metadata, alias: "manager"),
                dependency(ProcessingUnitChart.metadata, alias: "pu"),
                dependency(ZeppelinChart.metadata, alias: "zeppelin", condition: "zeppelin.enabled"),
            ])
        }
        return generatedHeader("#") + (try YAMLWriter().document(.map(document)))
    }

    private static func dependency(_ metadata: ChartMetadata, alias: String, condition: String? = nil) -> Values {
        var entry: Values.Map = [
            "name": .string(metadata.name),
            "version": .string(metadata.version),
            "repository": .string("file://../\(metadata.name)"),
            "alias": .string(alias),
        ]
        // Helm renders the subchart only when the umbrella's value at `condition` is true.
        if let condition { entry["condition"] = .string(condition) }
        return .map(entry)
    }

    /// `values.yaml`: every top-level key with its one-line summary as a comment.
    static func valuesYAML(_ chart: BuiltInChart) throws -> String {
        var text = generatedHeader("#")
        for field in chart.schema.fields {
            text += "\n# \(field.summary)\n"
            text += try YAMLWriter().document([field.key: field.defaultValue])
        }
        return text
    }

    static func jsonSchema(_ chart: BuiltInChart) -> Values {
        let title = "Values of the \(chart.metadata.name) chart"
        guard chart == .umbrella else {
            let schema = JSONSchemaGenerator.schema(for: chart.schema, title: title, rules: CrossFieldRules.rules(for: chart))
            return acceptingLegacyKeys(schema, of: chart, under: [])
        }
        var schema = JSONSchemaGenerator.schema(for: chart.schema, title: title, rules: []).mapValue ?? [:]
        var properties = schema["properties"]?.mapValue ?? [:]
        for (key, subchart) in [("manager", BuiltInChart.manager), ("pu", .processingUnit), ("zeppelin", .zeppelin)] {
            var property = properties[key]?.mapValue ?? [:]
            property["allOf"] = .list(CrossFieldRules.rules(for: subchart))
            properties[key] = .map(property)
        }
        schema["properties"] = .map(properties)
        return LegacyValues.placements(of: .umbrella).reduce(.map(schema)) { schema, placement in
            acceptingLegacyKeys(schema, of: placement.chart, under: placement.prefix)
        }
    }

    /// The schema with GigaSpaces' legacy keys accepted where it would refuse them: inside
    /// maps of free keys (15.2's `nodeSelector.enabled` is no node label). Elsewhere
    /// unknown keys pass already, and render warns about them (KG003).
    private static func acceptingLegacyKeys(_ schema: Values, of chart: BuiltInChart, under prefix: [String]) -> Values {
        var schema = schema
        for entry in LegacyKeys.entries(for: chart) {
            let keys = prefix + entry.keys
            var pointer: [String] = []
            for key in keys.dropLast() { pointer += ["properties", key] }
            guard case .map(var parent)? = schema.value(at: pointer), parent["additionalProperties"] != nil else { continue }
            var properties = parent["properties"]?.mapValue ?? [:]
            properties[keys.last!] = [
                "deprecated": true,
                "description": .string("GigaSpaces \(entry.documented) key; kubegrid reads it as its LegacyKeys table says."),
            ]
            parent["properties"] = .map(properties)
            schema.set(.map(parent), atKeys: pointer[...])
        }
        return schema
    }

    private static func generatedHeader(_ comment: String) -> String {
        "\(comment) Generated by `kubegrid chart generate` from kubegrid's typed chart models; do not edit.\n"
    }
}
