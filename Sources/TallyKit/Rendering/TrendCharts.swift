/// The trend as small multiples: one small inline SVG bar chart per measure (jobs,
/// documents, failure rate), the same periods side by side, the report's period
/// highlighted. No script and no external resource; data text is HTML-escaped.
struct TrendCharts {
    let format: DisplayFormat

    private static let width = 320
    private static let height = 150
    private static let top = 34
    private static let bottom = 22

    /// The three charts in a `.multiples` grid; empty without periods.
    func html(_ trends: Trends) -> String {
        guard !trends.points.isEmpty else { return "" }
        let p = trends.points
        let rates = p.map { point -> Int64 in
            // Bounded first: negative counters (kept within 32 bits per job) can make any fraction.
            guard let f = point.failureRate.fraction, f.isFinite else { return 0 }
            return Int64((max(-1e12, min(1e12, f)) * 10_000).rounded())
        }
        return "<div class=\"multiples\">"
            + chart(id: "trend-jobs", title: "Jobs", values: p.map(\.jobs), text: p.map { format.count($0.jobs) }, trends: trends)
            + chart(id: "trend-documents", title: "Documents", values: p.map(\.documents), text: p.map { format.count($0.documents) }, trends: trends)
            + chart(id: "trend-failure", title: "Failure rate", values: rates,
                    text: p.map { format.percent($0.failureRate) }, trends: trends)
            + "</div>"
    }

    /// One measure: a bar per period, the last (the report's) in the accent colour, its value written out.
    private func chart(id: String, title: String, values: [Int64], text: [String], trends: Trends) -> String {
        let top = max(1, values.map { max(0, $0) }.max() ?? 1)
        let plotHeight = Double(Self.height - Self.top - Self.bottom)
        let step = Double(Self.width) / Double(values.count)
        var body = "<text class=\"c-title\" x=\"0\" y=\"14\">\(Escape.html(title))</text>"
        body += "<text class=\"c-label\" x=\"0\" y=\"28\">\(Escape.html(text.last ?? "")) in \(Escape.html(trends.points.last?.label ?? ""))</text>"
        for (i, value) in values.enumerated() {
            let h = Double(max(0, value)) / Double(top) * plotHeight
            let x = Double(i) * step + step * 0.15
            let cls = i == values.count - 1 ? "c-run" : "c-stop"
            let tip = "\(trends.points[i].label): \(text[i])"
            body += "<g><title>\(Escape.html(tip))</title><rect class=\"\(cls)\" x=\"\(num(x))\" y=\"\(num(Double(Self.height - Self.bottom) - h))\" width=\"\(num(step * 0.7))\" height=\"\(num(h))\"/></g>"
        }
        body += "<line class=\"c-grid\" x1=\"0\" x2=\"\(Self.width)\" y1=\"\(Self.height - Self.bottom)\" y2=\"\(Self.height - Self.bottom)\"/>"
        if let first = trends.points.first, let last = trends.points.last {
            body += "<text class=\"c-label\" x=\"0\" y=\"\(Self.height - 6)\">\(Escape.html(first.label))</text>"
            body += "<text class=\"c-label\" x=\"\(Self.width)\" y=\"\(Self.height - 6)\" text-anchor=\"end\">\(Escape.html(last.label))</text>"
        }
        let desc = zip(trends.points, text).map { "\($0.label) \($1)" }.joined(separator: ", ")
        return "<svg id=\"\(id)\" class=\"chart small\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(Self.width) \(Self.height)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title)) per \(Escape.html(trends.unit))</title><desc id=\"\(id)-d\">\(Escape.html(desc)).</desc>\(body)</svg>"
    }

    private func num(_ v: Double) -> String { SVGCharts.coordinate(v) }
}
