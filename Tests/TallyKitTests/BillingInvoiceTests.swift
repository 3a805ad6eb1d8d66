import Testing
@testable import TallyKit

let novemberPeriod = BillingPeriod(
    start: Instant(seconds: 1_793_487_600), end: Instant(seconds: 1_796_079_600), label: "2026-11")

func invoicePlan(rounding: String = "half-up", currency: String = "USD") throws -> Plan {
    try PlanLoader.parse(
        """
        currency: \(currency)
        rounding: \(rounding)
        default_plan: starter
        plans:
          starter: { base_fee: "19.00", minimum: "25.00", charges: [{ metric: documents, model: per_unit, unit_price: "0.5" }] }
          pro:
            base_fee: "99.00"
            charges:
              - metric: documents
                model: graduated
                tiers:
                  - { up_to: 5, unit_price: "7" }
                  - { up_to: 10, unit_price: "6.50" }
                  - { up_to: null, unit_price: "6" }
          payg:
            charges:
              - { metric: jobs, model: per_unit, unit_price: "0.10" }
        customers:
          "alice@example.com": { plan: pro }
          "id-bob-0001": { plan: payg }
          "carol@example.com": { plan: starter, discount_percent: "10", tax_percent: "21" }
          "dave@example.com": { plan: pro }
          "erin@example.com": { plan: payg }
        """, file: "plan.yaml")
}

@Suite struct BillingInvoiceTests {
    @Test(arguments: [("half-up", "4.73", "27.23"), ("half-even", "4.72", "27.22")])
    func minimumDiscountAndTaxOnOneInvoice(rounding: String, tax: String, total: String) throws {
        let builder = InvoiceBuilder(plan: try invoicePlan(rounding: rounding))
        let carol = BillingCustomer(id: "u-carol", email: "Carol@Example.com")
        let invoice = builder.invoice(
            number: "2026-11-u-carol", customer: carol, usage: BillingUsage(documents: 3), period: novemberPeriod)
        #expect(invoice.lines.map(\.kind) == [.baseFee, .usage, .minimum, .discount, .tax])
        #expect(invoice.lines.map { invoice.currency.format($0.amount) } == ["19.00", "1.50", "4.50", "-2.50", tax])
        #expect(invoice.subtotal == dec("25"))
        #expect(invoice.discount == dec("-2.5"))
        #expect(invoice.lines[4].exactAmount == dec("4.725"))
        #expect(invoice.total == dec(total))
    }

    @Test func noMinimumLineWhenTheSubtotalReachesIt() throws {
        let builder = InvoiceBuilder(plan: try invoicePlan())
        let invoice = builder.invoice(
            number: "n", customer: BillingCustomer(id: "u-zed"), usage: BillingUsage(documents: 20),
            period: novemberPeriod)
        #expect(invoice.plan == "starter")
        #expect(invoice.lines.map(\.kind) == [.baseFee, .usage])
        #expect(invoice.total == dec("29"))
    }

    @Test func eachCustomerGetsTheirPlan() throws {
        let builder = InvoiceBuilder(plan: try invoicePlan())
        #expect(builder.pricePlan(for: BillingCustomer(id: "x1", email: "ALICE@example.com")).name == "pro")
        #expect(builder.pricePlan(for: BillingCustomer(id: "id-bob-0001", email: "bob@example.com")).name == "payg")
        #expect(builder.pricePlan(for: BillingCustomer(id: "x3", email: "carol@example.com")).name == "starter")
        #expect(builder.pricePlan(for: BillingCustomer(id: "x4", email: "nobody@example.com")).name == "starter")
        #expect(builder.terms(for: BillingCustomer(id: "x4", email: "nobody@example.com")) == nil)
        let alice = builder.invoice(
            number: "n", customer: BillingCustomer(id: "x1", email: "alice@example.com"),
            usage: BillingUsage(documents: 20), period: novemberPeriod)
        #expect(alice.lines.map(\.amount) == [dec("99"), dec("127.5")])
        #expect(alice.lines[1].breakdown.count == 3)
    }

