/// A moment or a span on the simulation's virtual clock, in whole milliseconds.
///
/// Nothing in a simulation reads the wall clock: every duration is virtual, so a run
/// takes the same course and prints the same bytes however fast the machine is.
public struct SimTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since the simulation started (or the length of a span).
    public var milliseconds: Int

    public init(milliseconds: Int) {
        self.milliseconds = milliseconds
    }

    /// The start of every simulation.
    public static let zero = SimTime(milliseconds: 0)

    /// A span of whole seconds.
    public static func seconds(_ seconds: Int) -> SimTime {
        SimTime(milliseconds: seconds * 1000)
    }

    /// A span of milliseconds.
    public static func milliseconds(_ milliseconds: Int) -> SimTime {
        SimTime(milliseconds: milliseconds)
    }

    /// The time in seconds, for reports.
    public var seconds: Double { Double(milliseconds) / 1000 }

    public static func < (lhs: SimTime, rhs: SimTime) -> Bool { lhs.milliseconds < rhs.milliseconds }
    public static func + (lhs: SimTime, rhs: SimTime) -> SimTime { SimTime(milliseconds: lhs.milliseconds + rhs.milliseconds) }
    public static func - (lhs: SimTime, rhs: SimTime) -> SimTime { SimTime(milliseconds: lhs.milliseconds - rhs.milliseconds) }
    public static func * (lhs: SimTime, rhs: Int) -> SimTime { SimTime(milliseconds: lhs.milliseconds * rhs) }

    /// `12.5s`, `3s`: seconds with the milliseconds only when there are some.
    public var description: String {
        let whole = milliseconds / 1000
        let rest = abs(milliseconds % 1000)
        if rest == 0 { return "\(whole)s" }
        var fraction = String(rest)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(milliseconds < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)s"
    }
}
