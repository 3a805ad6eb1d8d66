/// The templates of the pages beside `usage.html`: one per customer
/// (`customers/<id>.html`), the list of all customers (`customers/index.html`, paged)
/// and one per error group shown (`errors/<rank>.html`).
struct PageTemplates: Sendable {
    /// The file names, in a fixed order.
    static let fileNames = ["customer.html.mustache", "customers.html.mustache", "error-group.html.mustache"]

    let customer: PiecewiseTemplate
    let customers: PiecewiseTemplate
    let errorGroup: PiecewiseTemplate

    /// Parses the three templates from `texts` (file name to text and path), built-in when absent.
    ///
    /// - Throws: `TallyError.badData` naming the file, as `TemplateSet.parse` does.
    static func load(_ texts: [String: (text: String, path: String)]) throws -> PageTemplates {
        func parsed(_ name: String) throws -> PiecewiseTemplate {
            let source = texts[name] ?? (BuiltInTemplates.files[name] ?? "", "(built-in) " + name)
            let template = try TemplateSet.parse(source)
            try PartialIncludes.check(template.partials, in: source.path, available: [:])
            return template
        }
        return PageTemplates(
            customer: try parsed("customer.html.mustache"), customers: try parsed("customers.html.mustache"),
            errorGroup: try parsed("error-group.html.mustache"))
    }
}
