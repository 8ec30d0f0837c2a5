/// Helm's `MergeMaps`: the deep merge of one values file over the ones before it.
enum HelmMaps {
    /// A new map with `overlay` merged over `base`: where both hold a map the two merge,
    /// anywhere else the overlay's value replaces (a null included).
    static func merge(_ base: GoMap, _ overlay: GoMap) -> GoMap {
        let out = base.shallowCopy()
        for (key, value) in overlay.entries {
            if case .map(let overlayMap) = value, case .map(let baseMap)? = out[key] {
                out[key] = .map(merge(baseMap, overlayMap))
            } else {
                out[key] = value
            }
        }
        return out
    }
}

/// Helm v4's `LoadValues`: a values file is a stream of YAML documents, merged in order.
enum HelmValuesFile {
    /// The merged documents of `bytes`; an empty file or an empty document adds nothing.
    static func read(_ bytes: [UInt8], source: String) throws(ValuesError) -> GoMap {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLReader(source: source).documents(from: bytes)
        } catch {
            throw .badValuesFile(error)
        }
        var values = GoMap()
        for document in documents {
            switch document.root {
            case .map(let map):
                values = HelmMaps.merge(values, GoMap(copying: map))
            case .null:
                continue
            default:
                throw .badValuesFile(.notAMap(source: "\(document.start)", found: document.root.kindDescription))
            }
        }
        return values
    }
}
