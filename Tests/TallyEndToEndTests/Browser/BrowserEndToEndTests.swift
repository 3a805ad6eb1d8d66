import Foundation
import Testing

/// The report's pages in a real browser (headless Chromium): with XSS payloads in the
/// data, no console error, CSP violation or dialog; every in-page link has its target;
/// at 390 px every table fits or scrolls inside its own container.
@Suite(.enabled(if: Chromium.enabled, "chromium not found: the browser tests skip (apt-get install chromium; TALLY_REQUIRE_REAL_COMPONENTS=1 makes this a failure)"))
struct BrowserEndToEndTests {
    let dir = TempDir()

    /// A report of a generated history plus a dump whose every text field is an XSS payload, with invoices.
    func hostileReport() throws -> String {
        let sample = try dir.sample(jobs: 400, users: 8)
        var users: [(id: String, email: String)] = [], jobs: [String] = [], documents: [String] = []
        for (n, payload) in SecurityEndToEndTests.xss.enumerated() {
            let user = String(format: "aaaaaaaa-0000-4000-8000-%012d", n)
            let job = String(format: "00000000-0000-4000-8000-%012d", n)
            users.append((user, payload + "@example.com"))
            jobs.append(jobJSON(id: job, user: user, [
                "job_type": jsonString(payload), "status": jsonString(n % 2 == 0 ? "failed" : "processing" + payload),
                "error_message": jsonString(payload), "config": jsonString("{\"model_name\": \(jsonString(payload))}"),
                "completed_at": n % 2 == 0 ? "\"2026-11-10T10:01:00Z\"" : "null",
            ]))
            documents.append(documentJSON(
                id: String(format: "dddddddd-0000-4000-8000-%012d", n), job: job, user: user, title: payload,
                filePath: "../../" + payload, status: "failed", error: payload))
        }
        let hostile = dir.write("hostile.json", dumpJSON(users: users, jobs: jobs, documents: documents))
        let plan = dir.write("plan.yaml", ReportFlowTests.plan)
        let out = dir("out")
        _ = try runReport([sample + "/history.sqlite", hostile], out: out, ["--plan", plan])
        return out
    }

    /// The pages an analyst opens: the usage report, the billing report, a customer page and an invoice.
    static func pages(in out: String) -> [String] {
        let invoices = entries(out + "/invoices").filter { $0.hasSuffix(".html") }.sorted()
        let customers = entries(out + "/customers").filter { $0.hasSuffix(".html") && $0 != "index.html" }.sorted()
        let errors = entries(out + "/errors").filter { $0.hasSuffix(".html") }.sorted()
        return ["usage.html", "billing.html", "customers/index.html"] + customers.prefix(1).map { "customers/" + $0 }
            + errors.prefix(1).map { "errors/" + $0 } + invoices.prefix(1).map { "invoices/" + $0 }
    }

    @Test func reportPagesHaveNoProblemsInABrowser() throws {
        let out = try hostileReport()
        let browser = try Chromium()
        let pages = Self.pages(in: out)
        #expect(pages.count == 6, "usage, billing, the customer list, a customer, an error group, an invoice: \(pages)")
        for page in pages {
            let checked = try PageProblems(out + "/" + page, in: browser)
            #expect(checked.problems.isEmpty, "\(page): \(checked.problems.joined(separator: "\n"))")
        }
    }

    /// The checker itself finds each kind of problem (a test that cannot fail is a defect).
    @Test func theCheckerFindsEveryKindOfProblem() throws {
        let bad = dir.write("bad.html", """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
            <a href="#nowhere">x</a> <a href="missing.html">y</a> <a href="good.html#absent">z</a>
            <table width="2000"><caption>wide</caption><tr><td>1</td></tr></table>
            <img src="https://example.invalid/x.png" alt="">
            <script>console.error("boom"); alert("dialog");</script></body></html>
            """)
        let good = dir.write("good.html", """
            <!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
            <a href="#here">x</a> <a href="bad.html">y</a><p id="here">here</p>
            <div style="overflow-x:auto"><table style="width:2000px"><tr><td>1</td></tr></table></div></body></html>
            """)
        let browser = try Chromium()
        let problems = try PageProblems(bad, in: browser).problems.joined(separator: "\n")
        for kind in ["console error: boom", "CSP violation", "JavaScript dialog", "#nowhere", "missing file", "missing fragment", "wider than 390"] {
            #expect(problems.contains(kind), "not found: \(kind) in\n\(problems)")
        }
        #expect(try PageProblems(good, in: browser).problems.isEmpty)
    }
}
