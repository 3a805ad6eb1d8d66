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

    let html: MustacheTemplate
    let markdown: MustacheTemplate
    let invoice: MustacheTemplate
    let note: MustacheTemplate
    /// Holds the partials.
    let library: MustacheLibrary
    let css: String

    /// Parses the billing files from `texts` (file name to text and the path for messages).
    ///
    /// - Throws: `TallyError.badData` naming the file and line of a template that does not
    ///   parse, or of a `</style` in `billing.css`.
    static func load(_ texts: [String: (text: String, path: String)]) throws -> BillingTemplates {
        func text(_ name: String) -> (text: String, path: String) {
            texts[name] ?? (BuiltInTemplates.files[name] ?? "", "(built-in) " + name)
        }
        var library = MustacheLibrary()
        for (name, file) in partials.sorted(by: { $0.key < $1.key }) {
            library.register(try TemplateSet.parse(text(file)), named: name)
        }
        return BillingTemplates(
            html: try TemplateSet.parse(text("billing.html.mustache")),
            markdown: try TemplateSet.parse(text("billing.md.mustache")),
            invoice: try TemplateSet.parse(text("invoice.html.mustache")),
            note: try TemplateSet.parse(text("adjustment.html.mustache")),
            library: library,
            css: try TemplateSet.asset(text("billing.css"), closingTag: "</style"))
    }
}
