import Foundation
import Mustache
import Testing

@testable import TallyKit

/// `PiecewiseTemplate` renders exactly what swift-mustache renders for the whole template,
/// parses in time linear in the template's length, and refuses what it cannot bound.
@Suite struct TemplatePieceTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    nonisolated(unsafe) static let view: [String: Any] = [
        "v": "<a&b \"q\" 'x' *_|#>", "n": 7, "flag": true, "off": false, "empty": [Any](),
        "list": [["v": "one"], ["v": "two", "flag": false], ["w": "three"]], "obj": ["v": "inner", "list": [1, 2]],
    ]
    static var library: MustacheLibrary { MustacheLibrary(templates: ["p": try! MustacheTemplate(string: "P{{v}}\n"), "q": try! MustacheTemplate(string: "  q{{#flag}}\n  {{v}}\n{{/flag}}")]) }

    static let fragments = [
        "a", "b c", " ", "  ", "\t", "\n", "\r\n", "\r", "{", "}", "x{", "{y", "}}", "é", "e\u{301}", "<p>", "1.", "-", "|",
        "{{v}}", "{{{v}}}", "{{&v}}", "{{ v }}", "{{n}}", "{{obj.v}}", "{{.}}", "{{! note }}", "{{!\nmulti }}", "{{>p}}", " {{> q}}",
        "{{% CONTENT_TYPE: TEXT}}", "{{%CONTENT_TYPE:MARKDOWN}}", "{{% CONTENT_TYPE: HTML}}\n", "{{missing}}", "{{#", "{{/",
        "\u{2028}", " \t", "\u{A0}", "{{$blk}}d\n{{/blk}}", "{{<q}}\n{{$x}}y{{/x}}\n{{/q}}", "{{{", "{{", "{{/list}}", "  {{#flag}}  \n",
    ]
    static let sections = ["list", "flag", "off", "empty", "obj", "missing"]

    /// A random template: fragments, and sections (normal or inverted) around random templates.
    static func template(_ random: inout Seeded, depth: Int = 0) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            if depth < 3 && Int.random(in: 0..<6, using: &random) == 0 {
                let name = sections.randomElement(using: &random)!
                let sigil = Bool.random(using: &random) ? "#" : "^"
                let newline = Bool.random(using: &random) ? "\n" : ""
                out += "{{\(sigil)\(name)}}\(newline)" + template(&random, depth: depth + 1) + "\(newline){{/\(name)}}"
            } else {
                out += fragments.randomElement(using: &random)!
            }
        }
        return out
    }

    static func whole(_ text: String) -> String? {
        (try? MustacheTemplate(string: text)).map { $0.render(view, library: library) }
    }

    static func pieces(_ text: String, budget: Int) -> String? {
        (try? PiecewiseTemplate(text, pieceBudget: budget, cutSpacing: budget < 0 ? 0 : 16)).map { $0.render(view, library: library) }
    }

    @Test func randomTemplatesRenderAsTheWholeTemplateDoes() {
        _ = TallyContentTypes.registered
        var random = Seeded(state: 0x9E37_79B9_7F4A_7C15)
        var compared = 0
        for _ in 0..<4000 {
            let text = Self.template(&random)
            let whole = Self.whole(text)
            for budget in [-1, 40, PiecewiseTemplate.pieceBudget] {
                let pieces = Self.pieces(text, budget: budget)
                #expect(pieces == whole, "budget \(budget), template \(String(reflecting: text))")
            }
            if whole != nil { compared += 1 }
        }
        #expect(compared > 800)
    }

    @Test(arguments: TemplateSet.fileNames.filter { $0.hasSuffix(".mustache") })
    func builtInTemplatesRenderAsWholeTemplatesDo(name: String) throws {
        let text = try #require(BuiltInTemplates.files[name])
        let root: Any = name.hasPrefix("usage") ? try TemplateModelTests.usage() : try TemplateModelTests.billing()
        let library = try TemplateSet.builtIn().billing.library
        let whole = try MustacheTemplate(string: text).render(root, library: library)
        for budget in [-1, PiecewiseTemplate.pieceBudget] {
            let pieces = try PiecewiseTemplate(text, pieceBudget: budget, cutSpacing: budget < 0 ? 0 : 16)
            #expect(pieces.render(root, library: library) == whole)
            if budget < 0 && text.count > 5000 { #expect(pieces.pieces.count > 20) }
        }
    }

    @Test(arguments: [("<p>{{title}}</p>", 100_000), ("<p>{{title}}</p>\n", 100_000), ("{{title}}", 150_000), ("{x", 500_000)])
    func largeTemplateParsesInLinearTime(unit: String, count: Int) throws {
        let text = String(repeating: unit, count: count)
        let template = try PiecewiseTemplate(text)
        let rendered = template.render(["title": "T"])
        #expect(rendered.utf8.count == text.utf8.count - text.components(separatedBy: "{{title}}").count * 8 + 8)
        // The whole template takes minutes to parse (545 s for the first): swift-mustache's
        // parse is quadratic in a piece's reads. Linear time means every piece it is handed
        // stays within the budget, so the pieces' parse cost grows with their number only.
        // (Counted, not clocked: a wall-clock limit failed on a busy machine.)
        let outline = try TemplateOutline(text)
        let spans = PiecewiseTemplate.spans(outline, budget: PiecewiseTemplate.pieceBudget)
        let costs = spans.map { outline.cost(from: $0.0.offset, to: $0.1.offset) }
        #expect(spans.count == template.pieces.count)
        #expect(costs.allSatisfy { $0 <= PiecewiseTemplate.pieceBudget }, "\(costs.max() ?? 0)")
        #expect(outline.cost(from: 0, to: outline.end.offset) > PiecewiseTemplate.pieceBudget * 100)
    }

    static func problem(_ text: String) -> TemplateOutline.Problem? {
        do {
            _ = try PiecewiseTemplate(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func structuralMistakesAreOneLineProblems() {
        #expect(Self.problem("a\n{{#rows}}\n{{name}}\n") == .init(line: 2, message: "{{#rows}} is never closed"))
        #expect(Self.problem("{{#a}}\n{{/b}}") == .init(line: 2, message: "{{/b}} closes {{#a}} of line 1"))
        #expect(Self.problem("x\n\n{{/a}}") == .init(line: 3, message: "{{/a}} closes no open section"))
        #expect(Self.problem("x {{name") == .init(line: 1, message: "a tag starting with `{{n` is never closed with `}}`"))
        #expect(Self.problem("{{=<% %>=}}") == .init(line: 1, message: "set-delimiter tags (`{{=...=}}`) are not supported"))
        #expect(Self.problem("\n{{>*name}}") == .init(line: 2, message: "dynamic partials (`{{>*...}}`) are not supported"))
        let deep = String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000)
        #expect(Self.problem(deep) == .init(line: 1, message: "sections are nested more than 32 deep"))
        let ok = String(repeating: "{{#a}}", count: 32) + String(repeating: "{{/a}}", count: 32)
        #expect(Self.problem(ok) == nil)
    }

    @Test func libraryErrorsAreLocatedInTheWholeTemplate() {
        let text = "{{% CONTENT_TYPE: TEXT}}\n" + String(repeating: "line {{v}}\n", count: 200) + "and {{bad name}} here\n"
        let problem = Self.problem(text)
        #expect(problem?.line == 202)
        #expect(problem?.column == 11)
        #expect(problem?.message == "template error: unfinishedName")
        #expect(Self.problem("{{% CONTENT_TYPE: NOPE}}")?.message == "template error: unrecognisedConfigVariable")
    }

    @Test func sectionTooCostlyToParseIsRefusedNamingItsLines() {
        let text = "<h1>{{title}}</h1>\n{{#rows}}\n" + String(repeating: "<p>{{title}}</p>\n", count: 100_000) + "{{/rows}}\n"
        #expect(Self.problem(text)?.line == 2)
        #expect(Self.problem(text)?.message == "lines 2-100003 (1700020 characters) hold too many tags to parse as one section: split the section")
        let line = String(repeating: "{{!c}}", count: 200_000)
        #expect(Self.problem(line)?.message == "this line (1200000 characters) holds too many tags with no text between them to parse: add text or line breaks between them")
        // A large section of an ordinary density is fine.
        let fine = "{{#rows}}\n" + String(repeating: "<tr><td>{{a}}</td><td>{{b}}</td></tr>\n", count: 600) + "{{/rows}}\n"
        #expect(Self.problem(fine) == nil)
    }

    @Test func estimateIsCloseToWhatRenders() throws {
        let set = try TemplateSet.builtIn()
        let view = UsageView(RenderFixture.report(customers: 40), format: DisplayFormat(zone: RenderFixture.zone), customerCap: 500, errorCap: 20)
        var estimate = RenderEstimate(limit: .max)
        try estimate.add(set.html.tree, root: view)
        let rendered = set.html.render(view).count
        #expect(estimate.size > rendered / 2 && estimate.size < rendered * 2, "estimate \(estimate.size), rendered \(rendered)")
    }

    @Test func nestedLoopsOverListsAreRefusedBeforeRendering() throws {
        let rows = "{{#customers.rows}}"
        let text = String(repeating: rows, count: 4) + "{{user}}" + String(repeating: "{{/customers.rows}}", count: 4)
        var template = try PiecewiseTemplate(text)
        template.path = "my/usage.html.mustache"
        template.sizeLimit = 256 << 20
        let view = UsageView(RenderFixture.report(customers: 497), format: DisplayFormat(zone: RenderFixture.zone), customerCap: 500, errorCap: 20)
        let start = ContinuousClock.now
        #expect(throws: TallyError.badData(
            file: "my/usage.html.mustache", location: nil,
            message: "would render more than 256 MiB of text, or take too long, with this report (sections over lists nested in one another?)")) {
            try template.checkSize(view)
        }
        #expect(ContinuousClock.now - start < .seconds(20), "a few seconds in a debug build")
        // Two levels (250,000 names) are fine.
        let two = try PiecewiseTemplate(String(repeating: rows, count: 2) + "{{user}}" + String(repeating: "{{/customers.rows}}", count: 2))
        var checked = two
        checked.sizeLimit = 256 << 20
        try checked.checkSize(view)
    }
}
