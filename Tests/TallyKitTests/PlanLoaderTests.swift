import Foundation
import Testing
@testable import TallyKit

/// A small valid plan; tests break one thing in it at a time.
let validPlanYAML = """
    currency: USD
    timezone: Europe/Berlin
    rounding: half-up
    default_plan: starter
    plans:
      starter:
        base_fee: "19.00"
        minimum: "25.00"
        charges:
          - metric: documents
            model: graduated
            tiers:
              - { up_to: 100,   unit_price: "0" }
              - { up_to: 10000, unit_price: "0.05", flat_fee: "0" }
              - { up_to: null,  unit_price: "0.03" }
          - metric: tokens
            model: package
            package_size: 1000
            package_price: "0.002"
      pro:
        base_fee: "99.00"
        charges:
          - metric: processing_seconds
            model: per_unit
            unit_price: "0.0004"
    customers:
      "alice@example.com": { plan: pro, discount_percent: "10" }
      "3f1c9b2e-aaaa": { plan: starter, tax_percent: "19" }
    tax_percent: "0"

    """

@Suite struct PlanLoaderTests {
    @Test func parsesTheValidPlan() throws {
        let plan = try PlanLoader.parse(validPlanYAML, file: "plan.yaml")
        #expect(plan.currency.code == "USD")
        #expect(plan.timeZone == "Europe/Berlin")
        #expect(plan.rounding == .halfUp)
        #expect(plan.plans.map(\.name) == ["starter", "pro"])
        #expect(plan.customers.map(\.plan) == ["pro", "starter"])
        #expect(plan.customers[0].discountPercent == ExactDecimal(10))
        #expect(plan.customers[1].taxPercent == ExactDecimal(19))
        let starter = try #require(plan.pricePlan(named: "starter"))
        #expect(starter.baseFee?.description == "19.00")
        guard case .graduated(let tiers) = starter.charges[0].model else {
            Issue.record("expected graduated")
            return
        }
        #expect(tiers.map(\.upTo) == [ExactDecimal(100), ExactDecimal(10000), nil])
        #expect(PlanLoader.summaryLine(plan) == "plan.yaml: ok (2 plans, 2 customers, USD)")
    }

    @Test func loadsJSONAndYAMLFilesAlike() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = """
            {"currency": "JPY", "default_plan": "basic", "rounding": "half-even",
             "plans": {"basic": {"base_fee": "1000", "charges": [
               {"metric": "documents", "model": "volume",
                "tiers": [{"up_to": 10, "unit_price": "5"}, {"up_to": null, "unit_price": "3"}]}]}}}
            """
        let jsonPath = dir.appendingPathComponent("plan.json").path
        try json.write(toFile: jsonPath, atomically: true, encoding: .utf8)
        let fromJSON = try PlanLoader.load(path: jsonPath)
        #expect(fromJSON.currency.minorUnits == 0)
        #expect(fromJSON.rounding == .halfEven)
        #expect(fromJSON.taxPercent == .zero)
        let yamlPath = dir.appendingPathComponent("plan.yaml").path
        try validPlanYAML.write(toFile: yamlPath, atomically: true, encoding: .utf8)
        #expect(try PlanLoader.load(path: yamlPath).plans.count == 2)
    }

    @Test func theShippedSamplePlanIsValidAndUsesEveryFeature() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let plan = try PlanLoader.load(path: root.appendingPathComponent("sample-data/plan.yaml").path)
        let models = Set(plan.plans.flatMap(\.charges).map(\.model.name))
        #expect(models == Set(ChargeModel.names))
        #expect(plan.plans.contains { $0.baseFee != nil })
        #expect(plan.plans.contains { $0.minimum != nil })
        #expect(plan.customers.contains { !$0.discountPercent.isZero })
        #expect(plan.customers.contains { $0.taxPercent != nil })
        #expect(plan.customers.contains { $0.key.contains("@") })
        #expect(plan.customers.contains { !$0.key.contains("@") })
        #expect(plan.timeZone == "Europe/Berlin")
        #expect(plan.billingCycle == .month && plan.graceMicros == 3 * 86_400_000_000 && plan.paymentTermsDays == 14)
        #expect(plan.issuer?.taxID != nil && plan.issuer?.address.count == 2)
        #expect(plan.customers.contains { $0.billTo?.address.isEmpty == false })
    }

    @Test func missingFileIsCannotOpen() {
        #expect(throws: TallyError.cannotOpen(file: "/nonexistent/plan.yaml", message: "no such plan file")) {
            try PlanLoader.load(path: "/nonexistent/plan.yaml")
        }
    }
}
