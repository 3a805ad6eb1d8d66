import Foundation
import Testing

@testable import TallyKit

/// A small hand-built billing run: every charge model, a discount, tax and a minimum,
/// a listed customer without usage, one without a match, and unbilled usage.
enum BillingRenderFixture {
    static let zone = TimeZone(identifier: "Europe/Berlin")!
    /// November 2026 in Europe/Berlin.
    static let period = BillingPeriod(
        start: Instant(seconds: 1_793_487_600), end: Instant(seconds: 1_796_079_600), label: "2026-11")

    static func plan() throws -> Plan {
        try PlanLoader.parse(
            """
            currency: EUR
            timezone: Europe/Berlin
            rounding: half-even
            default_plan: starter
            plans:
              starter:
                base_fee: "19.00"
                minimum: "25.00"
                charges:
                  - { metric: documents, model: per_unit, unit_price: "0.05" }
              pro:
                base_fee: "99.00"
                charges:
                  - metric: documents
                    model: graduated
                    tiers:
                      - { up_to: 100, unit_price: "0" }
                      - { up_to: 10000, unit_price: "0.05", flat_fee: "2" }
                      - { up_to: null, unit_price: "0.03" }
                  - { metric: tokens, model: package, package_size: 1000, package_price: "0.002", free_units: 500 }
                  - { metric: processing_seconds, model: per_unit, unit_price: "0.0004" }
              bulk:
                charges:
                  - metric: jobs
                    model: volume
                    tiers:
                      - { up_to: 10, unit_price: "1.00" }
                      - { up_to: null, unit_price: "0.80", flat_fee: "5" }
            customers:
              "alice@example.com": { plan: pro, discount_percent: "10" }
              "u-bob": { plan: starter, tax_percent: "19" }
              "carol@example.com": { plan: bulk }
              "dave@example.com": { plan: pro }
              "ghost@example.com": { plan: pro }
            """, file: "plan.yaml")
    }

    static let alice = BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice Liddell")
    static let bob = BillingCustomer(id: "u-bob")
    static let carol = BillingCustomer(id: "u-carol", email: "carol@example.com", name: "Carol")
    static let dave = BillingCustomer(id: "u-dave", email: "dave@example.com")

    static func usage() -> [CustomerUsage] {
        [
            CustomerUsage(
                customer: alice,
                usage: BillingUsage(documents: 12_345, jobs: 40, tokens: 1_234_567, processingMicroseconds: 3_600_500_000)),
            CustomerUsage(customer: bob, usage: BillingUsage(documents: 3, jobs: 1)),
            CustomerUsage(customer: carol, usage: BillingUsage(documents: 30, jobs: 12)),
        ]
    }

    static func unbilled() -> UnbilledUsage {
        UnbilledUsage(
            anonymousDocuments: 7, anonymousJobs: 2,
            inFlight: [
                UnbilledJob(jobID: "j-0002", userID: "u-bob", status: "processing", documents: 4),
                UnbilledJob(jobID: "j-0001", userID: nil, status: "pending", documents: 0),
            ],
            unbillable: [UnbilledJob(jobID: "j-0003", userID: "u-carol", status: "completed", documents: 2)])
    }

    /// 12,345 + 3 + 30 billed; 7 + 4 + 2 unbilled.
    static let processedDocuments: Int64 = 12_391

    static func run(usage: [CustomerUsage] = usage(), processed: Int64 = processedDocuments) throws -> BillingRun {
        try BillingRun.make(
            plan: try plan(), period: period, usage: usage, knownCustomers: [alice, bob, carol, dave],
            unbilled: unbilled(), processedDocuments: processed)
    }

    /// Rendered files by name.
    static func render(_ run: BillingRun, templates: TemplateSet? = nil) throws -> [String: String] {
        let renderer = BillingRenderer(templates: try templates ?? TemplateSet.builtIn(), zone: zone)
        let files = try renderer.render(run, formats: [.html, .md])
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }
}

/// Golden files for `billing.html`, `billing.md` and one invoice page; re-record with
/// `TALLY_RECORD_GOLDEN=1 swift test --filter BillingRenderGolden`.
@Suite struct BillingRenderGoldenTests {
    @Test(arguments: ["billing.html", "billing.md", "invoices/2026-11-u-alice.html"])
    func matchesGolden(name: String) throws {
        let files = try BillingRenderFixture.render(try BillingRenderFixture.run())
        try GoldenFile.check(Array(try #require(files[name]).utf8), "billing/" + name)
    }

    @Test func filesAndOrder() throws {
        let renderer = BillingRenderer(templates: try TemplateSet.builtIn(), zone: BillingRenderFixture.zone)
        let run = try BillingRenderFixture.run()
        #expect(try renderer.render(run).map(\.name) == [
            "billing.html", "invoices/2026-11-u-alice.html", "invoices/2026-11-u-bob.html",
            "invoices/2026-11-u-carol.html", "invoices/2026-11-u-dave.html", "billing.md",
        ])
        #expect(try renderer.render(run, formats: [.md]).map(\.name) == ["billing.md"])
        #expect(try renderer.render(run, formats: [.csv, .json]).isEmpty)
    }

    @Test func sameRunAnyInputOrderGivesIdenticalBytes() throws {
        let renderer = BillingRenderer(templates: try TemplateSet.builtIn(), zone: BillingRenderFixture.zone)
        let first = try renderer.render(try BillingRenderFixture.run())
        let again = try renderer.render(try BillingRenderFixture.run())
        let reversed = try renderer.render(try BillingRenderFixture.run(usage: BillingRenderFixture.usage().reversed()))
        #expect(first == again)
        #expect(first == reversed)
    }

    @Test func reconciliationShowsNumbersAndVerdict() throws {
        let ok = try BillingRenderFixture.render(try BillingRenderFixture.run())
        #expect(ok["billing.html"]!.contains(#"<td class="n">12,378 + 13 = 12,391</td><td class="n">12,391</td><td><span class="status ok">OK</span>"#))
        #expect(ok["billing.md"]!.contains("| 12,378 + 13 = 12,391 | 12,391 | OK |"))
        #expect(!ok["billing.html"]!.contains("MISMATCH"))
        let off = try BillingRenderFixture.render(try BillingRenderFixture.run(processed: 12_392))
        #expect(off["billing.html"]!.contains(#"<td class="n">12,378 + 13 = 12,391</td><td class="n">12,392</td><td><span class="status warn">MISMATCH</span>"#))
        #expect(off["billing.md"]!.contains("Overall: **MISMATCH**."))
    }

    @Test func longJobListsAreCappedWithTheirCounts() throws {
        let jobs = (0..<150).map { UnbilledJob(jobID: "j\(1000 + $0)", userID: "u-bob", status: "processing", documents: 1) }
        let run = try BillingRun.make(
            plan: try BillingRenderFixture.plan(), period: BillingRenderFixture.period, usage: [],
            knownCustomers: [], unbilled: UnbilledUsage(inFlight: jobs), processedDocuments: 150)
        let html = try #require(try BillingRenderFixture.render(run)["billing.html"])
        #expect(html.contains("<p>Billed in the period they finish in. Jobs: 150; processed documents so far: 150. The first 100 are listed.</p>"))
        #expect(html.contains(">j1099</th>"))
        #expect(!html.contains(">j1100</th>"))
        #expect(html.contains("No invoices for this period."))
    }
}
