import Foundation
import Testing

@testable import TallyKit

/// Values from the data never become markup, links or table cells in the billing outputs;
/// template overrides apply to the billing files like to the usage ones.
@Suite struct BillingRenderEscapingTests {
    static let id = "<script>alert(1)</script>"
    static let email = "\"><img src=x onerror=alert(2)>|[x](javascript:y)@evil.test"
    static let name = "</td><script>alert('n')</script>\n# heading"

    func hostileFiles(templates: TemplateSet? = nil) throws -> [String: String] {
        let customer = BillingCustomer(id: Self.id, email: Self.email, name: Self.name)
        let window = BillingHarness.window(
            [(Self.id, BillingUsage(documents: 3))], inFlight: [BillingRenderFixture.job("<b>job</b>", Self.id, "<i>", 1)])
        return try BillingHarness.files(
            try BillingRenderFixture.plan(), [PeriodInput(period: novemberPeriod, window: window)], users: [customer],
            templates: templates)
    }

    @Test func htmlPagesEscapeEveryValue() throws {
        let files = try hostileFiles()
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 2)
        for (name, page) in pages {
            for raw in ["<script>alert", "<img", "<b>job", "<i>", "</td><script>"] {
                #expect(!page.contains(raw), "\(name) contains \(raw)")
            }
            #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;|[x](javascript:y)@evil.test"), "\(name)")
            #expect(page.contains("&lt;/td&gt;&lt;script&gt;alert(&#39;n&#39;)&lt;/script&gt;"), "\(name)")
        }
        #expect(files["billing.html"]!.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(files["billing.html"]!.contains("<th scope=\"row\" class=\"id\">&lt;b&gt;job&lt;/b&gt;</th>"))
    }

    @Test func invoicePageOfAnUnsafeIDIsNamedByItsHash() throws {
        let pages = try hostileFiles().keys.filter { $0.hasPrefix("invoices/") }
        #expect(pages.count == 1)
        #expect(pages.first?.hasPrefix("invoices/2026-11-h") == true)
    }

    @Test func pageNamesNeverLeaveTheirFolder() {
        #expect(BillingRenderer.pageFile("invoices", "../x") == "invoices/_.._x.html")
        #expect(BillingRenderer.pageFile("invoices", "a/b") == "invoices/a_b.html")
        #expect(BillingRenderer.pageFile("adjustments", "") == "adjustments/_.html")
        #expect(BillingRenderer.pageFile("invoices", ".hidden") == "invoices/_.hidden.html")
    }

    @Test func markdownCellsAreEscaped() throws {
        let md = try #require(try hostileFiles()["billing.md"])
        let row = try #require(md.split(separator: "\n").first { $0.contains("evil.test") })
        // The Markdown way (GFM): a backslash where a value could be markup, no HTML entities.
        #expect(row.hasPrefix("| \">\\<img src=x onerror=alert(2)>\\|\\[x\\](javascript:y)@evil.test | 2026-11 | final | starter |"))
        #expect(row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1 == 10)
        #expect(md.contains("\\<img") && !md.replacingOccurrences(of: "\\<", with: "").contains("<img"))
        #expect(!md.contains("&gt;") && !md.contains("&lt;"))
    }

    @Test func cspAllowsOnlyTheInlineStyleAndScript() throws {
        let files = try BillingRenderFixture.render()
        let set = try TemplateSet.builtIn()
        let style = set.css + set.billing.css
        let html = try #require(files["billing.html"])
        #expect(html.contains("content=\"default-src &#39;none&#39;; style-src &#39;sha256-"))
        #expect(html.contains("<style>\(style)</style>"))
        #expect(html.contains("<script>\(set.script)</script>"))
        #expect(html.contains(Escape.html(BillingRenderer.csp(style: style, script: set.script))))
        let invoice = try #require(files["invoices/2026-11-u-bob.html"])
        #expect(invoice.contains(Escape.html(BillingRenderer.csp(style: style, script: nil))))
        #expect(!invoice.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !invoice.contains("https://"))
    }

    @Test func overridesReplaceBillingTemplatesByName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-billing-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "invoice.html.mustache": "{{#invoice}}{{number}} {{customer}} {{total}} {{currency}}{{/invoice}}\n",
            "invoice-lines.html.mustache": "LINES {{number}}:{{#items}} {{kind}}={{amount}}{{/items}}\n",
            "billing.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n{{#invoices}}{{customer}};{{/invoices}}\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let (set, warnings) = try TemplateSet.load(overrides: dir.path)
        #expect(warnings.count == TemplateSet.fileNames.count - 3)
        #expect(warnings.contains { $0.hasSuffix("billing.css: not found, using the built-in billing.css") })
        let out = try hostileFiles(templates: set)
        let page = try #require(out.keys.first { $0.hasPrefix("invoices/") })
        let number = String(page.dropFirst("invoices/".count).dropLast(".html".count))
        #expect(out["invoices/\(number).html"] == "\(number) &quot;&gt;&lt;img src=x onerror=alert(2)&gt;|[x](javascript:y)@evil.test 25.00 EUR\n")
        #expect(out["billing.md"] == "\"&gt;&lt;img src=x onerror=alert\\(2\\)&gt;\\|\\[x\\]\\(javascript:y\\)@evil.test;\n")
        #expect(out["billing.html"]!.contains("LINES \(number): base_fee=19.00 usage=0.15 minimum=5.85\n"))
    }

    @Test func brokenBillingTemplateNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-billing-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("ok\n{{#invoices}}\n".utf8).write(to: dir.appendingPathComponent("billing.html.mustache"))
        try Data("a{}\n</STYLE>\n".utf8).write(to: dir.appendingPathComponent("billing.css"))
        #expect(throws: TallyError.self) { try TemplateSet.load(overrides: dir.path) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("billing.html.mustache"))
        #expect(throws: TallyError.badData(file: dir.path + "/billing.css", location: "line 2", message: "contains '</style', which would end the inline element")) {
            try TemplateSet.load(overrides: dir.path)
        }
    }
}
