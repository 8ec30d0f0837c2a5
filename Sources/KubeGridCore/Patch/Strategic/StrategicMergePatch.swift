/// Strategic merge patch (`application/strategic-merge-patch+json`) as the API server applies
/// it (k8s.io/apimachinery strategicpatch, merging parallel lists, dropping unmatched nulls):
/// maps merge; a list merges by its merge key where its field's strategy says "merge" and is
/// replaced otherwise; the directives `$patch` (replace, delete, merge),
/// `$deleteFromPrimitiveList/`, `$setElementOrder/` and `$retainKeys` act as kubectl means.
public struct StrategicMergePatch: Sendable {
    public let lookup: any PatchMetaLookup

    public init(lookup: any PatchMetaLookup) {
        self.lookup = lookup
    }

    /// Applies `patch` to `original`, an object of the type named `type`.
    public func apply(_ patch: Values, to original: Values, type: String?) throws(PatchError) -> Values {
        guard case .map(let patchMap) = patch else {
            throw .badRequest("invalid JSON document")
        }
        return .map(try mergeMap(original.mapValue ?? [:], patchMap, type: type))
    }

    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"
    static let setElementOrder = "$setElementOrder/"

    func mergeMap(_ original: Values.Map, _ patch: Values.Map, type: String?) throws(PatchError) -> Values.Map {
        var original = original
        var patch = patch
        if let directive = patch[Self.directive] {
            switch directive {
            case "replace":
                patch.removeValue(forKey: Self.directive)
                return patch
            case "delete":
                return [:]
            default:
                throw .internalError("unknown patch type: \(GoFormat.describe(directive)) in map: \(GoFormat.describe(.map(patch)))")
            }
        }
        try applyRetainKeys(&original, &patch)
        try mergeOrderedLists(&original, &patch, type: type)

        for (patchKey, patchValue) in patch {
            var key = patchKey
            let isDeleteList = patchKey.hasPrefix(Self.deleteFromPrimitiveList)
            if isDeleteList {
                key = String(patchKey.dropFirst(Self.deleteFromPrimitiveList.count))
            } else if patchKey.hasPrefix("$deleteFromPrimitiveList") {
                throw .badRequest("invalid patch format of primitive list")
            }
            if patchValue.isNull {
                original.removeValue(forKey: key)
                continue
            }
            guard let current = original[key], Self.sameKind(current, patchValue) else {
                if !isDeleteList {
                    original[key] = Self.withoutDirectives(JSONMergePatch.prunedOfNulls(patchValue))
                    if original[key]?.isNull == true { original.removeValue(forKey: key) }
                }
                continue
            }
            let meta = lookup.meta(of: key, in: type)
            switch (current, patchValue) {
            case (.map(let currentMap), .map(let patchMap)):
                original[key] = .map(meta.replaces ? patchMap : try mergeMap(currentMap, patchMap, type: meta.type))
            case (.list(let currentList), .list(let patchList)):
                if meta.merges || isDeleteList {
                    original[key] = .list(try mergeList(currentList, patchList, meta: meta, isDeleteList: isDeleteList))
                } else {
                    original[key] = patchValue
                }
            default:
                original[key] = patchValue
            }
        }
        return original
    }

    /// `$retainKeys`: the keys of the original not listed go; the patch may set only those listed.
    private func applyRetainKeys(_ original: inout Values.Map, _ patch: inout Values.Map) throws(PatchError) {
        guard let retain = patch.removeValue(forKey: Self.retainKeys) else { return }
        guard case .list(let listed) = retain else { throw .badRequest("invalid patch format of retainKeys") }
        let kept = Set(listed.compactMap(\.stringValue))
        for (key, value) in patch where !value.isNull && !key.hasPrefix(Self.deleteFromPrimitiveList)
            && !key.hasPrefix(Self.setElementOrder) && !kept.contains(key)
        {
            throw .badRequest("invalid patch format of retainKeys")
        }
        original = original.filter { kept.contains($0.key) }
    }

    static func sameKind(_ left: Values, _ right: Values) -> Bool {
        switch (left, right) {
        case (.map, .map), (.list, .list), (.string, .string), (.bool, .bool): return true
        case (.int, .int), (.int, .float), (.float, .int), (.float, .float): return true
        default: return false
        }
    }

    /// A value taken whole from the patch loses the maps that carry a `$patch` directive.
    static func withoutDirectives(_ value: Values) -> Values {
        switch value {
        case .map(let map):
            if map[directive] != nil { return .null }
            var result = Values.Map()
            for (key, item) in map {
                if case .map(let inner) = item, inner[directive] != nil { continue }
                result[key] = withoutDirectives(item)
            }
            return .map(result)
        case .list(let items):
            return .list(items.compactMap { item in
                if case .map(let inner) = item, inner[directive] != nil { return nil }
                return withoutDirectives(item)
            })
        default:
            return value
        }
    }
}
