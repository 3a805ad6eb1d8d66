import Foundation

/// The output formats of `tally report`.
package enum ReportFormat: String, Sendable, CaseIterable {
    case html, csv, md, json
}

/// Turns a `UsageReport` into the bytes of `usage.html`, `usage.md`, the CSVs and
/// `usage.json`: deterministic (same report, same bytes) and zone-aware.
package struct ReportRenderer: Sendable {
    /// Customer rows shown in the HTML (all of them are in `customers/index.html` and `usage_by_customer.csv`).
    package static let htmlCustomerCap = 25
    /// Error groups shown in the HTML, each with its page `errors/<rank>.html`.
    package static let htmlErrorCap = 20
    /// Customer rows shown in the Markdown summary.
    package static let markdownCustomerCap = 20
    /// Error clusters shown in the Markdown summary.
    package static let markdownErrorCap = 10

    let templates: TemplateSet
    let format: DisplayFormat
    let csvBOM: Bool
    /// The page's inline style: `usage.css` and the `@page` rule of `--paper`.
    let style: String

    /// Makes a renderer for a template set and report zone; `csvBOM` is `--csv-bom`.
    package init(templates: TemplateSet, zone: TimeZone, csvBOM: Bool, paper: PaperSize = .a4) {
        self.templates = templates
        self.format = DisplayFormat(zone: zone)
        self.csvBOM = csvBOM
        self.style = templates.css + paper.pageRule
    }

    /// Renders the requested formats (all by default), in a fixed file order.
    ///
    /// `jobs.csv` is not among them: the caller streams it with `JobsCSVWriter`.
    /// - Throws: `TallyError.badData` when a template from `--templates` would render
    ///   more than `TemplateSet.maxRenderedSize` (`PiecewiseTemplate.checkSize`).
    package func render(_ report: UsageReport, formats: Set<ReportFormat> = Set(ReportFormat.allCases)) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        if formats.contains(.html) { files.append(RenderedFile(name: "usage.html", bytes: try htmlBytes(report))) }
        if formats.contains(.md) { files.append(RenderedFile(name: "usage.md", bytes: try markdownBytes(report))) }
        if formats.contains(.csv) {
            let csv = ReportCSV(bom: csvBOM)
            files.append(RenderedFile(name: "usage_by_customer.csv", bytes: csv.customers(report.customers)))
            files.append(RenderedFile(name: "usage_daily.csv", bytes: csv.daily(report.timeSeries)))
            files.append(RenderedFile(name: "errors.csv", bytes: csv.errors(report.errors)))
            files.append(RenderedFile(name: "usage_trends.csv", bytes: csv.trends(report.trends)))
        }
        if formats.contains(.json) { files.append(RenderedFile(name: "usage.json", bytes: Array(UsageJSON.render(report).utf8))) }
        return files
    }

    /// `usage.html` as text.
    func html(_ report: UsageReport) throws -> String { String(decoding: try htmlBytes(report), as: UTF8.self) }

    /// `usage.md` as text.
    func markdown(_ report: UsageReport) throws -> String { String(decoding: try markdownBytes(report), as: UTF8.self) }

    /// `usage.html`: the view with its charts, style, script and their policy.
    func htmlBytes(_ report: UsageReport) throws -> [UInt8] {
        var view = UsageView(report, format: format, customerCap: Self.htmlCustomerCap, errorCap: Self.htmlErrorCap)
        view.charts = ChartsView(report, charts: SVGCharts(format: format))
        let styleHash = SHA256.cspSource(style), scriptHash = SHA256.cspSource(templates.script)
        view.style = style
        view.script = templates.script
        view.csp = "default-src 'none'; style-src \(styleHash); script-src \(scriptHash); img-src data:; base-uri 'none'; form-action 'none'"
        try templates.html.checkSize(view)
        return templates.html.bytes(view)
    }

    /// `usage.md`.
    func markdownBytes(_ report: UsageReport) throws -> [UInt8] {
        let view = UsageView(report, format: format, customerCap: Self.markdownCustomerCap, errorCap: Self.markdownErrorCap)
        try templates.markdown.checkSize(view)
        return templates.markdown.bytes(view)
    }
}
