import Foundation
import Testing

@testable import TallyKit

/// A small hand-built billing run: every charge model, a discount, tax and a minimum,
/// a listed customer without usage, one without a match, and unbilled usage.
enum BillingRenderFixture {
    static let zone = TimeZone(identifier: "Europe/Berlin")!

    static func plan() throws -> Plan {
        try PlanLoader.parse(
            """
            currency: EUR
            timezone: Europe/Berlin
            rounding: half-even
            default_plan: starter
            payment_terms: 14d
            issuer:
              name: Docproc GmbH
              address: ["Beispielstraße 1", "10115 Berlin", "Germany"]
              tax_id: DE123456789
              contact: billing@docproc.example
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
              "alice@example.com":
                plan: pro
                discount_percent: "10"
                tax_percent: "7"
                billing_name: Liddell & Co. Ltd
                address: |
                  1 Rabbit Hole
                  Oxford OX1 1AA
                tax_id: GB999999973
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
    static let users = [alice, bob, carol, dave]

    static func usage() -> [(String, BillingUsage)] {
        [
            ("u-alice", BillingUsage(documents: 12_345, jobs: 40, tokens: 1_234_567, processingMicroseconds: 3_600_500_000)),
            ("u-bob", BillingUsage(documents: 3, jobs: 1)),
            ("u-carol", BillingUsage(documents: 30, jobs: 12)),
        ]
    }

    static func job(_ id: String, _ user: String?, _ status: String, _ documents: Int64) -> BillingUsageTally.UnbilledJob {
        BillingUsageTally.UnbilledJob(id: id, userID: user, status: status, processed: documents, createdAt: Instant(seconds: 1_793_500_000))
    }

    /// The period with the fixture's usage and unbilled jobs.
    static func inputs(usage: [(String, BillingUsage)] = usage(), period: BillingPeriod = novemberPeriod) -> [PeriodInput] {
        let window = BillingHarness.window(
            usage, anonymous: BillingUsage(documents: 7, jobs: 2),
            inFlight: [job("j-0002", "u-bob", "processing", 4), job("j-0001", nil, "pending", 0)],
            unbillable: [job("j-0003", "u-carol", "completed", 2)])
        return [PeriodInput(period: period, window: window)]
    }

    /// The billing files, by name.
    static func render(_ inputs: [PeriodInput] = inputs(), templates: TemplateSet? = nil, width: Int = 1) throws -> [String: String] {
        try BillingHarness.files(try plan(), inputs, users: users, templates: templates, width: width)
    }
}

/// Golden files for `billing.html`, `billing.md`, one invoice page and one note page; re-record with
/// `TALLY_RECORD_GOLDEN=1 swift test --filter BillingRenderGolden`.
@Suite struct BillingRenderGoldenTests {
    @Test(arguments: ["billing.html", "billing.md", "invoices/2026-11-u-alice.html"])
    func matchesGolden(name: String) throws {
        let files = try BillingRenderFixture.render()
        try GoldenFile.check(Array(try #require(files[name]).utf8), "billing/" + name)
    }

    @Test func draftPagesSayWhatTheyCover() throws {
        var period = novemberPeriod
        period.status = .draft
        period.usageUpTo = Instant(seconds: 1_795_910_400)  // 2026-11-29T00:00:00Z
        let files = try BillingRenderFixture.render(BillingRenderFixture.inputs(period: period))
        let note = "DRAFT: usage up to 2026-11-29 01:00 +01:00; the period closes 2026-12-01 00:00 +01:00"
        #expect(files["billing.html"]!.contains(note))
        #expect(files["billing.md"]!.contains(note))
        let page = try #require(files["invoices/DRAFT-2026-11-u-alice.html"])
        #expect(page.contains(note) && page.contains("<title>Draft invoice DRAFT-2026-11-u-alice</title>"))
        #expect(page.contains("<dt>Issue date</dt><dd>not issued</dd>"))
        #expect(files["invoices.csv"]!.split(separator: "\r\n").dropFirst().allSatisfy { $0.contains(",draft,") })
    }

    @Test func filesWrittenForEachFormat() throws {
        let all = try BillingRenderFixture.render()
        #expect(all.keys.sorted() == [
            "adjustments.csv", "billing.html", "billing.md", "billing_summary.csv", "invoice_breakdown.csv",
            "invoices.csv", "invoices.json", "invoices/2026-11-u-alice.html", "invoices/2026-11-u-bob.html",
            "invoices/2026-11-u-carol.html", "invoices/2026-11-u-dave.html",
        ])
        let md = try BillingHarness.files(try BillingRenderFixture.plan(), BillingRenderFixture.inputs(), users: BillingRenderFixture.users, formats: [.md])
        #expect(md.keys.sorted() == ["billing.md"])
    }

    @Test func oneInvoiceIsCountedInTheSingular() throws {
        let alice = [BillingRenderFixture.usage()[0]]
        let files = try BillingHarness.files(
            try BillingRenderFixture.plan(), BillingRenderFixture.inputs(usage: alice), users: [BillingRenderFixture.alice])
        #expect(try #require(files["billing.md"]).contains("\n1 invoice, grand total **"))
        #expect(try BillingRenderFixture.render()["billing.md"]!.contains("\n4 invoices, grand total **"))
    }

    @Test func sameRunAnyInputOrderOrThreadsGivesIdenticalBytes() throws {
        let first = try BillingRenderFixture.render()
        #expect(try BillingRenderFixture.render() == first)
        #expect(try BillingRenderFixture.render(BillingRenderFixture.inputs(usage: BillingRenderFixture.usage().reversed())) == first)
        #expect(try BillingRenderFixture.render(width: 3) == first)
    }

    @Test func bridgeShowsNumbersAndVerdict() throws {
        let ok = try BillingRenderFixture.render()
        #expect(ok["billing.html"]!.contains(#"<tr><th scope="row">2026-11: usage bridge = documents billed</th><td class="n">12,378</td><td class="n">12,378</td><td><span class="status ok">OK</span>"#))
        #expect(ok["billing.md"]!.contains("| 2026-11: usage bridge = documents billed | 12,378 | 12,378 | OK |"))
        #expect(!ok["billing.html"]!.contains("MISMATCH"))
    }

    @Test func longJobListsAreCappedWithTheirCounts() throws {
        let jobs = (0..<150).map { BillingRenderFixture.job("j\(1000 + $0)", "u-bob", "processing", 1) }
        let inputs = [PeriodInput(period: novemberPeriod, window: BillingHarness.window([], inFlight: jobs))]
        let html = try #require(try BillingHarness.files(try BillingRenderFixture.plan(), inputs)["billing.html"])
        #expect(html.contains("<p>Billed in the period they finish in. Jobs: 150; processed documents so far: 150. The first 100 are listed.</p>"))
        #expect(html.contains(">j1099</th>"))
        #expect(!html.contains(">j1100</th>"))
        #expect(html.contains("No invoices for these periods."))
    }

    @Test func billingHTMLListsAtMostTheLargestInvoices() throws {
        let usage = (0..<(BillingDigest.listLimit + 20)).map { ("u-\(1000 + $0)", BillingUsage(documents: Int64($0))) }
        let inputs = [PeriodInput(period: novemberPeriod, window: BillingHarness.window(usage))]
        let files = try BillingHarness.files(try BillingRenderFixture.plan(), inputs)
        let html = try #require(files["billing.html"])
        #expect(html.contains("The 500 largest of 520 invoices are listed"))
        #expect(html.components(separatedBy: "<article class=\"invoice\"").count - 1 == 500)
        // Totals are 25.00 (the minimum) up to 120 documents, then rise: the ties go to the earlier invoices.
        #expect(html.contains(">2026-11-u-1100<") && !html.contains(">2026-11-u-1101<") && html.contains(">2026-11-u-1519<"))
        #expect(files.keys.filter { $0.hasPrefix("invoices/") }.count == 520)
        #expect(files["billing_summary.csv"]!.split(separator: "\r\n").count == 521)
    }
}
