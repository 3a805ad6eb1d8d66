import Testing
@testable import TallyKit

@Suite struct PlanErrorTests {
    /// (text to replace in the valid plan, replacement, expected one-line error).
    static let cases: [(String, String, String)] = [
        (
            "model: package", "model: tierd",
            "plan.yaml:17: plans.starter.charges[1].model: unknown model 'tierd' (expected one of: per_unit, graduated, "
                + "volume, package; did you mean 'graduated' (each tier prices its own units) or 'volume' (one tier "
                + "prices all units)?)"
        ),
        (
            "model: per_unit", "model: per_unt",
            "plan.yaml:24: plans.pro.charges[0].model: unknown model 'per_unt' (expected one of: per_unit, graduated, "
                + "volume, package; did you mean 'per_unit'?)"
        ),
        (
            "base_fee: \"19.00\"", "base_fe: \"19.00\"",
            "plan.yaml:7: plans.starter.base_fe: unknown key 'base_fe' in a plan; did you mean 'base_fee'? "
                + "(expected one of: base_fee, minimum, charges)"
        ),
        (
            "metric: documents", "metric: documnets",
            "plan.yaml:10: plans.starter.charges[0].metric: unknown metric 'documnets'; did you mean 'documents'? "
                + "(expected one of: documents, failed_documents, jobs, tokens, processing_seconds, megabytes)"
        ),
        (
            "up_to: 10000", "up_to: 50",
            "plan.yaml:14: plans.starter.charges[0].tiers[1].up_to: tiers overlap or are out of order: up_to 50 must "
                + "be above the previous tier's 100"
        ),
        (
            "up_to: 10000", "up_to: 100",
            "plan.yaml:14: plans.starter.charges[0].tiers[1].up_to: tiers overlap or are out of order: up_to 100 must "
                + "be above the previous tier's 100"
        ),
        (
            "up_to: null,  unit_price: \"0.03\"", "up_to: 20000, unit_price: \"0.03\"",
            "plan.yaml:15: plans.starter.charges[0].tiers[2].up_to: the last tier must have up_to: null (open-ended), "
                + "found '20000'"
        ),
        (
            "up_to: 10000", "up_to: null",
            "plan.yaml:14: plans.starter.charges[0].tiers[1].up_to: only the last tier may have up_to: null"
        ),
        (
            "up_to: 100,", "up_to: 10.5,",
            "plan.yaml:13: plans.starter.charges[0].tiers[0].up_to: '10.5' must be a whole number for this metric"
        ),
        (
            "unit_price: \"0.0004\"", "unit_price: \"-0.0004\"",
            "plan.yaml:25: plans.pro.charges[0].unit_price: negative amount '-0.0004' is not allowed"
        ),
        (
            "base_fee: \"99.00\"", "base_fee: 99.00",
            "plan.yaml:21: plans.pro.base_fee: money must be a quoted string, not a YAML number: write \"99.00\" "
                + "(numbers are read as binary floats)"
        ),
        (
            "currency: USD", "currency: USX",
            "plan.yaml:1: currency: unknown currency 'USX'; did you mean 'USD'? (expected an ISO 4217 code such as "
                + "USD, EUR, JPY)"
        ),
        (
            "Europe/Berlin", "Europe/Berln",
            "plan.yaml:2: timezone: unknown time zone 'Europe/Berln' (expected an IANA name such as Europe/Berlin or UTC)"
        ),
        (
            "rounding: half-up", "rounding: half_up",
            "plan.yaml:3: rounding: unknown rounding 'half_up'; did you mean 'half-up'? (expected one of: half-up, "
                + "half-even)"
        ),
        (
            "default_plan: starter", "default_plan: startr",
            "plan.yaml:4: default_plan: no plan named 'startr'; did you mean 'starter'? (plans: starter, pro)"
        ),
        (
            "{ plan: pro, discount_percent: \"10\" }", "{ plan: gold, discount_percent: \"10\" }",
            "plan.yaml:27: customers.alice@example.com.plan: no plan named 'gold' (plans: starter, pro)"
        ),
        (
            "discount_percent: \"10\"", "discount_percent: \"110\"",
            "plan.yaml:27: customers.alice@example.com.discount_percent: percent '110' is above 100"
        ),
        (
            "tax_percent: \"0\"", "tax_percnt: \"0\"",
            "plan.yaml:29: tax_percnt: unknown key 'tax_percnt' in the plan file; did you mean 'tax_percent'? "
                + "(expected one of: currency, timezone, rounding, default_plan, plans, customers, customers_file, tax_percent, billing_period, grace_period, payment_terms, invoice_prefix, adjustment_prefix, issuer)"
        ),
        (
            "package_price: \"0.002\"", "package_price: \"0.002\"\n        unit_price: \"1\"",
            "plan.yaml:20: plans.starter.charges[1].unit_price: 'unit_price' is not used by model package (it takes: "
                + "package_size, package_price, free_units)"
        ),
        (
            "package_size: 1000", "package_size: 0",
            "plan.yaml:18: plans.starter.charges[1].package_size: package_size must be above zero"
        ),
        (
            "currency: USD\n", "",
            "plan.yaml:1: currency: missing required key 'currency'"
        ),
        (
            "base_fee: \"99.00\"", "base_fee: \"99.00\"\n    base_fee: \"98.00\"",
            "plan.yaml:21: duplicate key(s) 'base_fee' in one mapping"
        ),
        (
            "plans:\n", "plans: [\n",
            "plan.yaml:7: YAML syntax error: did not find expected ',' or ']'"
        ),
    ]

    @Test(arguments: cases)
    func badPlanGivesOneLocatedError(old: String, new: String, expected: String) throws {
        #expect(validPlanYAML.contains(old))
        let text = validPlanYAML.replacingOccurrences(of: old, with: new)
        let error = try #require(throws: FileProblems.self) { try PlanLoader.parse(text, file: "plan.yaml") }
        #expect(error.lines == [expected])
        #expect(error.exitStatus == .dataError)
    }

    @Test func emptyTierListIsAnError() throws {
        let text = validPlanYAML.replacingOccurrences(
            of: "tiers:\n          - { up_to: 100,   unit_price: \"0\" }\n"
                + "          - { up_to: 10000, unit_price: \"0.05\", flat_fee: \"0\" }\n"
                + "          - { up_to: null,  unit_price: \"0.03\" }",
            with: "tiers: []")
        let error = try #require(throws: FileProblems.self) { try PlanLoader.parse(text, file: "p.yaml") }
        #expect(error.description == "p.yaml:12: plans.starter.charges[0].tiers: at least one tier is required (the last with up_to: null)")
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(throws: FileProblems.self) { try PlanLoader.parse("", file: "p.yaml") }
        #expect(error.description == "p.yaml: the plan file is empty")
    }
}
