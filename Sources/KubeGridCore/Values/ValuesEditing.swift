/// Changing a values tree at a path of map keys, for code that rewrites values
/// (the translation of GigaSpaces' legacy keys).
extension Values {
    /// Sets `value` at `keys`, making maps on the way (a non-map in the way is replaced).
    mutating func set(_ value: Values, atKeys keys: ArraySlice<String>) {
        guard let key = keys.first else {
            self = value
            return
        }
        var map = mapValue ?? [:]
        var child = map[key] ?? .emptyMap
        child.set(value, atKeys: keys.dropFirst())
        map[key] = child
        self = .map(map)
    }

    /// Removes and returns the value at `keys`; nil when there is none.
    @discardableResult
    mutating func remove(atKeys keys: ArraySlice<String>) -> Values? {
        guard let key = keys.first, var map = mapValue, var child = map[key] else { return nil }
        if keys.count == 1 {
            map.removeValue(forKey: key)
            self = .map(map)
            return child
        }
        let removed = child.remove(atKeys: keys.dropFirst())
        map[key] = child
        self = .map(map)
        return removed
    }
}
