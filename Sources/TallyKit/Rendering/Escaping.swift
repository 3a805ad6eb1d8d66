import Mustache

/// Escapers for the human formats.
package enum Escape {
    /// HTML text and attribute escaping: `& < > " '`.
    package static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A GitHub-flavoured Markdown table cell or inline text.
    ///
    /// Line breaks become spaces; `& < >` become entities (no HTML gets through);
    /// Markdown punctuation that could start emphasis, code, links, images, math,
    /// tables or headings is backslash-escaped, so the text renders literally.
    /// (`+` and `-` start a list only at the start of a line, where no value is put.)
    package static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// The `MARKDOWN` content type for `{{% CONTENT_TYPE: MARKDOWN}}` templates.
struct MarkdownContentType: MustacheContentType {
    /// Name used in the pragma.
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        Escape.markdown(text)
    }

    /// Registers the content type once; swift-mustache needs it before parsing.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
        return true
    }()
}
