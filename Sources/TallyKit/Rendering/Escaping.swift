/// Escapers for the human formats, and the one rule for control characters in every
/// text output tally writes:
///
/// - HTML, Markdown and CSV: the C0 controls other than tab, line feed and carriage
///   return, DEL, and the C1 controls (U+0080 to U+009F) become U+FFFD (`�`). They
///   have no meaning there, NUL ends strings in many readers, and browsers and
///   spreadsheets treat them differently; U+FFFD shows that something was there.
///   (Markdown also turns every line break in a value into a space.)
/// - JSON: every C0 control is written as an escape (`\u0000`, `\n`, ...), so the data
///   arrives exactly; DEL and C1 are valid JSON and written as they are (`JSONText`).
package enum Escape {
    /// What replaces a control character in HTML, Markdown and CSV.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether `value` is a control character no HTML, Markdown or CSV output carries.
    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 ? (value != 0x09 && value != 0x0A && value != 0x0D) : (value >= 0x7F && value <= 0x9F)
    }

    /// HTML text and attribute escaping: `& < > " '`, each Unicode scalar on its own (a
    /// quote followed by a combining mark is still a quote to a browser), and control
    /// characters replaced.
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
            default: out.unicodeScalars.append(isControl(c.value) ? replacement : c)
            }
        }
        return out
    }

    /// `html(_:)` appended to bytes, reading UTF-8: the characters it escapes and the
    /// controls it replaces are ASCII bytes, or U+0080 to U+009F (`C2 80` to `C2 9F`).
    static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0, copied = 0
            while i < bytes.count {
                let b = bytes[i]
                let entity: StaticString
                var width = 1
                switch b {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] <= 0x9F:
                    entity = "\u{FFFD}"
                    width = 2
                default:
                    guard isControl(UInt32(b)), b < 0x80 else {
                        i += 1
                        continue
                    }
                    entity = "\u{FFFD}"
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                i += width
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
    }

    /// Markdown with HTML entities, for `{{% CONTENT_TYPE: MARKDOWN}}` (a template of
    /// one's own; `usage.md` and `billing.md` use `gfm(_:)`).
    ///
    /// Line breaks become spaces; `& < >` become entities (no HTML gets through);
    /// Markdown punctuation that could start emphasis, code, links, images, math,
    /// tables or headings is backslash-escaped, so the text renders literally; control
    /// characters are replaced.
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
            default: out.unicodeScalars.append(isControl(c.value) ? replacement : c)
            }
        }
        return out
    }
}
