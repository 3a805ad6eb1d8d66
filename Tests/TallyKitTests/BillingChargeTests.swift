import Testing
@testable import TallyKit

func dec(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(parsing: text) else { preconditionFailure("bad decimal \(text)") }
    return value
}

/// Tiers 1-5 at 7, 6-10 at 6.50, 11+ at 6 (the worked example).
let exampleTiers = [
    Tier(upTo: ExactDecimal(5), unitPrice: dec("7")),
    Tier(upTo: ExactDecimal(10), unitPrice: dec("6.50")),
    Tier(upTo: nil, unitPrice: dec("6")),
]

@Suite struct BillingChargeTests {
    @Test(arguments: [(0, "0"), (1, "7"), (5, "35"), (6, "41.5"), (10, "67.5"), (11, "73.5"), (20, "127.5")])
    func graduated(units: Int64, expected: String) {
        let priced = Charge(metric: .documents, model: .graduated(exampleTiers)).price(ExactDecimal(units))
        #expect(priced.amount == dec(expected))
        #expect(priced.breakdown.reduce(ExactDecimal.zero) { $0 + $1.amount } == priced.amount)
    }

    @Test func graduatedBreakdownOfTwenty() {
        let priced = Charge(metric: .documents, model: .graduated(exampleTiers)).price(ExactDecimal(20))
        #expect(priced.breakdown.map(\.tier) == ["1", "2", "3"])
        #expect(priced.breakdown.map(\.range) == ["1-5", "6-10", "11+"])
        #expect(priced.breakdown.map(\.quantity) == [ExactDecimal(5), ExactDecimal(5), ExactDecimal(10)])
        #expect(priced.breakdown.map(\.amount) == [dec("35"), dec("32.5"), dec("60")])
    }

    @Test(arguments: [(0, "0"), (1, "7"), (5, "35"), (6, "39"), (10, "65"), (11, "66"), (20, "120")])
    func volume(units: Int64, expected: String) {
        let priced = Charge(metric: .documents, model: .volume(exampleTiers)).price(ExactDecimal(units))
        #expect(priced.amount == dec(expected))
        #expect(priced.breakdown.count == (units == 0 ? 0 : 1))
    }

    @Test func flatFeesApplyOnlyWhenATierPricesAUnit() {
        let tiers = [
            Tier(upTo: ExactDecimal(5), unitPrice: dec("1"), flatFee: dec("2")),
            Tier(upTo: nil, unitPrice: dec("0.5"), flatFee: dec("10")),
        ]
        let graduated = Charge(metric: .jobs, model: .graduated(tiers))
        #expect(graduated.price(.zero).amount == .zero)
        #expect(graduated.price(ExactDecimal(5)).amount == dec("7"))
        #expect(graduated.price(ExactDecimal(6)).amount == dec("17.5"))
        let volume = Charge(metric: .jobs, model: .volume(tiers))
        #expect(volume.price(ExactDecimal(5)).amount == dec("7"))
        #expect(volume.price(ExactDecimal(6)).amount == dec("13"))
        #expect(volume.price(ExactDecimal(6)).unitPrice == dec("0.5"))
    }

    @Test(arguments: [(0, "0"), (100, "0"), (101, "5"), (200, "5"), (201, "10"), (1000, "45")])
    func package(units: Int64, expected: String) {
        let charge = Charge(
            metric: .tokens, model: .package(size: ExactDecimal(100), price: dec("5"), freeUnits: ExactDecimal(100)))
        let priced = charge.price(ExactDecimal(units))
        #expect(priced.amount == dec(expected))
        if units == 201 {
            #expect(priced.breakdown.first?.quantity == ExactDecimal(2))
        }
    }

    @Test func perUnitOnExactSeconds() {
        let usage = BillingUsage(processingMicroseconds: 12_345_678_901, bytes: 2_500_001)
        #expect(usage.quantity(of: .processingSeconds) == dec("12345.678901"))
        #expect(usage.quantity(of: .megabytes) == dec("2.500001"))
        let priced = Charge(metric: .processingSeconds, model: .perUnit(unitPrice: dec("0.0004")))
            .price(usage.quantity(of: .processingSeconds))
        #expect(priced.amount == dec("4.9382715604"))
        #expect(priced.unitPrice == dec("0.0004"))
    }

    @Test func decimalTiersOnMegabytes() {
        let tiers = [Tier(upTo: dec("0.5"), unitPrice: dec("2")), Tier(upTo: nil, unitPrice: dec("1"))]
        let priced = Charge(metric: .megabytes, model: .graduated(tiers)).price(dec("2.500001"))
        #expect(priced.amount == dec("3.000001"))
        #expect(priced.breakdown.map(\.range) == ["0-0.5", "0.5+"])
    }
}
