/// JSON merge patch (RFC 7386) as the Kubernetes API server applies it
/// (`application/merge-patch+json`, evanphx/json-patch's MergePatch).
///
/// A map in the patch merges into the map it replaces, a null deletes a key, anything else
/// replaces what was there. Where the API server's library differs from the RFC it is
/// followed: a patch that is not a map or a list is refused as "Invalid JSON Patch", and a
/// value put where the target had no map has the null keys of its maps dropped, lists'
/// maps included.
public enum JSONMergePatch {
    public static func apply(_ patch: Values, to target: Values) throws(PatchError) -> Values {
        switch patch {
        case .map(let patchMap):
            return .map(merge(patchMap, into: target.mapValue ?? [:]))
        case .list:
            return prunedOfNulls(patch)
        default:
            throw .badRequest("Invalid JSON Patch")
        }
    }

    private static func merge(_ patch: Values.Map, into target: Values.Map) -> Values.Map {
        var result = target
        for (key, value) in patch {
            switch (value, result[key]) {
            case (.null, _):
                result.removeValue(forKey: key)
            case (.map(let patchMap), .map(let targetMap)?):
                result[key] = .map(merge(patchMap, into: targetMap))
            case (_, .map?):
                // The library returns a non-map patch over a map as it is, nulls and all.
                result[key] = value
            default:
                result[key] = prunedOfNulls(value)
            }
        }
        return result
    }

    /// Drops null map keys everywhere under `value`; lists keep their nulls.
    static func prunedOfNulls(_ value: Values) -> Values {
        switch value {
        case .map(let map):
            return .map(map.filter { !$0.value.isNull }.mapValues(prunedOfNulls))
        case .list(let items):
            return .list(items.map(prunedOfNulls))
        default:
            return value
        }
    }
}
