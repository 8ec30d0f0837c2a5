/// Numbers for SVG attributes and report text, written the same way on every machine:
/// at most one decimal, no exponent, no locale.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    static func text(_ value: Int) -> String { "\(value)" }
}
