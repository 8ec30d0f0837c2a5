/// An IPv4 address, for the simulated cluster's node, pod, Service and load balancer IPs.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address as a 32-bit number, most significant octet first.
    public var value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    /// Parses dotted-quad text such as `10.96.0.1`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet < 256
            else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}

/// An IPv4 range in CIDR notation, such as `10.96.0.0/12`.
public struct IPv4Range: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the range.
    public var base: IPv4Address
    /// The number of fixed leading bits.
    public var prefixLength: Int

    /// Parses `a.b.c.d/n`; nil for anything else. Host bits in the address are cleared.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(String(parts[0])), let length = Int(parts[1]),
            (0...32).contains(length)
        else { return nil }
        prefixLength = length
        base = IPv4Address(address.value & Self.mask(length))
    }

    private static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }

    /// How many addresses the range spans, network and broadcast addresses included.
    public var size: Int { 1 << (32 - prefixLength) }

    /// The address `offset` places after the base.
    public func address(at offset: Int) -> IPv4Address {
        IPv4Address(base.value &+ UInt32(truncatingIfNeeded: offset))
    }

    public func contains(_ address: IPv4Address) -> Bool {
        address.value & Self.mask(prefixLength) == base.value
    }

    public var description: String { "\(base)/\(prefixLength)" }
}
