/// What the chart README template is given: the chart and a row per value.
struct ChartReadme {
    let chart: BuiltInChart

    init(_ chart: BuiltInChart) {
        self.chart = chart
    }

    var context: [String: Any] {
        [
            "name": chart.metadata.name,
            "description": chart.metadata.description,
            "version": chart.metadata.version,
            "appVersion": chart.metadata.appVersion,
            "isUmbrella": chart == .umbrella,
            "isSpark": chart == .spark,
            "values": rows(chart.schema.fields, prefix: ""),
            "legacy": legacyRows,
        ]
    }

    /// One row per key of GigaSpaces' own charts (`LegacyKeys`), with what kubegrid makes of it.
    private var legacyRows: [[String: String]] {
        LegacyValues.placements(of: chart).flatMap { prefix, subchart in
            LegacyKeys.entries(for: subchart).map { entry -> [String: String] in
                let inKubegrid: String
                switch entry.change {
                case .movedTo(let target): inKubegrid = "read as `\((prefix + [target]).joined(separator: "."))`"
                case .translated(let meaning, _): inKubegrid = "read with its old meaning: \(meaning)"
                case .dropped(let advice): inKubegrid = "ignored with a warning: \(advice)"
                }
                return ["key": (prefix + [entry.path]).joined(separator: "."), "documented": entry.documented, "inKubegrid": inKubegrid]
            }
        }
    }

    /// One row per leaf key, dotted, in declaration order.
    private func rows(_ fields: [ValueField], prefix: String) -> [[String: String]] {
        fields.flatMap { field -> [[String: String]] in
            let key = prefix + field.key
            if case .object(let children) = field.type {
                return rows(children, prefix: key + ".")
            }
            var notes = field.summary
            if !field.deprecatedAliases.isEmpty {
                notes += " Also accepted, deprecated: " + field.deprecatedAliases.map { "`\(prefix)\($0)`" }.joined(separator: ", ") + "."
            }
            return [[
                "key": key,
                "type": typeText(field),
                "default": defaultText(field.defaultValue),
                "description": notes,
            ]]
        }
    }

    private func typeText(_ field: ValueField) -> String {
        let base: String
        switch field.type {
        case .boolean: base = "boolean"
        case .integer(let range?): base = "integer \(range.lowerBound)–\(range.upperBound)"
        case .integer(nil): base = "integer"
        case .string: base = "string"
        case .enumeration(let allowed): base = allowed.joined(separator: " \\| ")
        case .stringMap: base = "map of strings"
        case .quantityMap: base = "map of quantities"
        case .stringList: base = "list of strings"
        case .object: base = "map"
        }
        return field.nullable ? base + " or null" : base
    }

    private func defaultText(_ value: Values) -> String {
        let json = (try? JSONWriter.write(value, style: .compact)) ?? ""
        return "`\(json.replacing("|", with: "\\|"))`"
    }
}