    @Test func runInvoicesUsageAndListedCustomersWithABaseFee() throws {
        let known = [
            BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice"),
            BillingCustomer(id: "u-dave", email: "dave@example.com"),
            BillingCustomer(id: "u-erin", email: "erin@example.com"),
            BillingCustomer(id: "u-frank", email: "frank@example.com"),
        ]
        let usage = [
            CustomerUsage(customer: known[0], usage: BillingUsage(documents: 4, jobs: 1)),
            CustomerUsage(customer: known[0], usage: BillingUsage(documents: 2, jobs: 1)),
            CustomerUsage(customer: BillingCustomer(id: "u-gina"), usage: BillingUsage(documents: 1, jobs: 1)),
        ]
        let unbilled = UnbilledUsage(
            anonymousDocuments: 5, anonymousJobs: 2,
            inFlight: [UnbilledJob(jobID: "j2", userID: "u-dave", status: "processing", documents: 3),
                UnbilledJob(jobID: "j1", userID: nil, status: "pending", documents: 0)],
            unbillable: [UnbilledJob(jobID: "j3", userID: "u-erin", status: "completed", documents: 4)])
        let run = try BillingRun.make(
            plan: try invoicePlan(), period: novemberPeriod, usage: usage, knownCustomers: known,
            unbilled: unbilled, processedDocuments: 19)
        // alice (usage, merged), dave (listed, no usage, pro has a base fee), gina (usage, default plan);
        // erin is listed on payg (no base fee), frank is unlisted: no invoice for them.
        #expect(run.invoices.map(\.number) == ["2026-11-u-alice", "2026-11-u-dave", "2026-11-u-gina"])
        #expect(run.invoices[0].usage == BillingUsage(documents: 6, jobs: 2))
        #expect(run.invoices[0].total == dec("140.5"))
        #expect(run.invoices[1].total == dec("99"))
        #expect(run.invoices[2].total == dec("25"))
        #expect(run.unbilled.inFlight.map(\.jobID) == ["j1", "j2"])
        #expect(run.unmatchedPlanCustomers == ["id-bob-0001", "carol@example.com"])
        let r = run.reconciliation
        #expect(r.invoicesTotal == dec("264.5"))
        #expect(r.linesTotal == r.invoicesTotal)
        #expect(r.billedDocuments == 7)
        #expect(r.unbilledDocuments == 12)
        #expect(r.isConsistent)
        let off = try BillingRun.make(
            plan: try invoicePlan(), period: novemberPeriod, usage: usage, knownCustomers: known,
            unbilled: unbilled, processedDocuments: 20)
        #expect(!off.reconciliation.isConsistent)
    }

    @Test func negativeUsageIsRejected() throws {
        let usage = [CustomerUsage(customer: BillingCustomer(id: "u1"), usage: BillingUsage(tokens: -1))]
        #expect(throws: TallyError.badData(file: "usage", location: "customer u1", message: "negative tokens -1")) {
            try BillingRun.make(
                plan: try invoicePlan(), period: novemberPeriod, usage: usage, knownCustomers: [],
                unbilled: UnbilledUsage(), processedDocuments: 0)
        }
    }

    @Test func yenInvoiceRoundsToWholeUnits() throws {
        let builder = InvoiceBuilder(plan: try invoicePlan(rounding: "half-even", currency: "JPY"))
        let invoice = builder.invoice(
            number: "n", customer: BillingCustomer(id: "u", email: "carol@example.com"),
            usage: BillingUsage(documents: 100), period: novemberPeriod)
        // 19 + 50 = 69; -10% = -6.9 -> -7; tax 21% of 62 = 13.02 -> 13.
        #expect(invoice.lines.map { invoice.currency.format($0.amount) } == ["19", "50", "-7", "13"])
        #expect(invoice.currency.format(invoice.total) == "75")
    }

    @Test func invoiceNumbersAreShortAndUnique() {
        let ids = [
            "3f1c9b2e-7d4a-4c1e-9b2e-5a6d7e8f9a0b", "abcdefgh-1111", "abcdefgh-1122", "abcdefgh-2", "short",
            "weird/id with spaces",
        ]
        let numbers = InvoiceNumbering.numbers(label: "2026-11", ids: ids)
        #expect(numbers[ids[0]] == "2026-11-3f1c9b2e")
        #expect(numbers[ids[1]] == "2026-11-abcdefgh-111")
        #expect(numbers[ids[2]] == "2026-11-abcdefgh-112")
        #expect(numbers[ids[3]] == "2026-11-abcdefgh-2")
        #expect(numbers[ids[4]] == "2026-11-short")
        let weird = numbers[ids[5]] ?? ""
        #expect(weird.hasPrefix("2026-11-h") && !weird.contains("/") && !weird.contains(" "))
        #expect(Set(numbers.values).count == ids.count)
        #expect(InvoiceNumbering.numbers(label: "2026-11", ids: ids.reversed()) == numbers)
    }
}
