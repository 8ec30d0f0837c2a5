/// The objects a Space instance holds: routing key to value.
///
/// The workload's keys and values (`key-n`, `vm`) are kept as the numbers n and m, eight
/// bytes an object instead of a dictionary entry of two strings, so a partition's copies
/// take a quarter of the memory; any other key or value (a test's) is kept as text beside
/// them. (An array indexed by n would not grow at all, but every instance would hold one
/// as long as the whole key space: with a thousand partitions, far more.)
struct SpaceObjects: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var numbered: [UInt32: UInt32] = [:]
    private var others: [String: String] = [:]

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// Makes room for `count` workload objects at once, so the table is as large after a
    /// hundred thousand operations as after a hundred million (it would otherwise double
    /// as the long run reaches more of the keys).
    mutating func reserveCapacity(_ count: Int) {
        numbered.reserveCapacity(count)
    }

    /// Room for workload objects (for tests).
    var capacity: Int { numbered.capacity }

    /// How many objects it holds.
    var count: Int { numbered.count + others.count }

    var isEmpty: Bool { count == 0 }

    /// Every key it holds.
    var keys: [String] { numbered.keys.map { "key-\($0)" } + others.keys }

    subscript(key: String) -> String? {
        get {
            if let number = Self.number(key, prefix: "key-"), let value = numbered[number] { return "v\(value)" }
            return others.isEmpty ? nil : others[key]
        }
        set {
            let number = Self.number(key, prefix: "key-")
            if !others.isEmpty { others[key] = nil }
            if let number, let newValue, let value = Self.number(newValue, prefix: "v") {
                numbered[number] = value
                return
            }
            if let number { numbered[number] = nil }
            if let newValue { others[key] = newValue }
        }
    }

    /// The number a workload key or value spells, if it fits in 32 bits.
    private static func number(_ text: String, prefix: StaticString) -> UInt32? {
        KeySlots.number(text, prefix: prefix).flatMap { UInt32(exactly: $0) }
    }
}
