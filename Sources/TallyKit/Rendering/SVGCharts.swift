/// Inline SVG charts drawn by code (no script, no external resource), each with
/// `role="img"`, a `<title>` and a `<desc>`; colours come from CSS classes so the
/// page's light and dark themes apply. Every text from the data is HTML-escaped.
struct SVGCharts {
    let format: DisplayFormat

    private static let width = 960
    private static let height = 240
    private static let left = 56
    private static let bottom = 28
    private static let top = 12

    /// Documents processed and failed (stacked bars) and jobs created (line) per bucket.
    func timeSeries(_ series: TimeSeries) -> String {
        let buckets = series.buckets
        let unit = series.granularity == .hour ? "hour" : "day"
        let desc = "Per \(unit): documents processed (bars), failed (stacked in red) and jobs created (line), \(buckets.count) \(unit)s."
        guard !buckets.isEmpty else { return "" }
        let maxValue = max(1, buckets.map { max($0.documentsProcessed + $0.documentsFailed, $0.jobsCreated) }.max() ?? 1)
        var body = axis(maxValue: maxValue)
        let plotWidth = Self.width - Self.left - 8
        let step = Double(plotWidth) / Double(buckets.count)
        let barWidth = max(1.0, step * 0.7)
        var points: [String] = []
        let labelEvery = max(1, buckets.count / 8)
        for (i, b) in buckets.enumerated() {
            let x = Double(Self.left) + Double(i) * step + (step - barWidth) / 2
            let ok = scaled(b.documentsProcessed, maxValue), bad = scaled(b.documentsFailed, maxValue)
            let base = Double(Self.height - Self.bottom)
            let tip = "\(b.label): \(format.count(b.documentsProcessed)) processed, \(format.count(b.documentsFailed)) failed, \(format.count(b.jobsCreated)) jobs"
            body += "<g><title>\(Escape.html(tip))</title>"
            body += rect(x, base - ok, barWidth, ok, "c-ok") + rect(x, base - ok - bad, barWidth, bad, "c-bad") + "</g>"
            points.append(num(x + barWidth / 2) + "," + num(base - scaled(b.jobsCreated, maxValue)))
            if i % labelEvery == 0 {
                body += "<text class=\"c-label\" x=\"\(num(x + barWidth / 2))\" y=\"\(Self.height - 8)\" text-anchor=\"middle\">\(Escape.html(b.label))</text>"
            }
        }
        body += "<polyline class=\"c-line\" fill=\"none\" points=\"\(points.joined(separator: " "))\"/>"
        return svg(id: "chart-series", title: "Documents and jobs per \(unit)", desc: desc, body: body)
    }

    /// Documents per hour of day (24 bars, report zone).
    func hours(_ counts: [Int64]) -> String {
        let maxValue = max(1, counts.max() ?? 1)
        var body = axis(maxValue: maxValue)
        let step = Double(Self.width - Self.left - 8) / 24
        for (h, c) in counts.prefix(24).enumerated() {
            let x = Double(Self.left) + Double(h) * step + step * 0.15
            let height = scaled(c, maxValue)
            body += "<g><title>\(DisplayFormat.pad2(Int64(h))):00 \(format.count(c)) documents</title>"
            body += rect(x, Double(Self.height - Self.bottom) - height, step * 0.7, height, "c-ok") + "</g>"
            body += "<text class=\"c-label\" x=\"\(num(x + step * 0.35))\" y=\"\(Self.height - 8)\" text-anchor=\"middle\">\(DisplayFormat.pad2(Int64(h)))</text>"
        }
        let total = counts.reduce(0, +)
        return svg(
            id: "chart-hours", title: "Documents per hour of day",
            desc: "Documents per hour of day in zone \(format.zone.identifier), \(format.count(total)) in all.", body: body)
    }

    /// Jobs by status as one horizontal stacked bar with a legend.
    func statuses(_ list: [NamedCount]) -> String {
        let total = list.reduce(Int64(0)) { $0 + max(0, $1.count) }
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
        var legendX = 0
        for (i, item) in list.enumerated() where item.count > 0 {
            let text = "\(item.name) \(format.count(item.count))"
            body += rect(Double(legendX), 40, 12, 12, statusClass(item.name, i))
            body += "<text class=\"c-label\" x=\"\(legendX + 16)\" y=\"51\">\(Escape.html(text))</text>"
            legendX += 28 + min(40, text.count) * 7
        }
        let desc = list.map { "\($0.name) \(format.count($0.count))" }.joined(separator: ", ")
        return svg(id: "chart-status", title: "Jobs by status", desc: "Jobs by status: \(desc).", body: body, height: 60)
    }

    private func statusClass(_ name: String, _ index: Int) -> String {
        switch name {
        case "completed": return "c-ok"
        case "failed": return "c-bad"
        case "processing": return "c-run"
        case "pending": return "c-wait"
        default: return "c-other\(index % 3)"
        }
    }

    private func axis(maxValue: Int64) -> String {
        var out = ""
        for k in 0...4 {
            let value = maxValue * Int64(k) / 4
            let y = Double(Self.height - Self.bottom) - scaled(value, maxValue)
            out += "<line class=\"c-grid\" x1=\"\(Self.left)\" x2=\"\(Self.width - 8)\" y1=\"\(num(y))\" y2=\"\(num(y))\"/>"
            out += "<text class=\"c-label\" x=\"\(Self.left - 6)\" y=\"\(num(y + 4))\" text-anchor=\"end\">\(format.count(value))</text>"
        }
        return out
    }

    private func scaled(_ value: Int64, _ maxValue: Int64) -> Double {
        Double(max(0, value)) / Double(maxValue) * Double(Self.height - Self.bottom - Self.top)
    }

    private func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String) -> String {
        "<rect class=\"\(cls)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(w))\" height=\"\(num(h))\"/>"
    }

    private func svg(id: String, title: String, desc: String, body: String, height: Int = height) -> String {
        "<svg id=\"\(id)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title))</title><desc id=\"\(id)-d\">\(Escape.html(desc))</desc>\(body)</svg>"
    }

    /// A coordinate with at most one decimal, the same on every machine.
    private func num(_ v: Double) -> String {
        let tenths = Int64((v * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : DisplayFormat.decimal(numerator: tenths, denominator: 1, places: 1)
    }
}
