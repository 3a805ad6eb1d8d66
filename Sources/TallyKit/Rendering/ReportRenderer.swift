import Foundation

/// The output formats of `tally report`.
package enum ReportFormat: String, Sendable, CaseIterable {
    case html, csv, md, json
}

/// Turns a `UsageReport` into the bytes of `usage.html`, `usage.md`, the CSVs and
/// `usage.json`: deterministic (same report, same bytes) and zone-aware.
package struct ReportRenderer: Sendable {
    /// Customer rows shown in the HTML (all of them are in `usage_by_customer.csv`).
    package static let htmlCustomerCap = 500
    /// Customer rows shown in the Markdown summary.
    package static let markdownCustomerCap = 20
    /// Error clusters shown in the Markdown summary.
    package static let markdownErrorCap = 10

    let templates: TemplateSet
    let format: DisplayFormat
    let csvBOM: Bool

    /// Makes a renderer for a template set and report zone; `csvBOM` is `--csv-bom`.
    package init(templates: TemplateSet, zone: TimeZone, csvBOM: Bool) {
        self.templates = templates
        self.format = DisplayFormat(zone: zone)
        self.csvBOM = csvBOM
    }

    /// Renders the requested formats (all by default), in a fixed file order.
    ///
    /// `jobs.csv` is not among them: the caller streams it with `JobsCSVWriter`.
    /// - Throws: `TallyError.badData` when a template from `--templates` would render
    ///   more than `TemplateSet.maxRenderedSize` (`PiecewiseTemplate.checkSize`).
    package func render(_ report: UsageReport, formats: Set<ReportFormat> = Set(ReportFormat.allCases)) throws -> [RenderedFile] {
        var files: [RenderedFile] = []
        if formats.contains(.html) { files.append(RenderedFile(name: "usage.html", bytes: Array(try html(report).utf8))) }
        if formats.contains(.md) { files.append(RenderedFile(name: "usage.md", bytes: Array(try markdown(report).utf8))) }
        if formats.contains(.csv) {
            let csv = ReportCSV(bom: csvBOM)
            files.append(RenderedFile(name: "usage_by_customer.csv", bytes: csv.customers(report.customers)))
            files.append(RenderedFile(name: "usage_daily.csv", bytes: csv.daily(report.timeSeries)))
            files.append(RenderedFile(name: "errors.csv", bytes: csv.errors(report.errors)))
        }
        if formats.contains(.json) { files.append(RenderedFile(name: "usage.json", bytes: Array(UsageJSON.render(report).utf8))) }
        return files
    }

    /// `usage.html`: the view with its charts, style, script and their policy.
    func html(_ report: UsageReport) throws -> String {
        var view = UsageView(report, format: format, customerCap: Self.htmlCustomerCap, errorCap: 20)
        view.charts = ChartsView(report, charts: SVGCharts(format: format))
        let styleHash = SHA256.cspSource(templates.css), scriptHash = SHA256.cspSource(templates.script)
        view.style = templates.css
        view.script = templates.script
        view.csp = "default-src 'none'; style-src \(styleHash); script-src \(scriptHash); img-src data:; base-uri 'none'; form-action 'none'"
        try templates.html.checkSize(view)
        return templates.html.render(view)
    }

    /// `usage.md`.
    func markdown(_ report: UsageReport) throws -> String {
        let view = UsageView(report, format: format, customerCap: Self.markdownCustomerCap, errorCap: Self.markdownErrorCap)
        try templates.markdown.checkSize(view)
        return templates.markdown.render(view)
    }
}
