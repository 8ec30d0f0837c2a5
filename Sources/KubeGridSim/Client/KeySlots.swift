/// Where the checker keeps each key's state: the keys a workload plan can use (`key-n`
/// of one of its Spaces, covering and random) at slots the plan fixes, all of them made
/// when the run starts, so the checker holds as much after a hundred operations as after
/// a hundred million; any other key (a history checked whole, a test's) gets a slot after
/// them when first seen.
struct KeySlots: Sendable {
    private struct SpaceRange: Sendable {
        var key: String
        var base: Int
        /// Keys `key-0` … `key-(count - 1)`.
        var count: Int
    }

    private let spaces: [SpaceRange]
    /// How many slots the plan fixes.
    let planned: Int
    private var others: [KeyID: Int] = [:]
    private var otherIDs: [KeyID] = []

    /// No planned keys: every key gets a slot when first seen.
    init() {
        spaces = []
        planned = 0
    }

    /// The keys of `plan`: each Space's covering keys and its random ones.
    init(plan: WorkloadPlan) {
        var ranges: [SpaceRange] = []
        var base = 0
        for space in plan.spaces {
            ranges.append(SpaceRange(key: space.key, base: base, count: space.firstRandomKey + space.keys))
            base += space.firstRandomKey + space.keys
        }
        spaces = ranges
        planned = base
    }

    /// Every slot so far.
    var count: Int { planned + otherIDs.count }

    /// The slot of `key` in `space`, and whether it is new (only a key from outside the plan is).
    mutating func slot(space: String, key: String) -> (slot: Int, new: Bool) {
        if let number = Self.number(key, prefix: "key-") {
            for range in spaces where range.key == space && number < range.count { return (range.base + number, false) }
        }
        let id = KeyID(space: space, key: key)
        if let slot = others[id] { return (slot, false) }
        let slot = planned + otherIDs.count
        others[id] = slot
        otherIDs.append(id)
        return (slot, true)
    }

    /// The key a slot holds.
    func id(of slot: Int) -> KeyID {
        if slot >= planned { return otherIDs[slot - planned] }
        let range = spaces.last { $0.base <= slot }!
        return KeyID(space: range.key, key: "key-\(slot - range.base)")
    }

    /// `n` when `text` is `prefix` followed by the decimal `n` as Swift spells it (no
    /// sign, no leading zero), else nil: so the number gives the text back exactly.
    /// Read from the string's contiguous bytes: every recorded operation asks, and walking
    /// the UTF-8 view byte by byte cost more than the rest of the checker's step.
    static func number(_ text: String, prefix: StaticString) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            let prefixCount = prefix.utf8CodeUnitCount
            let digits = bytes.count - prefixCount
            guard digits > 0, digits <= 18 else { return nil }
            for index in 0..<prefixCount where bytes[index] != prefix.utf8Start[index] { return nil }
            // A leading zero only as the whole number.
            if digits > 1, bytes[prefixCount] == 0x30 { return nil }
            var number = 0
            for byte in bytes[prefixCount...] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
    }
}
