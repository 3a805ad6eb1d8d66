import Foundation
import Testing
@testable import TallyKit

/// The pages beside usage.html: the customer list is paged, every page links only to
/// files that exist, and data never becomes a path.
@Suite struct PageRendererTests {
    static func renderer(customers: Int) throws -> PageRenderer {
        PageRenderer(report: RenderFixture.report(customers: customers), templates: try TemplateSet.builtIn(), zone: RenderFixture.zone)
    }

    @Test func theCustomerListIsPagedWithLinksBothWays() throws {
        let pages = try Self.renderer(customers: 2_500)
        #expect(pages.indexPageCount == 3)
        let middle = String(decoding: try pages.indexPage(1).bytes, as: UTF8.self)
        #expect(try pages.indexPage(1).name == "customers/index-2.html")
        #expect(middle.contains(", page 2 of 3;") && middle.contains("<a href=\"index.html\">previous page</a>"))
        #expect(middle.contains("<a href=\"index-3.html\">next page</a>"))
        let first = String(decoding: try pages.indexPage(0).bytes, as: UTF8.self)
        #expect(!first.contains("previous page") && first.components(separatedBy: "<tr><th scope=\"row\"><a href=").count - 1 == PageRenderer.indexPageSize)
        let single = String(decoding: try Self.renderer(customers: 0).indexPage(0).bytes, as: UTF8.self)
        #expect(!single.contains("page 1 of") && !single.contains("next page"))
    }

    @Test func customerPagesAreNamedSafelyAndHashedByThePolicy() throws {
        var report = RenderFixture.report()
        report.customers[0].userID = "../../etc/passwd"
        let pages = PageRenderer(report: report, templates: try TemplateSet.builtIn(), zone: RenderFixture.zone)
        let page = try pages.customerPage(report.customers[0], invoices: [("INV-1", "invoices/INV-1.html")])
        #expect(page.name.hasPrefix("customers/user-") && !page.name.contains(".."))
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<a href=\"../invoices/INV-1.html\">INV-1</a>"))
        let style = try TemplateSet.builtIn().css + PaperSize.a4.pageRule
        #expect(html.contains("style-src &#39;sha256-" + SHA256.base64(SHA256.digest(Array(style.utf8)))))
        #expect(try pages.customerPage(RenderFixture.report().customers.last!, invoices: []).name.hasPrefix("customers/"))
    }
}
