/// Inline SVG charts drawn by code (no script, no external resource), each with
/// `role="img"`, a `<title>` and a `<desc>`; colours come from CSS classes so the
/// page's light and dark themes apply. Every text from the data is HTML-escaped.
struct SVGCharts {
    let format: DisplayFormat

    private static let width = 960
    private static let height = 240
    /// Room for the value axis labels at the 19 px they take on a narrow screen.
    private static let left = 76
    private static let bottom = 28
    private static let top = 30
    private static let right = 24

    /// Documents processed and failed per bucket (stacked bars), with a legend.
    func documents(_ series: TimeSeries) -> String {
        let unit = series.granularity.rawValue
        guard !series.buckets.isEmpty else { return "" }
        let bars = series.buckets.map { b in
            Bar(label: b.label, parts: [(b.documentsProcessed, "c-ok"), (b.documentsFailed, "c-bad")],
                tip: "\(b.label): \(format.count(b.documentsProcessed)) processed, \(format.count(b.documentsFailed)) failed")
        }
        let total = series.buckets.reduce(Int64(0)) { saturatingAdd($0, $1.documentsProcessed) }
        let failed = series.buckets.reduce(Int64(0)) { saturatingAdd($0, $1.documentsFailed) }
        // Baselines low enough for the 19 px labels of a narrow screen.
        let legend = rect(Double(Self.left), 6, 12, 12, "c-ok") + label(Self.left + 16, 18, "processed", anchor: "start")
            + rect(Double(Self.left + 150), 6, 12, 12, "c-bad") + label(Self.left + 166, 18, "failed", anchor: "start")
        return svg(
            id: "chart-documents", title: "Documents processed and failed per \(unit)",
            desc: "Documents processed (\(format.count(total)) in all) and failed (\(format.count(failed))) per \(unit), \(format.count(Int64(series.buckets.count), unit)).",
            body: legend + barChart(bars))
    }

    /// Jobs created per bucket.
    func jobs(_ series: TimeSeries) -> String {
        let unit = series.granularity.rawValue
        guard !series.buckets.isEmpty else { return "" }
        let bars = series.buckets.map { b in
            Bar(label: b.label, parts: [(b.jobsCreated, "c-run")], tip: "\(b.label): \(format.count(b.jobsCreated, "job")) created")
        }
        let total = series.buckets.reduce(Int64(0)) { saturatingAdd($0, $1.jobsCreated) }
        return svg(
            id: "chart-jobs", title: "Jobs created per \(unit)",
            desc: "Jobs created per \(unit), \(format.count(total)) in all over \(format.count(Int64(series.buckets.count), unit)).", body: barChart(bars))
    }

    /// One bar: stacked parts (value, CSS class) and a tooltip.
    struct Bar {
        var label: String
        var parts: [(Int64, String)]
        var tip: String
    }

    /// Vertical bars with a value axis and at most `maxLabels` category labels.
    private func barChart(_ bars: [Bar], maxLabels: Int = 7) -> String {
        let maxValue = Self.niceTop(bars.map { $0.parts.reduce(0) { saturatingAdd($0, max(0, $1.0)) } }.max() ?? 0)
        var body = axis(maxValue: maxValue)
        let step = Double(Self.width - Self.left - Self.right) / Double(bars.count)
        let barWidth = max(1.0, step * 0.7)
        let labelEvery = max(1, (bars.count + maxLabels - 1) / maxLabels)
        for (i, bar) in bars.enumerated() {
            let x = Double(Self.left) + Double(i) * step + (step - barWidth) / 2
            var y = Double(Self.height - Self.bottom)
            body += "<g><title>\(Escape.html(bar.tip))</title>"
            for (value, cls) in bar.parts {
                let h = scaled(value, maxValue)
                y -= h
                body += rect(x, y, barWidth, h, cls)
            }
            body += "</g>"
            if i % labelEvery == 0 { body += label(x + barWidth / 2, Self.height - 8, bar.label) }
        }
        return body
    }

    private func label(_ x: Double, _ y: Int, _ text: String, anchor: String = "middle") -> String {
        "<text class=\"c-label\" x=\"\(num(x))\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(Escape.html(text))</text>"
    }

    private func label(_ x: Int, _ y: Int, _ text: String, anchor: String) -> String {
        label(Double(x), y, text, anchor: anchor)
    }

