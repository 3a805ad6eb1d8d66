import Testing
@testable import TallyKit

@Suite struct BillingPropertyTests {
    /// Falling tier prices with random boundaries: [(up_to, price)], last up_to nil.
    func fallingTiers(_ rng: inout SampleRandom) -> [Tier] {
        var tiers: [Tier] = []
        var bound: Int64 = 0
        var priceMicros = Int64.random(in: 1...5_000_000, using: &rng)
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            bound += Int64.random(in: 1...10_000, using: &rng)
            tiers.append(Tier(upTo: ExactDecimal(bound), unitPrice: .fraction(priceMicros, tenToThe: 6)))
            priceMicros = Int64.random(in: 0...priceMicros, using: &rng)
        }
        tiers.append(Tier(upTo: nil, unitPrice: .fraction(priceMicros, tenToThe: 6)))
        return tiers
    }

    @Test func graduatedNeverExceedsPerUnitAtTheFirstTierPrice() {
        var rng = SampleRandom(seed: 42)
        for _ in 0..<2_000 {
            let tiers = fallingTiers(&rng)
            let quantity = ExactDecimal(Int64.random(in: 0...100_000, using: &rng))
            let graduated = Charge(metric: .documents, model: .graduated(tiers)).price(quantity).amount
            let perUnit = Charge(metric: .documents, model: .perUnit(unitPrice: tiers[0].unitPrice)).price(quantity).amount
            #expect(graduated <= perUnit, "tiers \(tiers) quantity \(quantity)")
            #expect(!graduated.isNegative)
        }
    }

    @Test(arguments: ["half-up", "half-even"], ["USD", "JPY", "BHD"])
    func linesSumToTheTotalForAnyUsage(rounding: String, currency: String) throws {
        var rng = SampleRandom(seed: 7)
        var usage: [(String, BillingUsage)] = []
        var users: [BillingCustomer] = []
        for index in 0..<300 {
            usage.append((
                "user-\(index)",
                BillingUsage(
                    documents: Int64.random(in: 0...10_000_000, using: &rng),
                    failedDocuments: Int64.random(in: 0...1_000, using: &rng),
                    jobs: Int64.random(in: 0...100_000, using: &rng),
                    tokens: Int64.random(in: 0...5_000_000_000, using: &rng),
                    processingMicroseconds: Int64.random(in: 0...1_000_000_000_000, using: &rng),
                    bytes: Int64.random(in: 0...100_000_000_000, using: &rng))
            ))
            let email = ["alice@example.com", "carol@example.com", "x\(index)@example.com"][index % 3]
            users.append(BillingCustomer(id: "user-\(index)", email: email))
        }
        let plan = try PlanLoader.parse(
            propertyPlan.replacingOccurrences(of: "$ROUNDING", with: rounding)
                .replacingOccurrences(of: "$CURRENCY", with: currency), file: "p.yaml")
        let inputs = [PeriodInput(period: novemberPeriod, window: BillingHarness.window(usage))]
        let sink = try BillingHarness.collect(plan, inputs, users: users)
        #expect(sink.bridges.allSatisfy { $0.isConsistent })
        #expect(sink.invoices.count == usage.count)
        let minor = plan.currency.minorUnits
        let halfMinor = ExactDecimal(mantissa: 5, scale: minor + 1)
        for invoice in sink.invoices {
            #expect(invoice.total == invoice.lines.reduce(.zero) { $0 + $1.amount })
            #expect(invoice.subtotal >= dec("25"))
            for line in invoice.lines {
                #expect(line.amount.normalized.scale <= minor)
                let error = line.amount - line.exactAmount
                #expect(error <= halfMinor && -error <= halfMinor)
                if !line.breakdown.isEmpty {
                    #expect(line.breakdown.reduce(.zero) { $0 + $1.amount } == line.exactAmount)
                }
            }
        }
        // invoices.csv adds up, per invoice, to the total of billing_summary.csv.
        let files = try BillingHarness.files(plan, inputs, users: users, formats: [.csv])
        var sums: [String: ExactDecimal] = [:]
        for row in try #require(files["invoices.csv"]).split(separator: "\r\n").dropFirst() {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            sums[String(cells[0]), default: .zero] = sums[String(cells[0]), default: .zero] + dec(String(cells[15]))
        }
        let summary = try #require(files["billing_summary.csv"]).split(separator: "\r\n").dropFirst()
        #expect(summary.count == usage.count)
        for row in summary {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            #expect(sums[String(cells[5])] == dec(String(cells[15])), "\(row)")
        }
    }

    @Test func invoiceNumbersNeverCollide() {
        var rng = SampleRandom(seed: 99)
        let alphabet = Array("ab-")
        for _ in 0..<200 {
            let ids = (0..<Int.random(in: 1...30, using: &rng)).map { _ in
                "abcdefg" + String((0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            }
            let numbers = InvoiceNumbering.numbers(label: "2026-11", ids: ids)
            #expect(Set(numbers.values).count == Set(ids).count, "\(ids)")
        }
    }
}

let propertyPlan = """
    currency: $CURRENCY
    rounding: $ROUNDING
    default_plan: mixed
    tax_percent: "19"
    plans:
      mixed:
        base_fee: "1.005"
        minimum: "25"
        charges:
          - metric: documents
            model: graduated
            tiers:
              - { up_to: 100, unit_price: "0.0125", flat_fee: "0.333" }
              - { up_to: 100000, unit_price: "0.0045" }
              - { up_to: null, unit_price: "0.00015" }
          - metric: failed_documents
            model: volume
            tiers:
              - { up_to: 10, unit_price: "0.015" }
              - { up_to: null, unit_price: "0.0105", flat_fee: "1.5" }
          - { metric: tokens, model: package, package_size: 1000, package_price: "0.0025", free_units: 500 }
          - { metric: processing_seconds, model: per_unit, unit_price: "0.000125" }
          - { metric: megabytes, model: per_unit, unit_price: "0.0015" }
          - { metric: jobs, model: per_unit, unit_price: "0.005" }
    customers:
      "alice@example.com": { plan: mixed, discount_percent: "12.5" }
      "carol@example.com": { plan: mixed, discount_percent: "3.333", tax_percent: "7.7" }
    """
