/// The layout of a scenario's timeline: virtual time left to right; the deploy phase
/// shaded; a lane of client operations (successes up, failures above them in red); a lane
/// per partition that was unavailable, with its windows; a dashed line at each fault with
/// a dot where it healed.
struct TimelinePicture {
    static let width = 1336.0
    static let left = 150.0
    static let right = width - 16
    /// Partition lanes drawn; the rest are summed up under the picture.
    static let maxLanes = 24

    var context: [String: Any] = [:]

    init(_ scenario: ScenarioReport) {
        let end = max(scenario.duration.milliseconds, 1)
        func x(_ time: SimTime) -> Double {
            Self.left + (Self.right - Self.left) * Double(min(max(time.milliseconds, 0), end)) / Double(end)
        }
        let laneHeight = 18.0
        let laneGap = 4.0
        let top = 22.0
        var lanes: [[String: Any]] = []
        var y = top
        // Client operations, in buckets.
        let opsHeight = 40.0
        lanes.append(Self.lane("operations", y: y, height: opsHeight, extra: ["bars": Self.bars(scenario, y: y, height: opsHeight, x: x)]))
        y += opsHeight + laneGap
        // Partitions that were unavailable, longest first.
        var totals: [String: Int] = [:]
        var order: [String] = []
        for window in scenario.windows where window.duration.milliseconds > 0 {
            if totals[window.partition] == nil { order.append(window.partition) }
            totals[window.partition, default: 0] += window.duration.milliseconds
        }
        let ranked = order.enumerated().sorted { lhs, rhs in
            let (a, b) = (totals[lhs.element] ?? 0, totals[rhs.element] ?? 0)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
        let shown = Array(ranked.prefix(Self.maxLanes))
        for partition in shown {
            let windows = scenario.windows.filter { $0.partition == partition && $0.duration.milliseconds > 0 }.map { window -> [String: Any] in
                var item: [String: Any] = [
                    "x": SVGNumber.text(x(window.start)), "y": SVGNumber.text(y + 3),
                    "width": SVGNumber.text(max(x(window.end) - x(window.start), 2)), "height": SVGNumber.text(laneHeight - 6),
                    "title": "partition \(partition) unavailable for \(window.duration) from \(window.start)"
                        + (window.ended ? "" : " to the end of the run"),
                ]
                if !window.ended { item["open"] = true }
                return item
            }
            lanes.append(Self.lane("partition \(partition)", y: y, height: laneHeight, extra: ["windows": windows]))
            y += laneHeight + laneGap
        }
        if shown.isEmpty {
            lanes.append(Self.lane("no partition down", y: y, height: laneHeight, extra: [:]))
            y += laneHeight + laneGap
        }
        let axisY = y + 2
        let faults = scenario.faults.map { fault -> [String: Any] in
            var item: [String: Any] = [
                "x": SVGNumber.text(x(fault.time)), "y1": SVGNumber.text(top - 4), "y2": SVGNumber.text(axisY),
                "markY": SVGNumber.text(top - 4), "title": "\(fault.time): \(fault.message)",
            ]
            if let healed = fault.healedAt {
                item["healed"] = true
                item["healedX"] = SVGNumber.text(x(healed))
                item["healedAt"] = "\(healed)"
            }
            return item
        }
        let ticks = Self.ticks(end: end).map { time -> [String: Any] in
            [
                "x": SVGNumber.text(x(SimTime(milliseconds: time))), "y1": SVGNumber.text(top), "y2": SVGNumber.text(axisY),
                "labelY": SVGNumber.text(axisY + 14), "label": SVGNumber.text(Double(time) / 1000),
            ]
        }
        var context: [String: Any] = [
            "width": SVGNumber.text(Self.width), "height": SVGNumber.text(axisY + 34),
            "left": SVGNumber.text(Self.left), "right": SVGNumber.text(Self.right), "top": SVGNumber.text(top),
            "plotHeight": SVGNumber.text(axisY - top), "axisY": SVGNumber.text(axisY), "unitY": SVGNumber.text(axisY + 28),
            "deployWidth": SVGNumber.text(x(scenario.clientStart) - Self.left),
            "deployLabelX": SVGNumber.text(Self.left + 4), "deployLabelY": SVGNumber.text(top - 6),
            "lanes": lanes, "faults": faults, "ticks": ticks,
        ]
        // Room for the word, or none.
        if x(scenario.clientStart) - Self.left > 44 { context["deployLabel"] = true }
        if ranked.count > shown.count {
            context["moreText"] = "\(ranked.count - shown.count) more partitions were unavailable at some point; the JSON output lists every window."
        }
        self.context = context
    }

    private static func lane(_ label: String, y: Double, height: Double, extra: [String: Any]) -> [String: Any] {
        var lane: [String: Any] = [
            "x": SVGNumber.text(left), "y": SVGNumber.text(y), "width": SVGNumber.text(right - left),
            "height": SVGNumber.text(height), "label": label, "labelX": SVGNumber.text(left - 8),
            "labelY": SVGNumber.text(y + height / 2 + 4),
        ]
        for (key, value) in extra { lane[key] = value }
        return lane
    }

    /// Completed client operations per bucket: successes from the lane's bottom, failures
    /// and unknown outcomes stacked above them.
    private static func bars(_ scenario: ScenarioReport, y: Double, height: Double, x: (SimTime) -> Double) -> [[String: Any]] {
        let ok = scenario.completions.ok
        let failed = scenario.completions.failed
        let buckets = ok.count
        let end = max(scenario.duration.milliseconds, 1)
        let most = max(zip(ok, failed).map { $0 + $1 }.max() ?? 0, 1)
        let bucketWidth = (right - left) / Double(buckets)
        var bars: [[String: Any]] = []
        for bucket in 0..<buckets where ok[bucket] + failed[bucket] > 0 {
            let start = SimTime(milliseconds: bucket * end / buckets)
            let okHeight = height * Double(ok[bucket]) / Double(most)
            let failHeight = height * Double(failed[bucket]) / Double(most)
            let left = x(start) + 0.5
            if ok[bucket] > 0 {
                bars.append([
                    "kind": "ops-ok", "x": SVGNumber.text(left), "y": SVGNumber.text(y + height - okHeight),
                    "width": SVGNumber.text(max(bucketWidth - 1, 1)), "height": SVGNumber.text(max(okHeight, 1)),
                    "title": "\(ok[bucket]) operations succeeded from \(start)",
                ])
            }
            if failed[bucket] > 0 {
                bars.append([
                    "kind": "ops-fail", "x": SVGNumber.text(left), "y": SVGNumber.text(y + height - okHeight - max(failHeight, 1)),
                    "width": SVGNumber.text(max(bucketWidth - 1, 1)), "height": SVGNumber.text(max(failHeight, 1)),
                    "title": "\(failed[bucket]) operations failed or ended unknown from \(start)",
                ])
            }
        }
        return bars
    }

    /// Tick times at a round step (1, 2 or 5 times a power of ten seconds), about ten of them.
    static func ticks(end: Int) -> [Int] {
        var step = 1000
        let steps = [1, 2, 5]
        var index = 0
        var scale = 1000
        while end / step > 10 {
            index += 1
            if index == steps.count {
                index = 0
                scale *= 10
            }
            step = steps[index] * scale
        }
        return Array(stride(from: 0, through: end, by: step))
    }
}
