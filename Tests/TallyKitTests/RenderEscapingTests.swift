import Foundation
import Testing

@testable import TallyKit

/// Nothing from the data can execute or change structure in any output.
@Suite struct RenderEscapingTests {
    static let xss = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(document.cookie)",
        "</style><script>alert(1)</script>",
        "]]><script>alert(1)</script>",
        "'><svg onload=alert(1)>",
        "</title></svg><script>alert(1)</script>",
        "<!--<script>alert(1)//-->",
    ]

    @Test(arguments: xss) func htmlShowsPayloadsAsText(payload: String) throws {
        let html = try #require(try RenderFixture.render(RenderFixture.report(text: payload))["usage.html"])
        // Exactly one <script element: the report's own, at the end.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("</style><"))
        #expect(!html.contains("<!--"))
        #expect(html.contains(Escape.html(payload)))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func htmlCSPHashesTheExactInlineScriptAndStyle() throws {
        let html = try #require(try RenderFixture.render(RenderFixture.report())["usage.html"])
        let script = try #require(BuiltInTemplates.files["usage.js"])
        let style = try #require(BuiltInTemplates.files["usage.css"])
        #expect(html.contains("<script>" + script + "</script>"))
        #expect(html.contains("<style>" + style + "</style>"))
        let csp = "default-src &#39;none&#39;; style-src &#39;sha256-" + SHA256.base64(SHA256.digest(Array(style.utf8)))
        #expect(html.contains(csp))
        #expect(html.contains("script-src &#39;sha256-" + SHA256.base64(SHA256.digest(Array(script.utf8))) + "&#39;"))
        #expect(!html.contains("unsafe-inline"))
        for attribute in ["src=", "href=\"http", "href=\"//", "url(", "@import"] {
            #expect(!html.contains(attribute), "no external resource: \(attribute)")
        }
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.base64(SHA256.digest(Array("abc".utf8))) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        #expect(SHA256.base64(SHA256.digest([UInt8]())) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.base64(SHA256.digest(long)) == "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=")
    }

    @Test(arguments: xss) func markdownNeutralisesPayloads(payload: String) throws {
        let md = try #require(try RenderFixture.render(RenderFixture.report(text: payload))["usage.md"])
        // Every `<` is backslash-escaped, so no tag or comment reaches a Markdown renderer
        // (MarkdownEscapeTests renders them with cmark-gfm).
        #expect(md.contains("\\<") == payload.contains("<"))
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"))
    }

    @Test func markdownEscapesCells() {
        #expect(Escape.markdown("a|b") == "a\\|b")
        #expect(Escape.markdown("line1\nline2\r\nline3") == "line1 line2  line3")
        #expect(Escape.markdown("*bold* _it_ `code` [x](javascript:alert(1))")
            == "\\*bold\\* \\_it\\_ \\`code\\` \\[x\\]\\(javascript:alert\\(1\\)\\)")
        #expect(Escape.markdown("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
        #expect(Escape.markdown("# not a heading \\ $x$") == "\\# not a heading \\\\ \\$x\\$")
    }

    @Test func controlCharactersBecomeTheReplacementCharacter() {
        #expect(Escape.html("a\u{0}b\u{1F}c\u{7F}d\u{80}\u{9F}e\tf\ng\rh") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}\u{FFFD}e\tf\ng\rh")
        // A quote followed by a combining mark is one Character but still a quote to a browser.
        #expect(Escape.html("\"\u{301}'\u{301}<\u{338}") == "&quot;\u{301}&#39;\u{301}&lt;\u{338}")
        #expect(Escape.markdown("a\u{0}b") == "a\u{FFFD}b")
        var csv: [UInt8] = []
        CSVField.appendText("x\u{0}y,\u{85}\u{A0}z\t", to: &csv)
        #expect(String(decoding: csv, as: UTF8.self) == "\"x\u{FFFD}y,\u{FFFD}\u{A0}z\t\"")
        csv = []
        CSVField.appendText("\u{0}=1", to: &csv)
        #expect(String(decoding: csv, as: UTF8.self) == "\u{FFFD}=1")
    }

    @Test func markdownTableRowsStayOneRowEach() throws {
        let md = try #require(try RenderFixture.render(RenderFixture.report(text: "evil|cell\nnew line"))["usage.md"])
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| 1 |") })
        #expect(row == "| 1 | evil\\|cell new line | 320 | 53.2% | 2026-03-31 19:45 |")
    }

    static let owasp = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]

    @Test(arguments: owasp) func csvDefusesFormulas(payload: String) throws {
        let files = try RenderFixture.render(RenderFixture.report(text: payload))
        let defused = "'" + payload
        let needsQuotes = defused.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        let expected = needsQuotes ? "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : defused
        for name in ["usage_by_customer.csv", "errors.csv", "usage_daily.csv"] {
            let csv = try #require(files[name])
            if name != "usage_daily.csv" { #expect(csv.contains("," + expected + ","), "\(name)") }
            for line in csv.components(separatedBy: "\r\n") {
                for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let first = field.first
                    #expect(first != "=" && first != "+" && first != "@" && first != "\t", "\(name): \(line)")
                }
            }
        }
        let row = JobsCSVWriter().row(JobRecord(id: "j", userID: nil, jobType: payload, errorMessage: payload, createdAt: Instant(seconds: 0)))
        #expect(row.contains("," + expected + ","))
    }

    @Test func csvKeepsNegativeNumbersPlain() {
        let row = JobsCSVWriter().row(JobRecord(
            id: "j1", userID: "u", processedCount: -5, failedCount: 2, createdAt: Instant(seconds: 0)))
        #expect(row == "j1,u,batch,pending,0,-5,2,,,1970-01-01T00:00:00Z,,,\r\n")
        #expect(PlainFormat.seconds(micros: -500_000) == "-0.500000")
    }

    @Test func csvQuotesAndCRLF() {
        let row = JobsCSVWriter().row(JobRecord(id: "a,b", userID: "say \"hi\"", errorMessage: "x\ny", createdAt: Instant(seconds: 1)))
        #expect(row.hasPrefix("\"a,b\",\"say \"\"hi\"\"\",batch,pending,"))
        #expect(row.contains(",\"x\ny\","))
        #expect(row.hasSuffix("\r\n"))
        #expect(JobsCSVWriter().header.hasSuffix("created_at,started_at,completed_at,updated_at\r\n"))
    }

    @Test func jsonEscapesStringsAndKeepsUTF8() {
        let out = OrderedJSON.string("a\"b\\c\n\t\u{01}é😀\u{2028}</script>").serialized(indent: 0)
        #expect(out == "\"a\\\"b\\\\c\\n\\t\\u0001é😀\\u2028\\u003c/script\\u003e\"")
        let json = OrderedJSON.object([("z", .int(1)), ("a", .array([])), ("m", .null)]).serialized()
        #expect(json == "{\n  \"z\": 1,\n  \"a\": [],\n  \"m\": null\n}\n")
    }

    @Test func jsonOfXSSReportParses() throws {
        let json = try #require(try RenderFixture.render(RenderFixture.report(text: "\"}\n<script>\u{0}"))["usage.json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == 1)
        #expect((object?["user_filter"] as? [String]) == ["\"}\n<script>\u{0}"])
    }
}
