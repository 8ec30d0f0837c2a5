/// The strategic merge patch `kubectl apply` computes and sends (strategicpatch's
/// CreateThreeWayMergePatch): from the configuration applied last time (the
/// last-applied-configuration annotation), the configuration applied now, and the live
/// object. What the new configuration changes or adds relative to the live object is set;
/// what the last configuration had and the new one dropped is deleted (`null`,
/// `$patch: delete`, `$deleteFromPrimitiveList/`); what only the server set is left alone;
/// `$setElementOrder/` keeps merged lists in the configuration's order and `$retainKeys`
/// clears a retainKeys field's other members. Applying the same configuration again gives
/// an empty patch.
public struct ThreeWayMergePatch: Sendable {
    public let lookup: any PatchMetaLookup

    public init(lookup: any PatchMetaLookup) {
        self.lookup = lookup
    }

    public func patch(lastApplied: Values?, modified: Values, current: Values, type: String?) -> Values {
        let delta = diff(current.mapValue ?? [:], modified.mapValue ?? [:], type: type, keepDeletions: false, keepChanges: true)
        let deletions = diff(lastApplied?.mapValue ?? [:], modified.mapValue ?? [:], type: type, keepDeletions: true, keepChanges: false)
        return .map(union(deletions, delta, type: type))
    }

    /// The patch from `from` to `to`, keeping only deletions or only changes and additions.
    func diff(_ from: Values.Map, _ to: Values.Map, type: String?, keepDeletions: Bool, keepChanges: Bool) -> Values.Map {
        var patch = Values.Map()
        for (key, toValue) in to {
            let meta = lookup.meta(of: key, in: type)
            guard let fromValue = from[key], StrategicMergePatch.sameKind(fromValue, toValue) else {
                if keepChanges { patch[key] = toValue }
                continue
            }
            switch (fromValue, toValue) {
            case (.map(let fromMap), .map(let toMap)):
                if meta.replaces {
                    if keepChanges && !fromValue.jsonEquals(toValue) { patch[key] = toValue }
                    continue
                }
                var inner = diff(fromMap, toMap, type: meta.type, keepDeletions: keepDeletions, keepChanges: keepChanges)
                if !inner.isEmpty && meta.strategies.contains("retainKeys") {
                    inner[StrategicMergePatch.retainKeys] = .list(toMap.keys.sorted().map(Values.string))
                }
                if !inner.isEmpty { patch[key] = .map(inner) }
            case (.list(let fromList), .list(let toList)):
                guard meta.merges else {
                    if keepChanges && !fromValue.jsonEquals(toValue) { patch[key] = toValue }
                    continue
                }
                diffList(fromList, toList, key: key, meta: meta, keepDeletions: keepDeletions, keepChanges: keepChanges, into: &patch)
            default:
                if keepChanges && !fromValue.jsonEquals(toValue) { patch[key] = toValue }
            }
        }
        if keepDeletions {
            for key in from.keys where to[key] == nil { patch[key] = .null }
        }
        return patch
    }

    private func diffList(_ from: [Values], _ to: [Values], key: String, meta: PatchFieldMeta,
                          keepDeletions: Bool, keepChanges: Bool, into patch: inout Values.Map)
    {
        var changes: [Values] = []
        var deletions: [Values] = []
        let mergeKey = meta.mergeKey
        let itemsAreMaps = (from.first ?? to.first)?.mapValue != nil
        if itemsAreMaps, let mergeKey {
            for item in to {
                guard let value = item[mergeKey] else { continue }
                if let old = from.first(where: { $0[mergeKey]?.jsonEquals(value) == true }) {
                    var inner = diff(old.mapValue ?? [:], item.mapValue ?? [:], type: meta.type,
                                     keepDeletions: keepDeletions, keepChanges: keepChanges)
                    if !inner.isEmpty {
                        inner[mergeKey] = value
                        changes.append(.map(inner))
                    }
                } else if keepChanges {
                    changes.append(item)
                }
            }
            if keepDeletions {
                for item in from {
                    guard let value = item[mergeKey], !to.contains(where: { $0[mergeKey]?.jsonEquals(value) == true }) else { continue }
                    deletions.append([mergeKey: value, StrategicMergePatch.directive: "delete"])
                }
            }
            if !changes.isEmpty || !deletions.isEmpty { patch[key] = .list(changes + deletions) }
        } else {
            if keepChanges {
                changes = to.filter { item in !from.contains { $0.jsonEquals(item) } }
                if !changes.isEmpty { patch[key] = .list(changes) }
            }
            if keepDeletions {
                deletions = from.filter { item in !to.contains { $0.jsonEquals(item) } }
                if !deletions.isEmpty { patch[StrategicMergePatch.deleteFromPrimitiveList + key] = .list(deletions) }
            }
        }
        // The configuration's order: for maps when the patch list has items or the order of
        // the merge keys changed; for scalars when anything was deleted or the lists differ.
        let orderChanged: Bool
        if itemsAreMaps, let mergeKey {
            orderChanged = from.count != to.count
                || zip(from, to).contains { !($0[mergeKey] ?? .null).jsonEquals($1[mergeKey] ?? .null) }
        } else {
            orderChanged = !Values.list(from).jsonEquals(.list(to))
        }
        let listChanged = itemsAreMaps && mergeKey != nil
            ? !changes.isEmpty || !deletions.isEmpty || keepChanges && orderChanged
            : !deletions.isEmpty || keepChanges && orderChanged
        if listChanged {
            let order = itemsAreMaps && mergeKey != nil
                ? to.compactMap { item in item[mergeKey!].map { Values.map([mergeKey!: $0]) } } : to
            patch[StrategicMergePatch.setElementOrder + key] = .list(order)
        }
    }

