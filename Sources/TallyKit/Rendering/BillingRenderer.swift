import Foundation

/// Renders the billing pages from their views: `billing.html`, `billing.md`, one
/// `invoices/<number>.html` per invoice and one `adjustments/<number>.html` per note.
/// Deterministic (same views, same bytes), times in the plan's zone.
///
/// The CSV and JSON billing files are written by `BillingCSVWriter` and `BillingJSONWriter`;
/// `BillingFiles` streams them all.
package struct BillingRenderer: Sendable {
    /// In-flight and unbillable jobs listed per period in `billing.html` (their totals are always shown).
    package static let htmlJobCap = 100

    let templates: TemplateSet
    let format: BillingFormat
    /// The inline style of every HTML page: `usage.css`, `billing.css`, then the `@page` rule of `--paper`.
    let style: String
    /// The policy of the invoice and note pages (computed once: a run may write a million pages).
    let pageCSP: String

    /// Makes a renderer for a template set and the plan's zone.
    ///
    /// - Parameter zoneName: the zone as the plan names it; `zone.identifier` by default.
    package init(templates: TemplateSet, zone: TimeZone, zoneName: String? = nil, paper: PaperSize = .a4) {
        self.templates = templates
        format = BillingFormat(display: DisplayFormat(zone: zone), zoneName: zoneName ?? zone.identifier)
        style = templates.css + templates.billing.css + paper.pageRule
        pageCSP = Self.csp(style: style, script: nil)
    }

    /// `billing.html`: the usage page's style and script (table sorting), both allowed by hash.
    func html(_ view: BillingView) -> [UInt8] {
        var view = view
        view.style = style
        view.script = templates.script
        view.csp = Self.csp(style: style, script: templates.script)
        return templates.billing.html.bytes(view, library: templates.billing.compiledLibrary)
    }

    /// `billing.md`.
    func markdown(_ view: BillingView) -> [UInt8] {
        templates.billing.markdown.bytes(view, library: templates.billing.compiledLibrary)
    }

    /// One invoice page: no script.
    func page(_ invoice: InvoiceView, issuer: PartyView?, currency: String) -> [UInt8] {
        let title = (invoice.isDraft ? "Draft invoice " : "Invoice ") + invoice.number
        let view = InvoicePageView(
            title: title, currency: currency, issuer: issuer, invoice: invoice, csp: pageCSP, style: style)
        return templates.billing.invoice.bytes(view, library: templates.billing.compiledLibrary, capacity: 16 << 10)
    }

    /// One adjustment note page: no script.
    func page(_ note: AdjustmentNoteView, issuer: PartyView?, currency: String) -> [UInt8] {
        let view = NotePageView(
            title: "\(note.title) \(note.number)", currency: currency, issuer: issuer, note: note,
            csp: pageCSP, style: style)
        return templates.billing.note.bytes(view, library: templates.billing.compiledLibrary, capacity: 16 << 10)
    }

    /// The page of a numbered document in `folder`: `invoices/INV-000001.html`.
    ///
    /// Numbers are made of letters, digits, `-` and `_` (prefixes are checked, labels and
    /// short ids are made so); any other character (or a leading `.`) becomes `_` all the
    /// same, so a number can never name a path outside its folder.
    static func pageFile(_ folder: String, _ number: String) -> String {
        var name = String(String.UnicodeScalarView(number.unicodeScalars.map { isSafe($0) ? $0 : "_" }))
        if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
        return "\(folder)/\(name).html"
    }

    private static func isSafe(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
    }

    /// The Content-Security-Policy: nothing but the exact inline style (and script) and `data:` images.
    static func csp(style: String, script: String?) -> String {
        let scriptSource = script.map { "script-src \(SHA256.cspSource($0)); " } ?? ""
        return "default-src 'none'; style-src \(SHA256.cspSource(style)); \(scriptSource)img-src data:; base-uri 'none'; form-action 'none'"
    }
}