    /// Documents per hour of day (24 bars, report zone).
    func hours(_ counts: [Int64]) -> String {
        let bars = counts.prefix(24).enumerated().map { h, c in
            let hour = DisplayFormat.pad2(Int64(h))
            return Bar(label: hour, parts: [(c, "c-ok")], tip: "\(hour):00 \(format.count(c, "document"))")
        }
        let total = counts.reduce(0, saturatingAdd)
        return svg(
            id: "chart-hours", title: "Documents per hour of day",
            desc: "Documents per hour of day in zone \(format.zone.identifier), \(format.count(total)) in all.",
            body: barChart(bars, maxLabels: 24))
    }

    /// Jobs by status as one horizontal stacked bar with a legend.
    func statuses(_ list: [NamedCount]) -> String {
        let total = list.reduce(Int64(0)) { saturatingAdd($0, max(0, $1.count)) }
        guard total > 0 else { return "" }
        var body = ""
        var x = 0.0
        let barWidth = Double(Self.width)
        for (i, item) in list.enumerated() where item.count > 0 {
            let w = barWidth * Double(item.count) / Double(total)
            let text = "\(item.name): \(format.count(item.count)) (\(format.percent(Ratio(item.count, of: total))))"
            body += "<g><title>\(Escape.html(text))</title>" + rect(x, 0, w, 28, statusClass(item.name, i)) + "</g>"
            x += w
        }
        // The legend is HTML: it wraps on a narrow screen and keeps its text size.
        var legend = "<ul class=\"legend\">"
        for (i, item) in list.enumerated() where item.count > 0 {
            legend += "<li><span class=\"sw \(statusClass(item.name, i))\"></span>\(Escape.html(item.name)) \(format.count(item.count))</li>"
        }
        let desc = list.map { "\($0.name) \(format.count($0.count))" }.joined(separator: ", ")
        return svg(id: "chart-status", title: "Jobs by status", desc: "Jobs by status: \(desc).", body: body, height: 28, small: true)
            + legend + "</ul>"
    }

    /// The colour class of a status: the seven known ones each their own, others in turn.
    func statusClass(_ name: String, _ index: Int) -> String {
        switch name {
        case "completed": return "c-ok"
        case "failed": return "c-bad"
        case "processing": return "c-run"
        case "pending": return "c-wait"
        case "queued": return "c-queue"
        case "cancelled": return "c-stop"
        case "partial": return "c-part"
        default: return "c-other\(index % 3)"
        }
    }

    private func axis(maxValue: Int64) -> String {
        var out = ""
        for k in 0...4 {
            let value = Int64(Int128(maxValue) * Int128(k) / 4)
            let y = Double(Self.height - Self.bottom) - scaled(value, maxValue)
            out += "<line class=\"c-grid\" x1=\"\(Self.left)\" x2=\"\(Self.width - Self.right)\" y1=\"\(num(y))\" y2=\"\(num(y))\"/>"
            out += "<text class=\"c-label\" x=\"\(Self.left - 6)\" y=\"\(num(y + 4))\" text-anchor=\"end\">\(format.count(value))</text>"
        }
        return out
    }

    /// The axis top: four equal steps of 1, 2 or 5 times a power of ten covering `value`.
    static func niceTop(_ value: Int64) -> Int64 {
        let quarter = max(1, value / 4 + (value % 4 > 0 ? 1 : 0))
        var power: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] where factor * power >= quarter { return factor * power * 4 }
            if power > Int64.max / 100 { return max(value, 4) }
            power *= 10
        }
    }

    private func scaled(_ value: Int64, _ maxValue: Int64) -> Double {
        Double(max(0, value)) / Double(maxValue) * Double(Self.height - Self.bottom - Self.top)
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String) -> String {
        "<rect class=\"\(cls)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(w))\" height=\"\(num(h))\"/>"
    }

    /// The chart in a box that scrolls sideways on a narrow screen (`small` charts shrink instead).
    private func svg(id: String, title: String, desc: String, body: String, height: Int = height, small: Bool = false) -> String {
        (small ? "" : "<div class=\"chart-box\">")
            + "<svg id=\"\(id)\" class=\"chart\(small ? " small" : "")\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title))</title><desc id=\"\(id)-d\">\(Escape.html(desc))</desc>\(body)</svg>"
            + (small ? "" : "</div>")
    }

    /// A coordinate with at most one decimal, the same on every machine.
    private func num(_ v: Double) -> String { Self.coordinate(v) }

    /// A coordinate with at most one decimal, the same on every machine.
    /// Bounded to ±10^9 (and 0 for NaN) so no value from the data can trap the conversion.
    static func coordinate(_ v: Double) -> String {
        let tenths = v.isNaN ? 0 : Int64((max(-1e9, min(1e9, v)) * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : DisplayFormat.decimal(numerator: tenths, denominator: 1, places: 1)
    }
}
