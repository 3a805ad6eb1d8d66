import Mustache

/// tally's escaping for Mustache templates, by content type (`{{% CONTENT_TYPE: X}}`):
/// `HTML` (which replaces swift-mustache's own, so a quote followed by a combining mark
/// is escaped and control characters are replaced), `MARKDOWN` and `GFM` (`Escape`).
///
/// A template that names no content type gets the one for its file: `GFM` for
/// `*.md.mustache`, `HTML` otherwise (`TemplateSet`).
enum TallyContentTypes {
    struct HTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    struct Markdown: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.markdown(text) }
    }

    struct GFM: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.gfm(text) }
    }

    /// Registers the content types once; swift-mustache needs them before parsing.
    static let registered: Bool = {
        MustacheContentTypes.register(HTML(), named: "HTML")
        MustacheContentTypes.register(Markdown(), named: "MARKDOWN")
        MustacheContentTypes.register(GFM(), named: "GFM")
        return true
    }()

    /// The content type of a template that names none: by its file name.
    static func defaultName(forFile name: String) -> String {
        name.hasSuffix(".md.mustache") ? "GFM" : "HTML"
    }
}
