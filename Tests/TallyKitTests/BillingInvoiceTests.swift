import Testing
@testable import TallyKit

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

    @Test func passInvoicesUsageAndListedCustomersWithABaseFee() throws {
        let users = [
            BillingCustomer(id: "u-alice", email: "alice@example.com", name: "Alice"),
            BillingCustomer(id: "u-dave", email: "dave@example.com"),
            BillingCustomer(id: "u-erin", email: "erin@example.com"),
            BillingCustomer(id: "u-frank", email: "frank@example.com"),
        ]
        let window = BillingHarness.window([
            ("u-alice", BillingUsage(documents: 4, jobs: 1)), ("u-alice", BillingUsage(documents: 2, jobs: 1)),
            ("u-gina", BillingUsage(documents: 1, jobs: 1)),
        ])
        let sink = try BillingHarness.collect(try invoicePlan(), [PeriodInput(period: novemberPeriod, window: window)], users: users)
        // alice (usage, merged), dave (listed, no usage, pro has a base fee), gina (usage, default plan);
        // erin is listed on payg (no base fee), frank is unlisted: no invoice for them.
        #expect(sink.invoices.map(\.number) == ["2026-11-u-alice", "2026-11-u-dave", "2026-11-u-gina"])
        #expect(sink.invoices[0].usage == BillingUsage(documents: 6, jobs: 2))
        #expect(sink.invoices.map(\.total) == [dec("140.5"), dec("99"), dec("25")])
        #expect(sink.invoices.allSatisfy { $0.status == .final && $0.issueDate == CivilDate(year: 2026, month: 12, day: 1) })
        #expect(sink.bridges == [BillingBridge(window).with(billed: 7)])
        #expect(sink.bridges[0].isConsistent)
    }

    @Test func draftsAreNumberedAsDraftsAndNeverIssued() throws {
        var period = novemberPeriod
        period.status = .draft
        let window = BillingHarness.window([("u-alice", BillingUsage(documents: 4))])
        let sink = try BillingHarness.collect(try invoicePlan(), [PeriodInput(period: period, window: window)])
        #expect(sink.invoices.map(\.number) == ["DRAFT-2026-11-u-alice"])
        #expect(sink.invoices[0].status == .draft && sink.invoices[0].issueDate == nil && sink.invoices[0].dueDate == nil)
    }

    @Test func negativeUsageIsRejected() throws {
        let window = BillingHarness.window([("u1", BillingUsage(tokens: -1))])
        #expect(throws: TallyError.badData(file: "usage", location: "customer u1, period 2026-11", message: "negative tokens -1")) {
            try BillingHarness.collect(try invoicePlan(), [PeriodInput(period: novemberPeriod, window: window)])
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
