/// The paper the HTML pages are printed on (`--paper`): written into their style
/// as `@page { size: ... }`, so the browser's print dialog starts with it.
package enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter

    /// The CSS `@page` rule appended to every page's inline style.
    var pageRule: String {
        "\n@page{size:\(self == .a4 ? "A4" : "letter");margin:14mm}\n"
    }

    /// Parses `a4` or `letter` (any case).
    ///
    /// - Throws: `TallyError.usage` naming the choices.
    package static func named(_ text: String) throws -> PaperSize {
        guard let paper = PaperSize(rawValue: text.lowercased()) else {
            throw TallyError.usage("unknown paper '\(text)' (use a4 or letter)")
        }
        return paper
    }
}
