/// How strategic merge patch merges two lists of a "merge" field, and orders the result:
/// items named in the patch keep the patch's order, the server's other items keep theirs,
/// and the two are interleaved where the server's order puts a server item first.
extension StrategicMergePatch {
    func mergeList(_ original: [Values], _ patch: [Values], meta: PatchFieldMeta, isDeleteList: Bool)
        throws(PatchError) -> [Values]
    {
        if original.isEmpty && patch.isEmpty { return original }
        let itemsAreMaps = try Self.itemsAreMaps(original + patch)
        var merged: [Values]
        var original = original
        var patch = patch
        if !itemsAreMaps {
            if isDeleteList { return original.filter { item in !patch.contains { $0.jsonEquals(item) } } }
            merged = Self.deduplicated(original + patch)
        } else {
            guard let mergeKey = meta.mergeKey else {
                throw .internalError("cannot merge lists without merge key for \(meta.type ?? "")")
            }
            (original, patch) = try Self.applySpecialItems(original, patch, mergeKey: mergeKey)
            merged = try mergeItems(original, patch, mergeKey: mergeKey, itemType: meta.type)
        }
        let (patchItems, serverOnly) = try Self.partition(merged, by: patch, mergeKey: itemsAreMaps ? meta.mergeKey : nil)
        return try Self.ordered(patchItems, serverOnly, patchOrder: patch, serverOrder: original,
                                mergeKey: itemsAreMaps ? meta.mergeKey : nil)
    }

    /// `$setElementOrder/KEY`: merges KEY's lists, then orders them as the directive lists.
    func mergeOrderedLists(_ original: inout Values.Map, _ patch: inout Values.Map, type: String?) throws(PatchError) {
        for directiveKey in patch.keys where directiveKey.hasPrefix("$setElementOrder") {
            guard directiveKey.hasPrefix(Self.setElementOrder) else {
                throw .badRequest("invalid patch format of setElementOrder list")
            }
            let order = patch.removeValue(forKey: directiveKey)
            guard case .list(let orderList)? = order else {
                throw .internalError("expected a []interface {}, but received a \(Self.goTypeName(order ?? .null))")
            }
            let key = String(directiveKey.dropFirst(Self.setElementOrder.count))
            let meta = lookup.meta(of: key, in: type)
            let originalList = original[key]?.listValue
            let patchList = patch[key]?.listValue
            if original[key] != nil && originalList == nil || patch[key] != nil && patchList == nil {
                throw .internalError("expected a []interface {}, but received a \(Self.goTypeName(original[key] ?? patch[key]!))")
            }
            try Self.validate(patchList ?? [], against: orderList, mergeKey: meta.mergeKey)
            let merged: [Values]
            switch (originalList, patchList) {
            case (let originalList?, nil):
                merged = originalList
            case (nil, let patchList?):
                merged = Self.withoutDirectives(.list(patchList)).listValue ?? []
            case (let originalList?, let patchList?):
                merged = meta.merges
                    ? try mergeList(originalList, patchList, meta: meta, isDeleteList: false) : patchList
            case (nil, nil):
                continue
            }
            let mapsKey = try Self.itemsAreMaps((originalList ?? []) + (patchList ?? [])) ? meta.mergeKey : nil
            let (patchItems, serverOnly) = try Self.partition(merged, by: orderList, mergeKey: mapsKey)
            original[key] = .list(try Self.ordered(patchItems, serverOnly, patchOrder: orderList,
                                                   serverOrder: originalList ?? [], mergeKey: mapsKey))
            patch.removeValue(forKey: key)
        }
    }

    /// Items with `$patch`: delete drops the server's items of that merge key, replace makes
    /// the patch's other items the whole list.
    static func applySpecialItems(_ original: [Values], _ patch: [Values], mergeKey: String)
        throws(PatchError) -> (original: [Values], patch: [Values])
    {
        var original = original
        var plain: [Values] = []
        var replace = false
        for item in patch {
            guard let directive = item[directive] else {
                plain.append(item)
                continue
            }
            switch directive {
            case "delete":
                guard let value = item[mergeKey] else {
                    throw .internalError("map: \(GoFormat.describe(item)) does not contain declared merge key: \(mergeKey)")
                }
                original.removeAll { $0[mergeKey]?.jsonEquals(value) == true }
            case "replace":
                replace = true
            case "merge":
                throw .internalError("merging lists cannot yet be specified in the patch")
            default:
                throw .internalError("unknown patch type: \(GoFormat.describe(directive)) in map: \(GoFormat.describe(item))")
            }
        }
        return replace ? (plain, []) : (original, plain)
    }

    /// Patch items merge into the server's item of the same merge key, or are appended.
    private func mergeItems(_ original: [Values], _ patch: [Values], mergeKey: String, itemType: String?)
        throws(PatchError) -> [Values]
    {
        var result = original
        for item in patch {
            guard let patchMap = item.mapValue, let value = patchMap[mergeKey] else {
                throw .internalError("map: \(GoFormat.describe(item)) does not contain declared merge key: \(mergeKey)")
            }
            if let index = result.firstIndex(where: { $0[mergeKey]?.jsonEquals(value) == true }) {
                result[index] = .map(try mergeMap(result[index].mapValue ?? [:], patchMap, type: itemType))
            } else {
                result.append(item)
            }
        }
        return result
    }

