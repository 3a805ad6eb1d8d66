import Foundation
import Testing
@testable import TallyKit

/// Billing periods from the plan: month, week and quarter in its zone, and when they turn final.
@Suite struct BillingCalendarTests {
    static let berlin = ZonedCalendar(zone: TimeZone(identifier: "Europe/Berlin")!)

    static func at(_ text: String) -> Instant { TimestampParser.parse(text)! }

    func calendar(_ cycle: BillingCycle, grace: Int64 = 0) -> BillingCalendar {
        BillingCalendar(cycle: cycle, calendar: Self.berlin, graceMicros: grace)
    }

    @Test func monthsCoverTheReportPeriodEachOverItsWholeLength() {
        // A report of 2026-10-20 .. 2026-11-10 (Berlin) overlaps October and November.
        let periods = calendar(.month).periods(
            overlapping: Self.at("2026-10-19T22:00:00Z"), Self.at("2026-11-09T23:00:00Z"), asOf: Self.at("2026-11-20T00:00:00Z"))
        #expect(periods.map(\.label) == ["2026-10", "2026-11"])
        // October ends at the end of DST: 31 days, one of them 25 hours long.
        #expect(periods[0].start == Self.at("2026-09-30T22:00:00Z") && periods[0].end == Self.at("2026-10-31T23:00:00Z"))
        #expect(periods[0].firstDay.description == "2026-10-01" && periods[0].lastDay.description == "2026-10-31")
        #expect(periods.map(\.status) == [.final, .draft])
        #expect(periods[0].usageUpTo == periods[0].end)
        #expect(periods[1].usageUpTo == Self.at("2026-11-20T00:00:00Z"))
    }

    @Test func graceKeepsAnEndedPeriodDraft() {
        let grace = calendar(.month, grace: 3 * 86_400_000_000)
        let oct = { (asOf: String) in
            grace.periods(overlapping: Self.at("2026-10-05T00:00:00Z"), Self.at("2026-10-06T00:00:00Z"), asOf: Self.at(asOf))[0]
        }
        #expect(oct("2026-11-03T22:59:59Z").status == .draft)
        #expect(oct("2026-11-03T22:59:59Z").usageUpTo == Self.at("2026-10-31T23:00:00Z"))
        #expect(oct("2026-11-03T23:00:00Z").status == .final)
        #expect(oct("2026-11-03T23:00:00Z").closesAt == Self.at("2026-11-03T23:00:00Z"))
    }

    @Test func periodsThatHaveNotBegunAreLeftOut() {
        let periods = calendar(.month).periods(
            overlapping: Self.at("2026-11-01T00:00:00Z"), Self.at("2027-02-01T00:00:00Z"), asOf: Self.at("2026-12-15T00:00:00Z"))
        #expect(periods.map(\.label) == ["2026-11", "2026-12"])
    }

    @Test func weeksAreISOWeeksAndQuartersCalendarQuarters() {
        let weeks = calendar(.week).periods(
            overlapping: Self.at("2026-12-30T12:00:00Z"), Self.at("2027-01-05T00:00:00Z"), asOf: Self.at("2027-02-01T00:00:00Z"))
        // 2026-12-28 is the Monday of ISO week 53 of 2026; 2027-01-04 starts week 1 of 2027.
        #expect(weeks.map(\.label) == ["2026-W53", "2027-W01"])
        #expect(weeks[0].firstDay.description == "2026-12-28" && weeks[0].lastDay.description == "2027-01-03")
        let quarters = calendar(.quarter).periods(
            overlapping: Self.at("2026-09-15T00:00:00Z"), Self.at("2026-10-02T00:00:00Z"), asOf: Self.at("2026-11-01T00:00:00Z"))
        #expect(quarters.map(\.label) == ["2026-Q3", "2026-Q4"])
        #expect(quarters[1].firstDay.description == "2026-10-01" && quarters[1].lastDay.description == "2026-12-31")
        #expect(quarters.map(\.status) == [.final, .draft])
    }

    @Test func windowsFindTheirInstant() {
        let windows = [
            BillingWindow(start: Instant(seconds: 10), end: Instant(seconds: 20)),
            BillingWindow(start: Instant(seconds: 20), end: Instant(seconds: 25)),
            BillingWindow(start: Instant(seconds: 40), end: Instant(seconds: 50)),
        ]
        #expect([5, 10, 19, 20, 24, 25, 39, 40, 49, 50].map { BillingWindow.index(of: Instant(seconds: $0), in: windows) }
            == [nil, 0, 0, 1, 1, nil, nil, 2, 2, nil])
    }
}

