/// An object's uid: unique for every object the store ever created, so a recreated
/// object with the same name is told apart. Numbered in creation order (so a seed always
/// gives the same ones, and sorting by uid is sorting by age); written in Kubernetes'
/// UUID form.
public struct UID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Its place in creation order (a list's continue token carries it).
    public let number: Int

    public init(number: Int) {
        self.number = number
    }

    public static func < (lhs: UID, rhs: UID) -> Bool { lhs.number < rhs.number }

    public var description: String {
        let hex = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}
