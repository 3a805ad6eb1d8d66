import Foundation
import Testing

@testable import TallyKit

/// `Escape.gfm`: usage.md reads as text, rendered or not. Checked against a real
/// CommonMark renderer (`cmark-gfm`, Debian package `cmark-gfm`) when one is installed.
@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("Batch aborted: <n> of <n> documents failed", "Batch aborted: \\<n> of \\<n> documents failed"),
        ("LLM rate limit exceeded (<n>) for request <id>", "LLM rate limit exceeded (\\<n>) for request \\<id>"),
        ("usage_by_customer.csv", "usage_by_customer.csv"),
        ("upload_<n>.pdf", "upload\\_\\<n>.pdf"),
        ("processed + failed > total", "processed + failed > total"),
        ("R&D, AT&T", "R&D, AT&T"),
        ("&amp; &#38; &copy;x &copy", "\\&amp; \\&#38; \\&copy;x &copy"),
        ("-5.4%", "-5.4%"),
        ("+12.7%", "+12.7%"),
        ("- item", "\\- item"),
        ("---", "\\---"),
        ("1. first", "1\\. first"),
        ("2026) x", "2026\\) x"),
        ("12.5 s", "12.5 s"),
        ("# heading", "\\# heading"),
        ("  # heading", "  \\# heading"),
        ("a # b", "a # b"),
        ("> quote", "\\> quote"),
        ("*b* `c` ~s~ a|b [l](x) \\ $m$", "\\*b\\* \\`c\\` \\~s\\~ a\\|b \\[l\\](x) \\\\ \\$m\\$"),
        ("line1\nline2\r\nline3", "line1 line2  line3"),
        ("nul\u{0}bel\u{7}esc\u{1B}del\u{7F}c1\u{85}\u{9B}tab\t", "nul\u{FFFD}bel\u{FFFD}esc\u{FFFD}del\u{FFFD}c1 \u{FFFD}tab\t"),
        ("", ""),
    ])
    func escapesOnlyWhatCouldBeMarkup(text: String, expected: String) {
        #expect(Escape.gfm(text) == expected)
    }

    static let hostile = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- c -->", "<http://x.example>", "<a@b.example>",
        "*bold*", "**b**", "_it_", "__b__", "a_b_c", "_a", "a_", "snake_case_", "`code`", "``x``", "[x](javascript:alert(1))",
        "![i](x)", "[^1]", "[ ] task", "~~s~~", "~s~", "a|b", "\\", "x\\", "\\*", "&amp;", "&#38;", "&#x26;", "&copy;", "R&D",
        "# h", "## h", "#5", "> q", "- l", "+ l", "* l", "-5", "1. o", "1) o", "123456789. o", "---", "***", "___", "= =",
        "line1\nline2", "a\u{0}b\u{7}c\u{1B}[31m", "e\u{301}", "x<\u{301}y", "\"q\" 'a'", "{{x}}", "(<n>)", "a & b; c",
        "  - indented", "\t# tab", "x]y", "a\u{2028}b",
    ]

    /// What a reader must see for `text`: line breaks as spaces, controls as U+FFFD.
    static func shown(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            default: out.unicodeScalars.append(Escape.isControl(c.value) ? Escape.replacement : c)
            }
        }
        return out
    }

    static let cmark: String? = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The HTML `cmark-gfm` makes of `markdown` (tables and strikethrough on, as on GitHub).
    static func render(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(cmark))
        process.arguments = ["-e", "table", "-e", "strikethrough"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The text inside each `<tag>...</tag>` of `html`, entities decoded; nil when it holds another tag.
    static func texts(of tag: String, in html: String) -> [String?] {
        html.components(separatedBy: "<\(tag)>").dropFirst().map { part in
            let inner = part.components(separatedBy: "</\(tag)>")[0]
            guard !inner.contains("<") else { return nil }
            return decoded(inner)
        }
    }

    /// `html` with the four entities cmark writes decoded, byte by byte (a `Character`
    /// replacement misses `&lt;` followed by a combining mark).
    static func decoded(_ html: String) -> String {
        let entities: [(String, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&amp;", 0x26)]
        var bytes = Array(html.utf8)[...]
        var out: [UInt8] = []
        while let byte = bytes.first {
            if byte == 0x26, let (entity, value) = entities.first(where: { bytes.starts(with: $0.0.utf8) }) {
                out.append(value)
                bytes = bytes.dropFirst(entity.utf8.count)
            } else {
                out.append(byte)
                bytes = bytes.dropFirst()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test(.enabled(if: cmark != nil || ProcessInfo.processInfo.environment["TALLY_REQUIRE_REAL_COMPONENTS"] == "1",
                   "cmark-gfm is not installed (apt-get install cmark-gfm)"))
    func cmarkRendersEveryValueAsItsText() throws {
        let values = Self.hostile.map(Escape.gfm)
        let paragraphs = try Self.render(values.enumerated().map { "P\($0.offset) \($0.element) end" }.joined(separator: "\n\n"))
        let items = try Self.render(values.map { "- \($0)" }.joined(separator: "\n\n"))
        let cells = try Self.render("| v |\n|---|\n" + values.map { "| \($0) |" }.joined(separator: "\n") + "\n")
        let headings = try Self.render(values.map { "## \($0)" }.joined(separator: "\n\n"))
        let rendered = (
            p: Self.texts(of: "p", in: paragraphs), li: Self.texts(of: "li", in: items.replacingOccurrences(of: "<li>\n<p>", with: "<li>")
                .replacingOccurrences(of: "</p>\n</li>", with: "</li>")),
            td: Self.texts(of: "td", in: cells), h2: Self.texts(of: "h2", in: headings))
        #expect(rendered.p.count == values.count && rendered.li.count == values.count)
        #expect(rendered.td.count == values.count && rendered.h2.count == values.count)
        for (i, text) in Self.hostile.enumerated() {
            let shown = Self.shown(text)
            #expect(rendered.p[safe: i] == "P\(i) \(shown) end", "\(String(reflecting: text)) in a paragraph: \(paragraphs)")
            let trimmed = shown.trimmingCharacters(in: .whitespaces)
            #expect(rendered.li[safe: i]??.trimmingCharacters(in: .whitespaces) == trimmed, "\(String(reflecting: text)) as a list item")
            #expect(rendered.td[safe: i] == trimmed, "\(String(reflecting: text)) in a table cell")
            #expect(rendered.h2[safe: i] == trimmed, "\(String(reflecting: text)) in a heading")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
