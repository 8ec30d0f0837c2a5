/// The layout of the report's cluster picture: a box per node in a grid, a chip per pod
/// inside it, coloured by what the pod is to the grid (manager, primary, backup, …).
/// Big clusters get more columns and smaller chips. Pending pods get a box of their own.
struct ClusterPicture {
    /// The picture's width in pixels.
    static let width = 1336.0

    var context: [String: Any] = [:]

    init(nodes: [NodeReport], pending: [PodReport]) {
        var boxes: [(name: String, zone: String, address: String, pods: [PodReport], pendingBox: Bool)] =
            nodes.map { ($0.name, $0.zone, $0.address, $0.pods, false) }
        if !pending.isEmpty { boxes.append(("Pending", "", "not placed", pending, true)) }
        let count = max(boxes.count, 1)
        let compact = count > 12
        let columns = count <= 4 ? count : (count <= 12 ? 4 : 8)
        let gap = 12.0
        let boxWidth = (Self.width - gap * Double(columns - 1)) / Double(columns)
        let chip = compact ? (width: 34.0, height: 16.0) : (width: 92.0, height: 20.0)
        let chipGap = 4.0
        let perRow = max(1, Int((boxWidth - 16 + chipGap) / (chip.width + chipGap)))
        var nodeContexts: [[String: Any]] = []
        var y = 0.0
        var row = 0
        while row * columns < boxes.count {
            let slice = boxes[(row * columns)..<min((row + 1) * columns, boxes.count)]
            let chipRows = slice.map { max(1, ($0.pods.count + perRow - 1) / perRow) }.max() ?? 1
            let height = 26 + Double(chipRows) * (chip.height + chipGap) + 6
            for (column, box) in slice.enumerated() {
                let x = Double(column) * (boxWidth + gap)
                var pods: [[String: Any]] = []
                for (index, pod) in box.pods.enumerated() {
                    let px = 8 + Double(index % perRow) * (chip.width + chipGap)
                    let py = 24 + Double(index / perRow) * (chip.height + chipGap)
                    let role = box.pendingBox ? "pending" : pod.role
                    pods.append([
                        "x": SVGNumber.text(px), "y": SVGNumber.text(py), "width": SVGNumber.text(chip.width),
                        "height": SVGNumber.text(chip.height), "role": role,
                        "label": Self.label(pod, compact: compact), "title": Self.title(pod),
                        "textX": SVGNumber.text(chip.width / 2), "textY": SVGNumber.text(chip.height / 2 + 3.5),
                        "textClass": role == "backup" ? "dark" : (role == "pending" ? "warn" : ""),
                    ])
                }
                var node: [String: Any] = [
                    "x": SVGNumber.text(x), "y": SVGNumber.text(y), "width": SVGNumber.text(boxWidth),
                    "height": SVGNumber.text(height), "name": box.name, "address": box.address,
                    "zoneX": SVGNumber.text(boxWidth - 8), "pods": pods,
                ]
                if !box.zone.isEmpty { node["zone"] = box.zone }
                nodeContexts.append(node)
            }
            y += height + gap
            row += 1
        }
        context = ["width": SVGNumber.text(Self.width), "height": SVGNumber.text(max(y - gap, 1)), "nodes": nodeContexts]
    }

    /// `P3` for the primary of partition 3, `B3` for its backup, `M0` for manager 0.
    static func label(_ pod: PodReport, compact: Bool) -> String {
        let ordinal = pod.name.split(separator: "-").last.map(String.init) ?? ""
        switch pod.role {
        case "manager": return compact ? "M\(ordinal)" : "manager \(ordinal)"
        case "primary": return compact ? "P\(pod.partition ?? 0)" : "primary \(pod.partition ?? 0)"
        case "backup": return compact ? "B\(pod.partition ?? 0)" : "backup \(pod.partition ?? 0)"
        case "instance": return compact ? "I\(pod.partition ?? 0)" : "instance \(pod.partition ?? 0)"
        default: return String(pod.name.prefix(compact ? 4 : 12))
        }
    }

    static func title(_ pod: PodReport) -> String {
        var parts = [pod.name, pod.status + (pod.ready ? ", Ready" : ", not Ready")]
        switch pod.role {
        case "primary", "backup": parts.append("\(pod.role) of partition \(pod.partition ?? 0)")
        case "instance": parts.append("Space instance of partition \(pod.partition ?? 0), no role yet")
        case "manager": parts.append("Management Pod (lookup service, REST manager, ZooKeeper)")
        default: break
        }
        if pod.restarts > 0 { parts.append("\(pod.restarts) restarts") }
        return parts.joined(separator: "; ")
    }
}
