import Foundation

/// Turns a `BillingRun` into `billing.html` with one `invoices/<number>.html` page per
/// invoice, and `billing.md`: deterministic (same run, same bytes) and zone-aware.
///
/// The CSV and JSON billing files are written by `BillingCSVWriter` and `BillingJSONWriter`.
package struct BillingRenderer: Sendable {
    /// In-flight and unbillable jobs listed in `billing.html` (their totals are always shown).
    package static let htmlJobCap = 100

    let templates: TemplateSet
    let format: DisplayFormat
    let zoneName: String

    /// Makes a renderer for a template set and report zone.
    ///
    /// - Parameter zoneName: the zone as the user named it; `zone.identifier` by default.
    package init(templates: TemplateSet, zone: TimeZone, zoneName: String? = nil) {
        self.templates = templates
        self.format = DisplayFormat(zone: zone)
        self.zoneName = zoneName ?? zone.identifier
    }

    /// Invoice pages one piece of parallel rendering holds.
    static let pagesPerPiece = 64

    /// Renders the requested formats in a fixed order: `billing.html` then the invoice
    /// pages (by number) for `.html`, `billing.md` for `.md`; other formats give nothing here.
    ///
    /// The pages are rendered on `width` threads (the templates are only read), in runs of
    /// `pagesPerPiece`; the result does not depend on `width`.
    /// - Throws: `TallyError.internalInconsistency` when two invoices would share a page name.
    package func render(_ run: BillingRun, formats: Set<ReportFormat> = [.html, .md], width: Int = 1) throws -> [RenderedFile] {
        try render(run, formats: formats, width: width, pagesPerPiece: Self.pagesPerPiece)
    }

    /// `render(_:formats:width:)` with pieces of `pagesPerPiece` pages (tests use small ones).
    func render(_ run: BillingRun, formats: Set<ReportFormat>, width: Int, pagesPerPiece: Int) throws -> [RenderedFile] {
        let files = try Self.invoiceFiles(run.invoices.map(\.number))
        let html = formats.contains(.html) ? view(run, files: files, jobCap: Self.htmlJobCap) : nil
        let invoices = html?.invoices ?? []
        let page = html.map(pageView)
        let runs = stride(from: 0, to: invoices.count, by: pagesPerPiece).map { $0..<min($0 + pagesPerPiece, invoices.count) }
        // Piece 0: billing.html; 1: billing.md; then the runs of invoice pages.
        let pieces = try Parallel.map(2 + runs.count, width: width) { piece -> [RenderedFile] in
            switch piece {
            case 0:
                return html.map { [RenderedFile(name: "billing.html", bytes: Array(self.html($0).utf8))] } ?? []
            case 1:
                guard formats.contains(.md) else { return [] }
                let view = view(run, files: files, jobCap: 0)
                return [RenderedFile(name: "billing.md", bytes: Array(templates.billing.markdown.render(view).utf8))]
            default:
                return invoices[runs[piece - 2]].map { invoice in
                    RenderedFile(name: invoice.file, bytes: Array(renderPage(page!, invoice: invoice).utf8))
                }
            }
        }
        return pieces[0] + pieces.dropFirst(2).flatMap { $0 } + pieces[1]
    }

    /// The invoice page's path for each number: `invoices/<number>.html`.
    ///
    /// `InvoiceNumbering` makes numbers from the period label and letters, digits, `-`
    /// and `_`; any other character (or a leading `.`) is replaced by `_` all the same,
    /// so a number can never name a path outside `invoices/`.
    static func invoiceFiles(_ numbers: [String]) throws -> [String: String] {
        var files: [String: String] = [:]
        var taken: Set<String> = []
        for number in numbers {
            var name = String(String.UnicodeScalarView(number.unicodeScalars.map { Self.isSafe($0) ? $0 : "_" }))
            if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
            let path = "invoices/\(name).html"
            guard taken.insert(path).inserted else {
                throw TallyError.internalInconsistency("two invoices would both be written to \(path)")
            }
            files[number] = path
        }
        return files
    }

    private static func isSafe(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
    }

    /// The view of a run, listing at most `jobCap` in-flight and unbillable jobs.
    func view(_ run: BillingRun, files: [String: String], jobCap: Int) -> BillingView {
        BillingView(run, format: format, zoneName: zoneName, jobCap: jobCap, invoiceFiles: files)
    }

    /// The inline style of both HTML pages: `usage.css` then `billing.css`.
    var style: String { templates.css + templates.billing.css }

    /// `billing.html`: the usage page's style and script (table sorting), both allowed by hash.
    func html(_ view: BillingView) -> String {
        var view = view
        view.style = style
        view.script = templates.script
        view.csp = Self.csp(style: style, script: templates.script)
        return templates.billing.html.render(view, library: templates.billing.library)
    }

    /// What every invoice page shares: the run's view with the style and its policy (computed once, not per page).
    func pageView(_ view: BillingView) -> BillingView {
        var view = view
        view.style = style
        view.csp = Self.csp(style: style, script: nil)
        return view
    }

    /// One `invoices/<number>.html` page: `pageView` with `invoice` set; no script.
    func renderPage(_ pageView: BillingView, invoice: InvoiceView) -> String {
        var view = pageView
        view.invoice = invoice
        return templates.billing.invoice.render(view, library: templates.billing.library)
    }

    /// The Content-Security-Policy: nothing but the exact inline style (and script) and `data:` images.
    static func csp(style: String, script: String?) -> String {
        let scriptSource = script.map { "script-src \(SHA256.cspSource($0)); " } ?? ""
        return "default-src 'none'; style-src \(SHA256.cspSource(style)); \(scriptSource)img-src data:; base-uri 'none'; form-action 'none'"
    }
}
