import Mustache

/// The billing part of a `TemplateSet`: `billing.html`, `billing.md`, the invoice page,
/// the adjustment note page, the partials `invoice-lines` (an invoice's lines, in
/// `billing.html` and the invoice page), `billing-jobs` (an unbilled job list) and
/// `billing-party` (a name and address block), and `billing.css` (added after
/// `usage.css` in every billing page's inline style).
struct BillingTemplates: Sendable {
    /// The billing file names a template directory may hold, in a fixed order.
    static let fileNames = [
        "billing.html.mustache", "billing.md.mustache", "billing.css", "invoice.html.mustache", "adjustment.html.mustache",
        "invoice-lines.html.mustache", "billing-jobs.html.mustache", "billing-party.html.mustache",
    ]
    /// Partial names (`{{> invoice-lines}}`) and their files.
    static let partials = [
        "invoice-lines": "invoice-lines.html.mustache", "billing-jobs": "billing-jobs.html.mustache",
        "billing-party": "billing-party.html.mustache",
    ]

    let html: PiecewiseTemplate
    let markdown: PiecewiseTemplate
    let invoice: PiecewiseTemplate
    /// The adjustment note page.
    let note: PiecewiseTemplate
    /// Holds the partials.
    let library: MustacheLibrary
    /// The partials compiled (`CompiledTemplate`), for rendering into bytes.
    let compiledLibrary: CompiledLibrary
    let css: String

    /// Parses the billing files from `texts` (file name to text and the path for messages).
    ///
    /// - Throws: `TallyError.badData` naming the file and line of a template that does not
    ///   parse, of an include of a partial that does not exist or includes itself
    ///   (`PartialIncludes`; `billing.md` includes none), or of a `</style` in `billing.css`.
    static func load(_ texts: [String: (text: String, path: String)]) throws -> BillingTemplates {
        func text(_ name: String) -> (text: String, path: String) {
            texts[name] ?? (BuiltInTemplates.files[name] ?? "", "(built-in) " + name)
        }
        var library = MustacheLibrary()
        var included: [String: PartialIncludes.Partial] = [:]
        for (name, file) in partials.sorted(by: { $0.key < $1.key }) {
            let (template, uses) = try TemplateSet.parsePartial(text(file))
            library.register(template, named: name)
            included[name] = .init(path: text(file).path, uses: uses)
        }
        try PartialIncludes.checkPartials(included)
        let html = try TemplateSet.parse(text("billing.html.mustache")), invoice = try TemplateSet.parse(text("invoice.html.mustache"))
        let markdown = try TemplateSet.parse(text("billing.md.mustache")), note = try TemplateSet.parse(text("adjustment.html.mustache"))
        try PartialIncludes.check(html.partials, in: text("billing.html.mustache").path, available: included)
        try PartialIncludes.check(invoice.partials, in: text("invoice.html.mustache").path, available: included)
        try PartialIncludes.check(note.partials, in: text("adjustment.html.mustache").path, available: included)
        try PartialIncludes.check(markdown.partials, in: text("billing.md.mustache").path, available: [:])
        return BillingTemplates(
            html: html,
            markdown: markdown,
            invoice: invoice,
            note: note,
            library: library,
            compiledLibrary: CompiledLibrary(library, names: partials.keys),
            css: try TemplateSet.asset(text("billing.css"), closingTag: "</style"))
    }
}
