/// Prometheus' text exposition format (0.0.4): each metric family's `# HELP` and
/// `# TYPE` lines, then its samples, label values escaped (`\\`, `\"`, `\n`).
struct PrometheusText {
    enum MetricType: String {
        case counter, gauge, histogram
    }

    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private(set) var text = ""

    /// A metric family; `samples` are its label sets with their values, in order.
    mutating func family(_ name: String, _ type: MetricType, help: String, _ samples: [([(String, String)], Double)]) {
        header(name, type, help: help)
        for (labels, value) in samples { sample(name, labels, value) }
    }

    /// A histogram: its samples are named by suffix (`_bucket`, `_sum`, `_count`).
    mutating func histogram(_ name: String, help: String, _ samples: [(suffix: String, labels: [(String, String)], value: Double)]) {
        header(name, .histogram, help: help)
        for (suffix, labels, value) in samples { sample(name + suffix, labels, value) }
    }

    private mutating func header(_ name: String, _ type: MetricType, help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(type.rawValue)\n"
    }

    private mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " \(Self.number(value))\n"
    }

    /// Whole numbers without a fraction, others as Go's strconv writes them.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func escapeLabel(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func escapeHelp(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