    static func itemsAreMaps(_ items: [Values]) throws(PatchError) -> Bool {
        guard let first = items.first else { return false }
        for item in items {
            if case .list = item { throw .unprocessable("lists of lists are not supported") }
            if !sameKind(first, item) {
                throw .internalError("types of list elements need to be the same, type: \(goTypeName(first)): \(GoFormat.describe(.list(items)))")
            }
        }
        return first.mapValue != nil
    }

    static func deduplicated(_ items: [Values]) -> [Values] {
        var result: [Values] = []
        for item in items where !result.contains(where: { $0.jsonEquals(item) }) {
            result.append(item)
        }
        return result
    }

    /// The merged items named in `list` (by merge key for maps), and the others.
    static func partition(_ merged: [Values], by list: [Values], mergeKey: String?)
        throws(PatchError) -> (named: [Values], others: [Values])
    {
        var named: [Values] = []
        var others: [Values] = []
        for item in merged {
            let found = try position(of: item, in: list, mergeKey: mergeKey) != nil
            if found { named.append(item) } else { others.append(item) }
        }
        return (named, others)
    }

    static func position(of item: Values, in list: [Values], mergeKey: String?) throws(PatchError) -> Int? {
        guard let mergeKey else { return list.firstIndex { $0.jsonEquals(item) } }
        guard let value = item[mergeKey] else {
            throw .internalError("map: \(GoFormat.describe(item)) does not contain declared merge key: \(mergeKey)")
        }
        return list.firstIndex { $0[mergeKey]?.jsonEquals(value) == true }
    }

    /// Sorts each part by its own order, then interleaves them by the server's order.
    static func ordered(_ patchItems: [Values], _ serverOnly: [Values], patchOrder: [Values], serverOrder: [Values],
                        mergeKey: String?) throws(PatchError) -> [Values]
    {
        let patchSorted = try sorted(patchItems, by: patchOrder, mergeKey: mergeKey)
        let serverSorted = try sorted(serverOnly, by: serverOrder, mergeKey: mergeKey)
        var result: [Values] = []
        var left = serverSorted[...]
        var right = patchSorted[...]
        while let server = left.first, let patched = right.first {
            let serverIndex = try position(of: server, in: serverOrder, mergeKey: mergeKey)
            let patchIndex = try position(of: patched, in: serverOrder, mergeKey: mergeKey)
            if let serverIndex, let patchIndex, serverIndex < patchIndex {
                result.append(server)
                left = left.dropFirst()
            } else {
                result.append(patched)
                right = right.dropFirst()
            }
        }
        return result + left + right
    }

    private static func sorted(_ items: [Values], by order: [Values], mergeKey: String?) throws(PatchError) -> [Values] {
        var keyed: [(index: Int, offset: Int, item: Values)] = []
        var deleted: [Values] = []
        for (offset, item) in items.enumerated() {
            if mergeKey != nil, item[directive] == "delete" {
                deleted.append(item)
                continue
            }
            keyed.append((try position(of: item, in: order, mergeKey: mergeKey) ?? Int.max, offset, item))
        }
        return keyed.sorted { ($0.index, $0.offset) < ($1.index, $1.offset) }.map(\.item) + deleted
    }

    /// The patch list's items must come in the `$setElementOrder` list's order.
    static func validate(_ patchList: [Values], against order: [Values], mergeKey: String?) throws(PatchError) {
        let items = patchList.filter { $0[directive] == nil }
        guard !items.isEmpty, !order.isEmpty else { return }
        var patchIndex = 0
        var orderIndex = 0
        while patchIndex < items.count && orderIndex < order.count {
            let same: Bool
            if let mergeKey {
                guard let left = items[patchIndex][mergeKey] else {
                    throw .internalError("map: \(GoFormat.describe(items[patchIndex])) does not contain declared merge key: \(mergeKey)")
                }
                guard let right = order[orderIndex][mergeKey] else {
                    throw .internalError("map: \(GoFormat.describe(order[orderIndex])) does not contain declared merge key: \(mergeKey)")
                }
                same = left.jsonEquals(right)
            } else {
                same = items[patchIndex].jsonEquals(order[orderIndex])
            }
            if same { patchIndex += 1 }
            orderIndex += 1
        }
        if patchIndex < items.count {
            throw .internalError(
                "The order in patch list:\n\(GoFormat.describe(.list(patchList)))\n doesn't match $setElementOrder list:\n\(GoFormat.describe(.list(order)))")
        }
    }

    static func goTypeName(_ value: Values) -> String {
        switch value {
        case .map: return "map[string]interface {}"
        case .list: return "[]interface {}"
        case .string: return "string"
        case .int, .float: return "float64"
        case .bool: return "bool"
        case .null: return "<nil>"
        }
    }
}
