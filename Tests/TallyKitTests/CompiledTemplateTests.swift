import Foundation
import Mustache
import Testing

@testable import TallyKit

/// `CompiledTemplate` renders exactly what swift-mustache renders, for random templates
/// and every built-in one, and the built-in templates do compile (else rendering quietly
/// goes back to swift-mustache's speed).
@Suite struct CompiledTemplateTests {
    static let compiledLibrary = CompiledLibrary(TemplatePieceTests.library, names: ["p", "q"])

    /// The compiled rendering of `text` parsed whole; `nil` when it does not parse or compile.
    static func compiled(_ text: String) -> String? {
        guard let template = try? MustacheTemplate(string: text), let compiled = CompiledTemplate(template) else { return nil }
        return CompiledRender.render([compiled], TemplatePieceTests.view, library: compiledLibrary).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func randomTemplatesRenderAsSwiftMustacheDoes() {
        _ = TallyContentTypes.registered
        var random = TemplatePieceTests.Seeded(state: 0x2545_F491_4F6C_DD1D)
        var compared = 0
        for _ in 0..<4000 {
            let text = TemplatePieceTests.template(&random)
            guard let whole = TemplatePieceTests.whole(text), let compiled = Self.compiled(text) else { continue }
            #expect(compiled == whole, "template \(String(reflecting: text))")
            compared += 1
        }
        #expect(compared > 600)
    }

    @Test func indentedPartialsAndLineBreaksRenderAsSwiftMustacheDoes() throws {
        _ = TallyContentTypes.registered
        for text in [
            "a\n  {{> q}}\nb", "  {{>p}}\n  {{>p}}\n", "x\r\n  {{>q}}\r\n", "{{#list}}\n  {{>p}}\n{{/list}}\n", "\t{{> p}}\n",
            "{{#list}}{{v}}\n{{/list}}", "{{^empty}}none {{.}}{{/empty}}", "{{obj.list}}{{#obj}}{{#list}}[{{.}}]{{/list}}{{/obj}}",
        ] {
            let whole = try #require(TemplatePieceTests.whole(text))
            #expect(Self.compiled(text) == whole, "template \(String(reflecting: text))")
        }
    }

    @Test(arguments: TemplateSet.fileNames.filter { $0.hasSuffix(".mustache") })
    func builtInTemplatesCompileAndRenderAsSwiftMustacheDoes(name: String) throws {
        let set = try TemplateSet.builtIn()
        let root = try TemplateModelTests.root(of: name)
        let template: PiecewiseTemplate
        switch name {
        case "usage.html.mustache": template = set.html
        case "usage.md.mustache": template = set.markdown
        case "billing.html.mustache": template = set.billing.html
        case "billing.md.mustache": template = set.billing.markdown
        case "invoice.html.mustache": template = set.billing.invoice
        case "adjustment.html.mustache": template = set.billing.note
        case "customer.html.mustache": template = set.pages.customer
        case "customers.html.mustache": template = set.pages.customers
        case "error-group.html.mustache": template = set.pages.errorGroup
        default:
            // A partial: compiled in the library.
            let partial = try #require(BillingTemplates.partials.first { $0.value == name }?.key)
            #expect(set.billing.compiledLibrary.templates[partial] != nil, "\(name) does not compile")
            return
        }
        #expect(template.compiled != nil, "\(name) does not compile")
        let expected = template.render(root, library: set.billing.library)
        let rendered = template.bytes(root, library: set.billing.compiledLibrary)
        #expect(String(decoding: rendered, as: UTF8.self) == expected)
        #expect(rendered.count > 1000)
    }

    @Test func htmlEscapingIntoBytesIsEscapeHTML() {
        for text in [
            "", "plain", "<a href=\"x\">'&'</a>", "\u{0}\u{1}\t\n\r\u{1F}\u{7F}", "\u{80}\u{85}\u{9F}\u{A0}é", "\"\u{301}<\u{338}",
            "日本語 🎉 👩‍👩‍👧", String(repeating: "a&b", count: 1000),
        ] {
            var bytes: [UInt8] = [1]
            Escape.appendHTML(text, to: &bytes)
            #expect(bytes == [1] + Array(Escape.html(text).utf8), "\(String(reflecting: text))")
        }
    }

    /// A view of one string, for `{{v}}`.
    struct OneValue: MustacheParent {
        let v: String
        func child(named name: String) -> Any? { name == "v" ? v : nil }
    }

    /// swift-mustache's default escaping, which the compiled render does byte by byte for ASCII text.
    @Test func defaultEscapingRendersAsSwiftMustacheDoes() throws {
        let template = try MustacheTemplate(string: "[{{v}}]")
        let compiled = try #require(CompiledTemplate(template))
        for text in [
            "", "plain 1,234", "<a href=\"x\">'&'</a>", "a\r\nb\n\"\r", "\u{0}\u{1}\u{7F}", "\"\u{301}<\u{338}&",
            "caf\u{E9} & \"t\u{E9}\"", "日本語 🎉 👩‍👩‍👧 <x>", String(repeating: "a&b", count: 1000),
        ] {
            let view = OneValue(v: text)
            let rendered = try #require(CompiledRender.render([compiled], view, library: nil))
            #expect(String(decoding: rendered, as: UTF8.self) == template.render(view), "\(String(reflecting: text))")
        }
    }
}
