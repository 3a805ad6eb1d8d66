import Foundation
import Mustache
import Testing

@testable import TallyKit

/// The typed view models against the templates and `templates/README.md`: every key a
/// built-in template uses exists in its view, every stored property is a key, and the
/// README documents exactly the views' keys.
@Suite struct TemplateModelTests {
    static let readmeURL = RenderTemplateTests.templatesDirectory.appendingPathComponent("README.md")

    static func usage() throws -> UsageView { try SampleDecoder.sample(of: UsageView.self) }
    static func billing() throws -> BillingView { try SampleDecoder.sample(of: BillingView.self) }
    static func invoicePage() throws -> InvoicePageView { try SampleDecoder.sample(of: InvoicePageView.self) }
    static func notePage() throws -> NotePageView { try SampleDecoder.sample(of: NotePageView.self) }

    /// The views' types, found from the four roots.
    static func readmeCheck() throws -> ReadmeKeyCheck {
        ReadmeKeyCheck(roots: [try usage(), try billing(), try invoicePage(), try notePage()])
    }

    /// The view a built-in template is rendered with.
    static func root(of template: String) throws -> any MustacheParent {
        switch template {
        case _ where template.hasPrefix("usage"): return try usage()
        case "invoice.html.mustache": return try invoicePage()
        case "adjustment.html.mustache": return try notePage()
        default: return try billing()
        }
    }

    static let keyCheck = TemplateKeyCheck(partials: BillingTemplates.partials.mapValues { BuiltInTemplates.files[$0] ?? "" })

    /// Each key of `model` whose stored property `child(named:)` does not answer with its value.
    static func unanswered(_ model: any TemplateModel) -> [String] {
        ReadmeKeyCheck.keys(of: model).compactMap { key, value in
            let answer = model.child(named: key).map { ReadmeKeyCheck.unwrapped($0) ?? $0 }
            return answer.map(String.init(describing:)) == String(describing: value) ? nil : key
        }
    }

    @Test func sampleHasEveryOptionalAndOneElementPerList() throws {
        let usage = try Self.usage()
        #expect(usage.billing != nil && usage.charts != nil && usage.csp != nil)
        #expect(usage.headline.count == 1 && usage.headline[0].previous != nil)
        #expect(usage.headline[0].label == "headline.0.label")
        #expect(usage.activity.hasStuck)
        #expect(try Self.billing().invoices.first?.lines.count == 1)
        #expect(try Self.invoicePage().issuer != nil)
    }

    @Test func everyStoredPropertyIsAnsweredByName() throws {
        let check = try Self.readmeCheck()
        #expect(check.samples.count > 30)
        for (type, sample) in check.samples {
            #expect(Self.unanswered(sample).isEmpty, "\(type).child(named:) misses or mixes up these keys")
        }
    }

