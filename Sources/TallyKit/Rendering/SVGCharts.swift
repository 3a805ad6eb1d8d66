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
        let buckets = series.buckets
        let bars = buckets.map { b in Bar(label: b.label, parts: [(b.documentsProcessed, "c-ok"), (b.documentsFailed, "c-bad")]) }
        let total = buckets.reduce(Int64(0)) { saturatingAdd($0, $1.documentsProcessed) }
        let failed = buckets.reduce(Int64(0)) { saturatingAdd($0, $1.documentsFailed) }
        return svg(
            id: "chart-documents", title: "Documents processed and failed per \(unit)",
            desc: "Documents processed (\(format.count(total)) in all) and failed (\(format.count(failed))) per \(unit), \(format.count(Int64(buckets.count), unit))."
        ) { out in
            // Baselines low enough for the 19 px labels of a narrow screen.
            rect(Double(Self.left), 6, 12, 12, "c-ok", into: &out)
            label(Double(Self.left + 16), 18, "processed", anchor: "start", into: &out)
            rect(Double(Self.left + 150), 6, 12, 12, "c-bad", into: &out)
            label(Double(Self.left + 166), 18, "failed", anchor: "start", into: &out)
            barChart(bars, into: &out) { i, tip in
                let b = buckets[i]
                tip.escaped(b.label)
                tip.literal(": ")
                tip.count(b.documentsProcessed)
                tip.literal(" processed, ")
                tip.count(b.documentsFailed)
                tip.literal(" failed")
            }
        }
    }

    /// Jobs created per bucket.
    func jobs(_ series: TimeSeries) -> String {
        let unit = series.granularity.rawValue
        guard !series.buckets.isEmpty else { return "" }
        let buckets = series.buckets
        let bars = buckets.map { b in Bar(label: b.label, parts: [(b.jobsCreated, "c-run")]) }
        let total = buckets.reduce(Int64(0)) { saturatingAdd($0, $1.jobsCreated) }
        return svg(
            id: "chart-jobs", title: "Jobs created per \(unit)",
            desc: "Jobs created per \(unit), \(format.count(total)) in all over \(format.count(Int64(buckets.count), unit))."
        ) { out in
            barChart(bars, into: &out) { i, tip in
                let b = buckets[i]
                tip.escaped(b.label)
                tip.literal(": ")
                tip.count(b.jobsCreated)
                tip.literal(b.jobsCreated == 1 ? " job created" : " jobs created")
            }
        }
    }

    /// One bar: its category label and stacked parts (value, CSS class).
    struct Bar {
        var label: String
        var parts: [(Int64, StaticString)]
    }

    /// Vertical bars with a value axis and at most `maxLabels` category labels; `tip`
    /// writes bar `i`'s tooltip, HTML-escaped.
    private func barChart(_ bars: [Bar], maxLabels: Int = 7, into body: inout ByteText, tip: (Int, inout ByteText) -> Void) {
        let maxValue = Self.niceTop(bars.map { $0.parts.reduce(0) { saturatingAdd($0, max(0, $1.0)) } }.max() ?? 0)
        axis(maxValue: maxValue, into: &body)
        let step = Double(Self.width - Self.left - Self.right) / Double(bars.count)
        let barWidth = max(1.0, step * 0.7)
        let labelEvery = max(1, (bars.count + maxLabels - 1) / maxLabels)
        for (i, bar) in bars.enumerated() {
            let x = Double(Self.left) + Double(i) * step + (step - barWidth) / 2
            var y = Double(Self.height - Self.bottom)
            body.literal("<g><title>")
            tip(i, &body)
            body.literal("</title>")
            for (value, cls) in bar.parts {
                let h = scaled(value, maxValue)
                y -= h
                rect(x, y, barWidth, h, cls, into: &body)
            }
            body.literal("</g>")
            if i % labelEvery == 0 { label(x + barWidth / 2, Self.height - 8, bar.label, into: &body) }
        }
    }

    private func label(_ x: Double, _ y: Int, _ text: String, anchor: StaticString = "middle", into out: inout ByteText) {
        out.literal("<text class=\"c-label\" x=\"")
        out.coordinate(x)
        out.literal("\" y=\"")
        out.int(Int64(y))
        out.literal("\" text-anchor=\"")
        out.literal(anchor)
        out.literal("\">")
        out.escaped(text)
        out.literal("</text>")
    }

    /// Documents per hour of day (24 bars, report zone).
    func hours(_ counts: [Int64]) -> String {
        let total = counts.reduce(0, saturatingAdd)
        let counts = Array(counts.prefix(24))
        let bars = counts.enumerated().map { h, c in Bar(label: DisplayFormat.pad2(Int64(h)), parts: [(c, "c-ok")]) }
        return svg(
            id: "chart-hours", title: "Documents per hour of day",
            desc: "Documents per hour of day in zone \(format.zone.identifier), \(format.count(total)) in all."
        ) { out in
            barChart(bars, maxLabels: 24, into: &out) { i, tip in
                tip.escaped("\(bars[i].label):00 \(format.count(counts[i], "document"))")
            }
        }
    }

    /// Jobs by status as one horizontal stacked bar with a legend.
    func statuses(_ list: [NamedCount]) -> String {
        let total = list.reduce(Int64(0)) { saturatingAdd($0, max(0, $1.count)) }
        guard total > 0 else { return "" }
        let desc = list.map { "\($0.name) \(format.count($0.count))" }.joined(separator: ", ")
        let chart = svg(id: "chart-status", title: "Jobs by status", desc: "Jobs by status: \(desc).", height: 28, small: true) { body in
            var x = 0.0
            let barWidth = Double(Self.width)
            for (i, item) in list.enumerated() where item.count > 0 {
                let w = barWidth * Double(item.count) / Double(total)
                body.literal("<g><title>")
                body.escaped("\(item.name): \(format.count(item.count)) (\(format.percent(Ratio(item.count, of: total))))")
                body.literal("</title>")
                rect(x, 0, w, 28, statusClass(item.name, i), into: &body)
                body.literal("</g>")
                x += w
            }
        }
        // The legend is HTML: it wraps on a narrow screen and keeps its text size.
        var legend = "<ul class=\"legend\">"
        for (i, item) in list.enumerated() where item.count > 0 {
            legend += "<li><span class=\"sw \(statusClass(item.name, i))\"></span>\(Escape.html(item.name)) \(format.count(item.count))</li>"
        }
        return chart + legend + "</ul>"
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

    private func axis(maxValue: Int64, into out: inout ByteText) {
        for k in 0...4 {
            let value = Int64(Int128(maxValue) * Int128(k) / 4)
            let y = Double(Self.height - Self.bottom) - scaled(value, maxValue)
            out.literal("<line class=\"c-grid\" x1=\"")
            out.int(Int64(Self.left))
            out.literal("\" x2=\"")
            out.int(Int64(Self.width - Self.right))
            out.literal("\" y1=\"")
            out.coordinate(y)
            out.literal("\" y2=\"")
            out.coordinate(y)
            out.literal("\"/><text class=\"c-label\" x=\"")
            out.int(Int64(Self.left - 6))
            out.literal("\" y=\"")
            out.coordinate(y + 4)
            out.literal("\" text-anchor=\"end\">")
            out.count(value)
            out.literal("</text>")
        }
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

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: StaticString, into out: inout ByteText) {
        rect(x, y, w, h, into: &out) { $0.literal(cls) }
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String, into out: inout ByteText) {
        rect(x, y, w, h, into: &out) { $0.text(cls) }
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, into out: inout ByteText, cls: (inout ByteText) -> Void) {
        out.literal("<rect class=\"")
        cls(&out)
        out.literal("\" x=\"")
        out.coordinate(x)
        out.literal("\" y=\"")
        out.coordinate(y)
        out.literal("\" width=\"")
        out.coordinate(w)
        out.literal("\" height=\"")
        out.coordinate(h)
        out.literal("\"/>")
    }

    /// The chart in a box that scrolls sideways on a narrow screen (`small` charts shrink
    /// instead); `body` writes what is inside the `svg` element after its title and description.
    private func svg(id: String, title: String, desc: String, height: Int = height, small: Bool = false, body: (inout ByteText) -> Void) -> String {
        var out = ByteText(capacity: 32 * 1024)
        out.text((small ? "" : "<div class=\"chart-box\">")
            + "<svg id=\"\(id)\" class=\"chart\(small ? " small" : "")\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title))</title><desc id=\"\(id)-d\">\(Escape.html(desc))</desc>")
        body(&out)
        out.literal("</svg>")
        if !small { out.literal("</div>") }
        return out.string
    }

    /// A coordinate with at most one decimal, the same on every machine.
    /// Bounded to ±10^9 (and 0 for NaN) so no value from the data can trap the conversion.
    static func coordinate(_ v: Double) -> String {
        var text = ByteText(capacity: 16)
        text.coordinate(v)
        return text.string
    }
}
