import Foundation

/// Turns a `BillingRun` into `billing.html` with one `invoices/<number>.html` page per
/// invoice, and `billing.md`: deterministic (same run, same bytes) and zone-aware.
///
/// The CSV and JSON billing files are written by `BillingCSVWriter` and `BillingJSONWriter`.
public struct BillingRenderer: Sendable {
    /// In-flight and unbillable jobs listed in `billing.html` (their totals are always shown).
    public static let htmlJobCap = 100

    let templates: TemplateSet
    let format: DisplayFormat
    let zoneName: String

    /// Makes a renderer for a template set and report zone.
    ///
    /// - Parameter zoneName: the zone as the user named it; `zone.identifier` by default.
    public init(templates: TemplateSet, zone: TimeZone, zoneName: String? = nil) {
        self.templates = templates
        self.format = DisplayFormat(zone: zone)
        self.zoneName = zoneName ?? zone.identifier
    }

    /// Renders the requested formats in a fixed order: `billing.html` then the invoice
    /// pages (by number) for `.html`, `billing.md` for `.md`; other formats give nothing here.
    ///
    /// - Throws: `TallyError.internalInconsistency` when two invoices would share a page name.
    public func render(_ run: BillingRun, formats: Set<ReportFormat> = [.html, .md]) throws -> [RenderedFile] {
        let files = try Self.invoiceFiles(run.invoices.map(\.number))
        var out: [RenderedFile] = []
        if formats.contains(.html) {
            let model = viewModel(run, files: files, jobCap: Self.htmlJobCap)
            out.append(RenderedFile(name: "billing.html", bytes: Array(html(model).utf8)))
            for invoice in model["invoices"] as? [BillingViewModel.Node] ?? [] {
                let name = invoice["file"] as? String ?? ""
                out.append(RenderedFile(name: name, bytes: Array(invoicePage(model, invoice: invoice).utf8)))
            }
        }
        if formats.contains(.md) {
            let model = viewModel(run, files: files, jobCap: 0)
            out.append(RenderedFile(name: "billing.md", bytes: Array(templates.billing.markdown.render(model).utf8)))
        }
        return out
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

    func viewModel(_ run: BillingRun, files: [String: String], jobCap: Int) -> BillingViewModel.Node {
        BillingViewModel(run: run, format: format, zoneName: zoneName, jobCap: jobCap, invoiceFiles: files).build()
    }

    /// The inline style of both HTML pages: `usage.css` then `billing.css`.
    var style: String { templates.css + templates.billing.css }

    /// `billing.html`: the usage page's style and script (table sorting), both allowed by hash.
    func html(_ model: BillingViewModel.Node) -> String {
        var model = model
        model["style"] = style
        model["script"] = templates.script
        model["csp"] = Self.csp(style: style, script: templates.script)
        return templates.billing.html.render(model, library: templates.billing.library)
    }

    /// One `invoices/<number>.html` page: the run's keys with `invoice` set; no script.
    func invoicePage(_ model: BillingViewModel.Node, invoice: BillingViewModel.Node) -> String {
        var model = model
        model["invoice"] = invoice
        model["style"] = style
        model["csp"] = Self.csp(style: style, script: nil)
        return templates.billing.invoice.render(model, library: templates.billing.library)
    }

    /// The Content-Security-Policy: nothing but the exact inline style (and script) and `data:` images.
    static func csp(style: String, script: String?) -> String {
        let scriptSource = script.map { "script-src \(SHA256.cspSource($0)); " } ?? ""
        return "default-src 'none'; style-src \(SHA256.cspSource(style)); \(scriptSource)img-src data:; base-uri 'none'; form-action 'none'"
    }
}
