/// The keys of one kind's objects in creation order, which is uid order since uids only
/// grow: a list can start after any object and read just its page, with no copy or sort
/// of the rest. A removed object leaves a gap, closed in bulk once gaps outnumber the
/// objects, so a removal shifts no later key.
struct CreationOrder: Sendable {
    private var uids: [UID] = []
    /// nil where an object was removed.
    private var keys: [ObjectKey?] = []
    private var gaps = 0

    /// Records a new object: its uid is above every uid recorded before.
    mutating func append(_ key: ObjectKey, uid: UID) {
        uids.append(uid)
        keys.append(key)
    }

    mutating func remove(_ uid: UID) {
        let index = firstIndex(above: uid) - 1
        guard index >= 0, uids[index] == uid, keys[index] != nil else { return }
        keys[index] = nil
        gaps += 1
        if gaps > uids.count - gaps { closeGaps() }
    }

    /// The keys of the objects created after `uid` (all when nil), oldest first.
    func keys(after uid: UID?) -> some Sequence<ObjectKey> {
        keys[(uid.map(firstIndex(above:)) ?? 0)...].lazy.compactMap { $0 }
    }

    /// The index of the first uid above `uid` (binary search).
    private func firstIndex(above uid: UID) -> Int {
        var low = 0, high = uids.count
        while low < high {
            let middle = (low + high) / 2
            if uids[middle] <= uid { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func closeGaps() {
        var kept = 0
        for index in keys.indices where keys[index] != nil {
            uids[kept] = uids[index]
            keys[kept] = keys[index]
            kept += 1
        }
        uids.removeLast(uids.count - kept)
        keys.removeLast(keys.count - kept)
        gaps = 0
    }
}
