/// How GigaSpaces routes an object to a partition: `abs(hash(routingKey)) % partitions`,
/// with Java's `String.hashCode` as the hash so the result matches a Java client's.
public enum Routing {
    /// Java's `String.hashCode`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code units, in
    /// 32-bit two's complement arithmetic.
    public static func javaHashCode(_ text: String) -> Int32 {
        var hash: Int32 = 0
        for unit in text.utf16 { hash = hash &* 31 &+ Int32(unit) }
        return hash
    }

    /// The 1-based partition of `key` among `partitions`. The absolute value is taken in
    /// 64 bits, so `Int32.min` (which Java's `Math.abs` leaves negative) still routes.
    public static func partition(of key: String, partitions: Int) -> Int {
        let hash = Int64(javaHashCode(key)).magnitude
        return Int(hash % UInt64(max(partitions, 1))) + 1
    }
}