/// The plan's billing terms.
@Suite struct PlanTermsTests {
    func plan(_ extra: String) throws -> Plan {
        try PlanLoader.parse(validPlanYAML + extra, file: "plan.yaml")
    }

    @Test func defaultsAreMonthlyWithoutGraceDueOnReceipt() throws {
        let plan = try plan("")
        #expect(plan.billingCycle == .month && plan.graceMicros == 0 && plan.paymentTermsDays == 0)
        #expect(plan.invoicePrefix == "INV-" && plan.adjustmentPrefix == "ADJ-" && plan.issuer == nil && plan.customersFile == nil)
    }

    @Test func termsAreRead() throws {
        let plan = try plan("""
            billing_period: week
            grace_period: 36h
            payment_terms: 30d
            invoice_prefix: "2026/"
            """.replacingOccurrences(of: "2026/", with: "B2026-") + """

            adjustment_prefix: CN-
            issuer:
              name: Docproc GmbH
              address: |
                Beispielstraße 1
                10115 Berlin
              tax_id: DE123456789
              contact: billing@docproc.example
            customers_file: customers.csv

            """)
        #expect(plan.billingCycle == .week && plan.graceMicros == 36 * 3_600_000_000 && plan.paymentTermsDays == 30)
        #expect(plan.invoicePrefix == "B2026-" && plan.adjustmentPrefix == "CN-")
        #expect(plan.issuer == BillingParty(name: "Docproc GmbH", address: ["Beispielstraße 1", "10115 Berlin"], taxID: "DE123456789", contact: "billing@docproc.example"))
        #expect(plan.customersFile == "customers.csv")
        #expect(try PlanLoader.parse(validPlanYAML + "customers_file: c.csv\n", file: "/etc/tally/plan.yaml").customersFile == "/etc/tally/c.csv")
    }

    @Test(arguments: [
        ("billing_period: monthly", "plan.yaml:30: billing_period: unknown billing_period 'monthly'; did you mean 'month'? (expected one of: month, week, quarter)"),
        ("grace_period: 3 days", "plan.yaml:30: grace_period: '3 days' is not a duration such as 3d (a whole number and d or h; at most 3650)"),
        ("payment_terms: 2w", "plan.yaml:30: payment_terms: '2w' is not a duration such as 14d (a whole number and d; at most 3650)"),
        ("invoice_prefix: \"INV/\"", "plan.yaml:30: invoice_prefix: 'INV/' is not a number prefix (1 to 16 letters, digits, '-' or '_')"),
        ("adjustment_prefix: INV-", "plan.yaml:30: adjustment_prefix: invoice_prefix and adjustment_prefix must differ (both are 'INV-')"),
        ("issuer: { address: x }", "plan.yaml:30: issuer.name: missing required key 'name'"),
    ])
    func badTermsAreLocated(line: String, expected: String) throws {
        #expect(throws: FileProblems.self) { try plan(line + "\n") }
        do {
            _ = try plan(line + "\n")
        } catch let problems as FileProblems {
            #expect(problems.lines == [expected])
        }
    }

    @Test func aCustomerMayHaveABillingNameAndAddress() throws {
        let plan = try PlanLoader.parse(
            validPlanYAML.replacingOccurrences(
                of: #""alice@example.com": { plan: pro, discount_percent: "10" }"#,
                with: #""alice@example.com": { plan: pro, billing_name: "Alice GmbH", address: ["Weg 2", "Bonn"], tax_id: DE1 }"#),
            file: "plan.yaml")
        let builder = InvoiceBuilder(plan: plan)
        #expect(builder.billTo(BillingCustomer(id: "x", email: "alice@example.com", name: "Alice")) == BillingParty(name: "Alice GmbH", address: ["Weg 2", "Bonn"], taxID: "DE1"))
        #expect(builder.billTo(BillingCustomer(id: "y", email: "bob@example.com", name: "Bob")) == BillingParty(name: "Bob"))
        #expect(builder.billTo(BillingCustomer(id: "z")) == BillingParty(name: "z"))
    }
}
