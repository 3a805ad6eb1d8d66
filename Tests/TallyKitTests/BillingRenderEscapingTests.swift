import Foundation
import Testing

@testable import TallyKit

/// Values from the data never become markup, links or table cells in the billing outputs;
/// template overrides apply to the billing files like to the usage ones.
@Suite struct BillingRenderEscapingTests {
    static let id = "<script>alert(1)</script>"
    static let email = "\"><img src=x onerror=alert(2)>|[x](javascript:y)@evil.test"
    static let name = "</td><script>alert('n')</script>\n# heading"

    func hostileRun() throws -> BillingRun {
        let customer = BillingCustomer(id: Self.id, email: Self.email, name: Self.name)
        return try BillingRun.make(
            plan: try BillingRenderFixture.plan(), period: BillingRenderFixture.period,
            usage: [CustomerUsage(customer: customer, usage: BillingUsage(documents: 3))], knownCustomers: [customer],
            unbilled: UnbilledUsage(inFlight: [UnbilledJob(jobID: "<b>job</b>", userID: Self.id, status: "<i>", documents: 1)]),
            processedDocuments: 4)
    }

    @Test func htmlPagesEscapeEveryValue() throws {
        let files = try BillingRenderFixture.render(try hostileRun())
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 2)
        for (name, page) in pages {
            for raw in ["<script>alert", "<img", "<b>job", "<i>", "</td><script>"] {
                #expect(!page.contains(raw), "\(name) contains \(raw)")
            }
            #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;|[x](javascript:y)@evil.test"), "\(name)")
            #expect(page.contains("&lt;/td&gt;&lt;script&gt;alert(&#39;n&#39;)&lt;/script&gt;"), "\(name)")
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(name)")
        }
        #expect(files["billing.html"]!.contains("<th scope=\"row\" class=\"id\">&lt;b&gt;job&lt;/b&gt;</th>"))
    }

    @Test func invoicePageOfAnUnsafeIDIsNamedByItsHash() throws {
        let run = try hostileRun()
        let number = try #require(run.invoices.first?.number)
        #expect(number.hasPrefix("2026-11-h"))
        let files = try BillingRenderFixture.render(run)
        #expect(files["invoices/\(number).html"] != nil)
    }

    @Test func pageNamesNeverLeaveTheInvoicesDirectory() throws {
        let files = try BillingRenderer.invoiceFiles(["../x", "a/b", "", ".hidden"])
        #expect(files["../x"] == "invoices/_.._x.html")
        #expect(files["a/b"] == "invoices/a_b.html")
        #expect(files[""] == "invoices/_.html")
        #expect(files[".hidden"] == "invoices/_.hidden.html")
        #expect(throws: TallyError.self) { try BillingRenderer.invoiceFiles(["a/b", "a_b"]) }
    }

    @Test func markdownCellsAreEscaped() throws {
        let md = try #require(try BillingRenderFixture.render(try hostileRun())["billing.md"])
        let row = try #require(md.split(separator: "\n").first { $0.contains("evil.test") })
        #expect(row.hasPrefix("| \"&gt;&lt;img src=x onerror=alert\\(2\\)&gt;\\|\\[x\\]\\(javascript:y\\)@evil.test | starter |"))
        #expect(row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1 == 8)
        #expect(!md.contains("<img"))
    }

    @Test func cspAllowsOnlyTheInlineStyleAndScript() throws {
        let files = try BillingRenderFixture.render(try BillingRenderFixture.run())
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
            "billing.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n{{#summary}}{{customer}};{{/summary}}\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let (set, warnings) = try TemplateSet.load(overrides: dir.path)
        #expect(warnings.count == TemplateSet.fileNames.count - 3)
        #expect(warnings.contains { $0.hasSuffix("billing.css: not found, using the built-in billing.css") })
        let out = try BillingRenderFixture.render(try hostileRun(), templates: set)
        let number = try hostileRun().invoices[0].number
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
