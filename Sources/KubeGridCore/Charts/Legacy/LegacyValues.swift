/// Turns the keys of GigaSpaces' own charts in a user's values into kubegrid's keys,
/// before the values meet the chart's defaults (so a key the user wrote twice, old and
/// new, can be told from a default).
public enum LegacyValues {
    /// The user's values with every legacy key of `chart` translated or removed, and a
    /// KG003 warning for each (an error where an old and a current key disagree).
    public static func translate(_ user: Values, for chart: BuiltInChart) -> (values: Values, diagnostics: [Diagnostic]) {
        var values = user
        var diagnostics: [Diagnostic] = []
        for (prefix, subchart) in placements(of: chart) {
            translate(&values, prefix: prefix, chart: subchart, &diagnostics)
        }
        return (values, diagnostics)
    }

    /// Where each modelled chart's keys sit: the chart's root, or the umbrella's aliases.
    static func placements(of chart: BuiltInChart) -> [(prefix: [String], chart: BuiltInChart)] {
        chart == .umbrella ? [([], .umbrella), (["manager"], .manager), (["pu"], .processingUnit)] : [([], chart)]
    }

    private static func translate(_ values: inout Values, prefix: [String], chart: BuiltInChart, _ diagnostics: inout [Diagnostic]) {
        for entry in LegacyKeys.entries(for: chart) {
            let keys = prefix + entry.keys
            guard let value = values.value(at: keys), entry.applies(value) else { continue }
            let chartValues = values.value(at: prefix) ?? .emptyMap
            let path = ValuePath(keys: keys)
            var writes: [(path: String, value: Values)] = []
            let message: String
            switch entry.change {
            case .movedTo(let target):
                writes = [(target, value)]
                message = "is the GigaSpaces \(entry.documented) spelling of \(target); write \(target) instead (kubegrid values --migrate rewrites the file)"
            case .translated(let meaning, let rule):
                writes = rule(value, chartValues, chart.defaults)
                let reading = writes.isEmpty
                    ? "it sets nothing here; remove it"
                    : "kubegrid reads it as " + writes.map { "\($0.path)=\(text(of: $0.value))" }.joined(separator: ", ") + "; write that instead"
                message = "is a GigaSpaces \(entry.documented) key (\(meaning)); \(reading) (kubegrid values --migrate rewrites the file)"
            case .dropped(let advice):
                message = "is a GigaSpaces \(entry.documented) key kubegrid does not read: \(advice); remove it (kubegrid values --migrate does)"
            }
            diagnostics.append(Diagnostic(.warning, rule: "KG003", path: path, message))
            values.remove(atKeys: keys[...])
            pruneEmptyMaps(&values, above: keys)
            for write in writes {
                let written = write.path.split(separator: ".").map(String.init)
                let target = prefix + written
                // A write to a group holding the old key (nodeSelector for nodeSelector.enabled) replaces it.
                let replacesItsOwnGroup = keys.starts(with: target)
                // The current key holding neither its default nor the old key's value was set
                // apart from it: a conflict. (The Helm templates can tell only this much.)
                let standing = [chart.defaults.value(at: written) ?? .null, write.value].map(LegacyKeys.integral)
                if !replacesItsOwnGroup, let existing = values.value(at: target), existing != .null,
                    !standing.contains(LegacyKeys.integral(existing))
                {
                    diagnostics.append(Diagnostic(
                        .error, rule: "KG001", path: path,
                        "conflicts with \(ValuePath(keys: target)) (\(text(of: existing))); set only \(ValuePath(keys: target))"))
                    continue
                }
                values.set(write.value, atKeys: target[...])
            }
        }
    }

    /// Removes the maps a removal left empty, from the innermost out.
    private static func pruneEmptyMaps(_ values: inout Values, above keys: [String]) {
        var parent = Array(keys.dropLast())
        while !parent.isEmpty, values.value(at: parent) == .emptyMap {
            values.remove(atKeys: parent[...])
            parent.removeLast()
        }
    }

    /// A value as a `--set` would write it.
    static func text(of value: Values) -> String {
        switch value {
        case .string(let text): return text
        case .null: return "null"
        case .map, .list: return (try? JSONWriter.write(value, style: .compact)) ?? ""
        default: return (try? JSONWriter.write(value, style: .compact)) ?? ""
        }
    }
}
