import OrderedCollections

extension OrderedDictionary {
    /// The index of `key`, looked for first at `hint` (where it was last found), which is
    /// updated: comparing a key once is much cheaper than hashing it.
    func index(forKey key: Key, hint: inout Int) -> Int? {
        if keys.indices.contains(hint) && keys[hint] == key { return hint }
        let found = index(forKey: key)
        hint = found ?? -1
        return found
    }
}