    /// Two patches in one: maps merge, the items of merged lists join by merge key, the
    /// changes' other values win.
    func union(_ base: Values.Map, _ over: Values.Map, type: String?) -> Values.Map {
        var result = base
        for (key, value) in over {
            let meta = lookup.meta(of: key, in: type)
            switch (result[key], value) {
            case (.map(let left)?, .map(let right)):
                result[key] = .map(union(left, right, type: meta.type))
            case (.list(let left)?, .list(let right)) where meta.merges && meta.mergeKey != nil:
                let mergeKey = meta.mergeKey!
                var items = left
                for item in right {
                    if let value = item[mergeKey], let index = items.firstIndex(where: {
                        $0[mergeKey]?.jsonEquals(value) == true && $0[StrategicMergePatch.directive] == nil
                    }), let leftMap = items[index].mapValue, let rightMap = item.mapValue {
                        items[index] = .map(union(leftMap, rightMap, type: meta.type))
                    } else {
                        items.append(item)
                    }
                }
                result[key] = .list(items)
            default:
                result[key] = value
            }
        }
        // As kubectl sends them: the configuration's order, deletions last.
        for (key, value) in result {
            guard case .list(let items) = value, let mergeKey = lookup.meta(of: key, in: type).mergeKey,
                case .list(let order)? = result[StrategicMergePatch.setElementOrder + key] else { continue }
            let deleted = items.filter { $0[StrategicMergePatch.directive] != nil }
            let kept = items.filter { $0[StrategicMergePatch.directive] == nil }.enumerated().sorted { left, right in
                let leftIndex = order.firstIndex { $0[mergeKey]?.jsonEquals(left.element[mergeKey] ?? .null) == true } ?? Int.max
                let rightIndex = order.firstIndex { $0[mergeKey]?.jsonEquals(right.element[mergeKey] ?? .null) == true } ?? Int.max
                return (leftIndex, left.offset) < (rightIndex, right.offset)
            }.map(\.element)
            result[key] = .list(kept + deleted)
        }
        return result
    }
}

/// kubectl's `kubectl.kubernetes.io/last-applied-configuration` annotation.
public enum LastAppliedConfiguration {
    public static let annotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// The configuration recorded on `object`, or nil when it has none (or not JSON).
    public static func read(from object: Values) -> Values? {
        guard let text = object.value(at: ["metadata", "annotations", annotation])?.stringValue else { return nil }
        return try? JSONReader.parse(text, source: annotation)
    }

    /// `configuration` with the annotation holding itself (without the annotation), as
    /// kubectl sends it: compact JSON and a newline.
    public static func annotated(_ configuration: Values) throws(JSONError) -> Values {
        guard case .map(var object) = configuration else { return configuration }
        var metadata = object["metadata"]?.mapValue ?? [:]
        var annotations = metadata["annotations"]?.mapValue ?? [:]
        annotations.removeValue(forKey: annotation)
        if annotations.isEmpty { metadata.removeValue(forKey: "annotations") } else { metadata["annotations"] = .map(annotations) }
        object["metadata"] = .map(metadata)
        let recorded = try JSONWriter.write(.map(object), style: .compact) + "\n"
        annotations[annotation] = .string(recorded)
        metadata["annotations"] = .map(annotations)
        object["metadata"] = .map(metadata)
        return .map(object)
    }
}
