/// The objects a Space instance holds: routing key to value.
///
/// The workload's keys and values (`key-n`, `vm`) are kept as numbers, the value at index
/// n of an array: four bytes a key instead of a dictionary entry of two strings, and as
/// large after a hundred thousand writes as after a hundred million, since the array
/// reaches the largest key of the workload early on. Any other key or value (a test's) is
/// kept in a dictionary beside it.
struct SpaceObjects: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// At index n, the value number of `key-n` plus one; 0 when it holds none.
    private var numbered: [UInt32] = []
    private var numberedCount = 0
    private var others: [String: String] = [:]

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// How many objects it holds.
    var count: Int { numberedCount + others.count }

    var isEmpty: Bool { count == 0 }

    /// Every key it holds: the numbered ones in order, then the others.
    var keys: [String] {
        numbered.indices.filter { numbered[$0] != 0 }.map { "key-\($0)" } + others.keys
    }

    subscript(key: String) -> String? {
        get {
            if let index = KeySlots.number(key, prefix: "key-"), index < numbered.count, numbered[index] != 0 {
                return "v\(numbered[index] - 1)"
            }
            return others.isEmpty ? nil : others[key]
        }
        set {
            let index = KeySlots.number(key, prefix: "key-")
            if let index, index < numbered.count, numbered[index] != 0 {
                numbered[index] = 0
                numberedCount -= 1
            }
            if !others.isEmpty { others[key] = nil }
            guard let newValue else { return }
            if let index, let value = KeySlots.number(newValue, prefix: "v"), value < Int(UInt32.max) {
                if index >= numbered.count { numbered.append(contentsOf: repeatElement(0, count: index + 1 - numbered.count)) }
                numbered[index] = UInt32(value + 1)
                numberedCount += 1
            } else {
                others[key] = newValue
            }
        }
    }

    static func == (lhs: SpaceObjects, rhs: SpaceObjects) -> Bool {
        guard lhs.count == rhs.count, lhs.others == rhs.others else { return false }
        let shared = min(lhs.numbered.count, rhs.numbered.count)
        return lhs.numbered[..<shared] == rhs.numbered[..<shared]
            && lhs.numbered[shared...].allSatisfy { $0 == 0 } && rhs.numbered[shared...].allSatisfy { $0 == 0 }
    }
}
