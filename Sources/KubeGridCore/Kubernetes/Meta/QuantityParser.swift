/// Reads Kubernetes' quantity grammar into an exact amount in thousandths.
///
/// `[+-] digits [. digits] [unit | e[+-]digits]`, units n u m k M G T P E (powers of ten)
/// and Ki Mi Gi Ti Pi Ei (powers of two), as `resource.ParseQuantity` accepts them.
enum QuantityParser {
    static func milliValue(of text: String) throws -> Int {
        guard !text.isEmpty else { throw QuantityError.empty }
        let bytes = Array(text.utf8)
        var position = 0

        var negative = false
        if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        let integerDigits = digits(in: bytes, from: &position)
        var fractionDigits: [UInt8] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            fractionDigits = digits(in: bytes, from: &position)
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
            throw QuantityError.notANumber(text)
        }
        let suffix = String(decoding: bytes[position...], as: UTF8.self)
        guard let (decimalExponent, binaryExponent) = try scale(of: suffix, in: text) else {
            throw QuantityError.unknownSuffix(text: text, suffix: suffix)
        }

        // The significant digits as an integer and the power of ten that places them.
        var significant = ArraySlice(integerDigits + fractionDigits)
        var tenPower = -fractionDigits.count
        while significant.first == UInt8(ascii: "0") { significant.removeFirst() }
        while significant.last == UInt8(ascii: "0") {
            significant.removeLast()
            tenPower += 1
        }
        guard !significant.isEmpty else { return 0 }
        guard significant.count <= 18, let mantissa = Int(String(decoding: significant, as: UTF8.self)) else {
            throw QuantityError.tooManyDigits(text)
        }
        guard let magnitude = thousandths(mantissa, tenPower: tenPower + decimalExponent + 3, twoPower: binaryExponent)
        else { throw QuantityError.outOfRange(text) }
        return negative ? -magnitude : magnitude
    }

    /// The powers of ten and two a suffix stands for, or nil when it is not a unit.
    private static func scale(of suffix: String, in text: String) throws -> (Int, Int)? {
        switch suffix {
        case "": return (0, 0)
        case "n": return (-9, 0)
        case "u": return (-6, 0)
        case "m": return (-3, 0)
        case "k": return (3, 0)
        case "M": return (6, 0)
        case "G": return (9, 0)
        case "T": return (12, 0)
        case "P": return (15, 0)
        case "E": return (18, 0)
        case "Ki": return (0, 10)
        case "Mi": return (0, 20)
        case "Gi": return (0, 30)
        case "Ti": return (0, 40)
        case "Pi": return (0, 50)
        case "Ei": return (0, 60)
        default: break
        }
        // An exponent: "e3", "E-2", "e+20".
        var bytes = Array(suffix.utf8)
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "e") || bytes[0] == UInt8(ascii: "E") else { return nil }
        bytes.removeFirst()
        var sign = 1
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
            sign = bytes.removeFirst() == UInt8(ascii: "-") ? -1 : 1
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        while bytes.count > 1, bytes.first == UInt8(ascii: "0") { bytes.removeFirst() }
        // Anything past 10^±999 is far outside the range anyway; clamp before it overflows Int.
        let exponent = bytes.count > 3 ? 1000 : Int(String(decoding: bytes, as: UTF8.self)) ?? 1000
        return (sign * exponent, 0)
    }

    private static func digits(in bytes: [UInt8], from position: inout Int) -> [UInt8] {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// `mantissa × 10^tenPower × 2^twoPower`, rounded up to an integer; nil when it overflows.
    private static func thousandths(_ mantissa: Int, tenPower: Int, twoPower: Int) -> Int? {
        var numerator = mantissa
        for _ in 0..<twoPower {
            let (doubled, overflow) = numerator.multipliedReportingOverflow(by: 2)
            if overflow { return nil }
            numerator = doubled
        }
        if tenPower >= 0 {
            for _ in 0..<min(tenPower, 40) {
                let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                numerator = scaled
            }
            return numerator
        }
        // A fraction of a thousandth or more: divide, rounding up like Kubernetes' MilliValue.
        guard -tenPower <= 18 else { return 1 }
        var denominator = 1
        for _ in 0..<(-tenPower) { denominator *= 10 }
        return numerator / denominator + (numerator % denominator == 0 ? 0 : 1)
    }
}
