import Foundation
import Testing

/// Issue 12 (item 3): a template cannot crash or stall a run. Through the binary, with
/// `--templates`: one stderr line naming the template, exit 65 and nothing written, or a
/// report in seconds.
@Suite struct TemplateEndToEndTests {
    let dir = TempDir()

    func history() -> String { dir.write("jobs.ndjson", ndjson([jobJSON()])) }

    /// A templates directory holding `files`, and the other arguments of a run that uses it.
    func templates(_ files: [String: String]) -> [String] {
        for (name, text) in files { dir.write("templates/" + name, text) }
        let plan = dir.write("plan.yaml", ReportFlowTests.plan)
        return ["--templates", dir("templates"), "--plan", plan, "--quiet"]
    }

    @Test func partialThatIncludesItselfIsExit65NamingIt() throws {
        // Before: exit 139 (SIGSEGV, the stack overflowed) with no message.
        try FileManager.default.createDirectory(atPath: dir("templates"), withIntermediateDirectories: true)
        let extra = templates(["invoice-lines.html.mustache": "x{{> invoice-lines}}"])
        try expectReportFails([history()], in: dir, 65, mentions: ["invoice-lines.html.mustache", "line 1", "include itself"], extra: extra)
    }

    @Test(arguments: [
        ("billing.html.mustache", "{{> nope}}", "partial `nope` does not exist"),
        ("usage.html.mustache", "<p>\n{{#customers}}\n", "{{#customers}} is never closed"),
        ("usage.md.mustache", "{{#a}}{{/b}}", "{{/b}} closes {{#a}}"),
        ("invoice.html.mustache", String(repeating: "{{#invoice}}", count: 100_000), "nested more than 32 deep"),
        ("usage.html.mustache", "{{=<% %>=}}", "set-delimiter tags"),
    ])
    func hostileTemplateIsOneLineExit65(file: String, text: String, message: String) throws {
        try FileManager.default.createDirectory(atPath: dir("templates"), withIntermediateDirectories: true)
        try expectReportFails([history()], in: dir, 65, mentions: [file, message], extra: templates([file: text]))
    }

    @Test func hugeTemplateRendersInLinearTime() throws {
        // Before: 545 s for this 1.6 MB page, as swift-mustache parsed it whole.
        try FileManager.default.createDirectory(atPath: dir("templates"), withIntermediateDirectories: true)
        let extra = templates(["usage.html.mustache": String(repeating: "<p>{{title}}</p>", count: 100_000)])
        let result = try Tally.run(reportArguments([history()], out: dir("out"), extra), timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.timedOut)
        #expect(text(dir("out/usage.html")) == String(repeating: "<p>Usage report 2026-11</p>", count: 100_000))
    }

    @Test func hugeSectionIsRefusedNamingItsLines() throws {
        try FileManager.default.createDirectory(atPath: dir("templates"), withIntermediateDirectories: true)
        let section = "<h1>{{title}}</h1>\n{{#customers}}\n" + String(repeating: "<p>{{count}}</p>\n", count: 100_000) + "{{/customers}}\n"
        try expectReportFails([history()], in: dir, 65, mentions: ["usage.html.mustache", "lines 2-100003", "split the section"], extra: templates(["usage.html.mustache": section]))
    }

    @Test func sectionsOverListsNestedInOneAnotherAreRefusedBeforeRendering() throws {
        // 6 customers, 8 levels: 1.7 million copies of the innermost name.
        try FileManager.default.createDirectory(atPath: dir("templates"), withIntermediateDirectories: true)
        let jobs = (1...6).map { jobJSON(id: "00000000-0000-4000-8000-00000000000\($0)", user: "11111111-1111-4111-8111-11111111111\($0)") }
        let history = dir.write("six.ndjson", ndjson(jobs))
        let text = String(repeating: "{{#customers.rows}}", count: 8) + "{{user}}" + String(repeating: "{{/customers.rows}}", count: 8)
        try expectReportFails([history], in: dir, 65, mentions: ["usage.md.mustache", "would render more than"], extra: templates(["usage.md.mustache": text]))
    }
}