    /// A view whose `child(named:)` forgets one property and answers another with the wrong one.
    struct Misanswered: TemplateModel {
        let label: String
        let value: String
        let note: String
        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "value": label
            default: nil
            }
        }
    }

    @Test func forgottenOrMixedUpKeyIsFound() throws {
        #expect(Self.unanswered(try SampleDecoder.sample(of: Misanswered.self)) == ["value", "note"])
    }

    @Test(arguments: [
        "usage.html.mustache", "usage.md.mustache", "billing.html.mustache", "billing.md.mustache", "invoice.html.mustache",
        "adjustment.html.mustache",
    ])
    func builtInTemplateUsesOnlyKeysOfItsView(name: String) throws {
        let root = try Self.root(of: name)
        let text = try #require(BuiltInTemplates.files[name])
        let problems = Self.keyCheck.problems(in: text, named: name, root: root).map(\.description)
        #expect(problems == [])
    }

    @Test func misspeltKeysAreReported() throws {
        let template = """
            {{title}} {{#headline}}{{lable}}{{#previous}}{{trend}}{{/previous}}{{/headline}}
            {{period.form.local}} {{period.from.local}}
            {{^hasPrevous}}none{{/hasPrevous}}{{#jobsByStatus}}{{#hasPrevious}}{{previous}}{{/hasPrevious}}{{/jobsByStatus}}
            {{#customer}}{{rows}}{{/customer}}{{{charts.hour}}}
            """
        let problems = Self.keyCheck.problems(in: template, named: "typo.mustache", root: try Self.usage()).map(\.description)
        #expect(
            problems == [
                "typo.mustache:1: `lable` is not a key of UsageView > HeadlineCardView",
                "typo.mustache:2: `period.form.local` is not a key of UsageView",
                "typo.mustache:3: `hasPrevous` is not a key of UsageView",
                "typo.mustache:4: `customer` is not a key of UsageView",
                "typo.mustache:4: `charts.hour` is not a key of UsageView",
            ])
    }

    @Test func partialIsCheckedInTheContextItIsIncludedIn() throws {
        let check = TemplateKeyCheck(partials: ["lines": "{{#items}}{{label}}{{amont}}{{/items}}{{currency}}"])
        let problems = check.problems(in: "{{#invoices}}\n{{> lines}}{{/invoices}}{{> nope}}", named: "page", root: try Self.billing())
        #expect(
            problems.map(\.description) == [
                "lines:1: `amont` is not a key of BillingView > InvoiceView > InvoiceLineView",
                "page:2: partial `nope` does not exist",
            ])
        // Outside an invoice, the partial's invoice keys do not resolve.
        #expect(check.problems(in: "{{> lines}}", named: "page", root: try Self.billing()).map(\.message) == [
            "`items` is not a key of BillingView"
        ])
    }

    /// Without `--plan` there is no billing: `{{#billing}}` does not open, so usage.html
    /// has no "Billing:  invoices." line linking to a billing.html that does not exist.
    @Test func absentBillingOpensNothing() throws {
        var report = RenderFixture.report()
        report.billing = nil
        let view = UsageView(report, format: DisplayFormat(zone: RenderFixture.zone), customerCap: 1, errorCap: 1)
        let template = try MustacheTemplate(string: "{{#billing}}open {{link}}{{/billing}}|{{#billing.link}}link{{/billing.link}}|{{^billing}}none{{/billing}}")
        #expect(template.render(view) == "||none")
        let html = try #require(try RenderFixture.render(report)["usage.html"])
        #expect(!html.contains("Billing:") && !html.contains("billing.html"))
        let md = try #require(try RenderFixture.render(report)["usage.md"])
        #expect(!md.contains("Billing:") && !md.contains("billing.html"))
    }

    @Test func readmeDocumentsExactlyTheKeysOfTheViews() throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let problems = try Self.readmeCheck().problems(in: readme)
        #expect(problems == [])
    }

    @Test func readmeTyposAndGapsAreReported() throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let typo = readme.replacingOccurrences(of: "  - `stuckAfter`:", with: "  - `stuckAftr`:")
            .replacingOccurrences(of: "(`InstantView`)", with: "(`InstantViews`)")
            .replacingOccurrences(of: "`invoicesTotal`, `linesTotal`", with: "`invoicesTotal`,\n    `linesTotal`")
        #expect(typo != readme)
        let problems = try Self.readmeCheck().problems(in: typo)
        #expect(problems.contains { $0.hasSuffix(": `stuckAftr` is not a key of UsagePeriodView") })
        #expect(problems.contains("`UsagePeriodView.stuckAfter` is not documented"))
        #expect(problems.contains { $0.hasSuffix(": `InstantViews` is not a view type") })
        #expect(problems.contains("`InstantView.iso` is not documented"))
        #expect(problems.contains { $0.hasSuffix(": keep a bullet's keys on its first line") })
        #expect(problems.contains("`ReconciliationView.linesTotal` is not documented"))
        #expect(problems.count == 10, Comment(rawValue: problems.joined(separator: " / ")))
    }
}
