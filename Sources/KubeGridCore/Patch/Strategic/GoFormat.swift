/// Values as Go's `%v` prints the decoded JSON (`map[string]interface{}` and friends), for
/// the strategic merge patch errors that quote a map.
enum GoFormat {
    static func describe(_ value: Values) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number):
            return number == number.rounded() && abs(number) < 1e21 ? String(Int(number)) : String(number)
        case .string(let text): return text
        case .list(let items): return "[" + items.map(describe).joined(separator: " ") + "]"
        case .map(let map):
            // fmt sorts map keys.
            return "map[" + map.keys.sorted().map { "\($0):\(describe(map[$0]!))" }.joined(separator: " ") + "]"
        }
    }
}
