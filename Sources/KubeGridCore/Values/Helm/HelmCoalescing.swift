/// Helm v4's coalescing of user values with a chart's defaults (`CoalesceValues`).
///
/// The rules, as Helm applies them:
/// - user values win; where the user and the chart both hold a map, the maps merge;
///   lists and scalars replace;
/// - a user null deletes the chart's default for that key (and leaves a null where the
///   chart has no default, or a null one);
/// - the chart's own null defaults are dropped;
/// - each subchart under `charts/` gets the values under its name, merged over its own
///   defaults, and the parent's `global` map merged into its `global`.
///
/// The work happens on `GoValue` references so that Helm's in-place updates and shared
/// maps (a subchart's global defaults showing up in the parent's `global`, two levels
/// down) come out the same.
public enum HelmCoalescing {
    static let globalKey = "global"

    /// The values a chart's templates see: `user` coalesced with `chart`'s defaults.
    ///
    /// Map keys come in the order of the chart's defaults, then the user's other keys.
    public static func coalesce(_ user: Values, with chart: HelmChart) throws(ValuesError) -> Values {
        let userMap = user.mapValue ?? [:]
        let result = try coalesce(chart, GoMap(copying: userMap), prefix: "", valuePath: "")
        // The key order of the defaults alone; they may not coalesce on their own (a
        // subchart's key holding a scalar the user nulls out), and then the chart's
        // top-level defaults give the order.
        let layout = (try? coalesce(chart, GoMap(), prefix: "", valuePath: "")).map { Values.map($0.frozen) }
        return Values.map(result.frozen).ordered(like: layout ?? chart.values)
    }

    private static func coalesce(
        _ chart: HelmChart, _ dest: GoMap, prefix: String, valuePath: String
    ) throws(ValuesError) -> GoMap {
        coalesceValues(chart, dest, prefix: prefix)
        return try coalesceDependencies(chart, dest, prefix: prefix, valuePath: valuePath)
    }

    private static func coalesceDependencies(
        _ chart: HelmChart, _ dest: GoMap, prefix: String, valuePath: String
    ) throws(ValuesError) -> GoMap {
        for subchart in chart.dependencies {
            let subPath = valuePath.isEmpty ? subchart.name : "\(valuePath).\(subchart.name)"
            let subValues: GoMap
            if let existing = dest[subchart.name] {
                guard case .map(let map) = existing else {
                    throw .subchartValuesNotAMap(path: subPath, found: existing.kindDescription)
                }
                subValues = map
            } else {
                subValues = GoMap()
                dest[subchart.name] = .map(subValues)
            }
            let subPrefix = concatenate(prefix, chart.name)
            coalesceGlobals(into: subValues, from: dest, prefix: subPrefix)
            dest[subchart.name] = .map(try coalesce(subchart, subValues, prefix: subPrefix, valuePath: subPath))
        }
        return dest
    }

    /// Copies the parent's `global` map into a subchart's values, merging map entries.
    private static func coalesceGlobals(into dest: GoMap, from source: GoMap, prefix: String) {
        let destGlobals: GoMap
        switch dest[globalKey] {
        case nil: destGlobals = GoMap()
        case .map(let map)?: destGlobals = map
        default: return  // Helm warns and skips a global that is not a map
        }
        let sourceGlobals: GoMap
        switch source[globalKey] {
        case nil: sourceGlobals = GoMap()
        case .map(let map)?: sourceGlobals = map
        default: return
        }
        for (key, value) in sourceGlobals.entries {
            if case .map(let valueMap) = value {
                // A shallow copy, as in Helm: maps further down stay shared with the parent.
                let copy = valueMap.shallowCopy()
                switch destGlobals[key] {
                case nil:
                    destGlobals[key] = .map(copy)
                case .map(let destMap)?:
                    coalesceTables(copy, destMap, merge: true)
                    destGlobals[key] = .map(copy)
                default:
                    break  // Helm: "cannot merge map onto non-map"
                }
            } else if case .map? = destGlobals[key] {
                continue  // Helm: "key is table. Skipping"
            } else {
                destGlobals[key] = value
            }
        }
        dest[globalKey] = .map(destGlobals)
    }

    /// Merges the chart's defaults into `values`, user entries winning.
    private static func coalesceValues(_ chart: HelmChart, _ values: GoMap, prefix: String) {
        let defaults = GoMap(copying: chart.values.mapValue ?? [:])
        for (key, defaultValue) in defaults.entries {
            guard let userValue = values[key] else {
                // Chart defaults that are null are dropped, also inside maps.
                if defaultValue.isNull { continue }
                if case .map(let map) = defaultValue { removeNulls(map) }
                values[key] = defaultValue
                continue
            }
            if userValue.isNull {
                values.entries.removeValue(forKey: key)
            } else if case .map(let userMap) = userValue, case .map(let defaultMap) = defaultValue {
                // Values for a subchart keep their nulls here: the subchart's own pass uses them.
                let merge = chart.dependencies.contains { $0.name == key }
                if !merge { removeNulls(defaultMap) }
                coalesceTables(userMap, defaultMap, merge: merge)
            }
        }
    }

    /// Merges `source` into `dest`, `dest` winning (Helm's `coalesceTablesFullKey`).
    ///
    /// Unless merging, a null in `dest` deletes a non-null default and stays otherwise.
    private static func coalesceTables(_ dest: GoMap, _ source: GoMap, merge: Bool) {
        let nonNullDefaults = Set(source.entries.filter { !$0.value.isNull }.map(\.key))
        for (key, value) in dest.entries where value.isNull {
            source[key] = .null
        }
        for (key, sourceValue) in source.entries {
            guard let destValue = dest[key] else {
                dest[key] = sourceValue
                continue
            }
            if destValue.isNull {
                if !merge && nonNullDefaults.contains(key) { dest.entries.removeValue(forKey: key) }
                continue
            }
            if case .map(let sourceMap) = sourceValue, case .map(let destMap) = destValue {
                coalesceTables(destMap, sourceMap, merge: merge)
            }
            // Otherwise the user's value stands (Helm warns when a map meets a non-map).
        }
    }

    /// Removes null entries from a map and the maps inside it (Helm's `cleanNilValues`).
    private static func removeNulls(_ map: GoMap) {
        for (key, value) in map.entries {
            switch value {
            case .null: map.entries.removeValue(forKey: key)
            case .map(let inner): removeNulls(inner)
            default: break
            }
        }
    }

    private static func concatenate(_ prefix: String, _ name: String) -> String {
        prefix.isEmpty ? name : "\(prefix).\(name)"
    }
}

extension Values {
    /// The same tree with each map's keys in the order of the matching map in `reference`,
    /// keys missing there following in their own order.
    func ordered(like reference: Values) -> Values {
        switch self {
        case .map(let map):
            let referenceMap = reference.mapValue ?? [:]
            var ordered = Values.Map()
            for key in referenceMap.keys {
                if let value = map[key] { ordered[key] = value.ordered(like: referenceMap[key]!) }
            }
            for (key, value) in map where ordered[key] == nil {
                ordered[key] = value.ordered(like: .null)
            }
            return .map(ordered)
        case .list(let items):
            let referenceItems = reference.listValue ?? []
            return .list(items.enumerated().map { index, item in
                item.ordered(like: index < referenceItems.count ? referenceItems[index] : .null)
            })
        default:
            return self
        }
    }
}
