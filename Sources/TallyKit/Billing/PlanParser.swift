import Foundation

/// The validating walk from a plan document to a `Plan`, recording every problem.
///
/// Each part that stands on its own (a top-level value, a plan, a charge, a
/// tier's field, a customer) is read on its own: a problem in it is recorded
/// and the walk goes on, so `tally plan check` lists them all. A check that
/// depends on a bad part is skipped rather than reported again: plan names are
/// not checked when `plans` is unreadable, nor a charge's keys when its model is
/// unknown. Parts read after a problem are partial; only `plan(_:)` returning
/// with nothing recorded gives a plan.
struct PlanParser {
    /// The plan file as given.
    let file: String
    /// Where problems go.
    let problems: ProblemList

    static let topKeys = [
        "currency", "timezone", "rounding", "default_plan", "plans", "customers", "customers_file", "tax_percent",
        "billing_period", "grace_period", "payment_terms", "invoice_prefix", "adjustment_prefix", "issuer",
    ]
    static let planKeys = ["base_fee", "minimum", "charges"]
    static let customerKeys = ["plan", "discount_percent", "tax_percent", "billing_name", "address", "tax_id"]

    /// The plan in `root`; `nil` when a problem was recorded.
    func plan(_ root: DocumentNode) -> Plan? {
        guard let fields = mapping(root, allowed: Self.topKeys, what: "the plan file") else { return nil }
        let currency = required("currency", in: fields, at: root, currency)
        let zone = optional("timezone", in: fields, timeZone)
        let rounding = optional("rounding", in: fields) { node throws(FileProblem) -> RoundingMode in
            try named(node, "rounding")
        }
        let plans = required("plans", in: fields, at: root, pricePlans)
        let names = plans?.names
        let defaultPlan = required("default_plan", in: fields, at: root) { node throws(FileProblem) in
            try planName(node, known: names)
        }
        var customers: [CustomerTerms] = []
        if let node = fields["customers"], !node.isNull {
            let entries = problems.attempt { () throws(FileProblem) in
                try node.entries(what: "customer ids or emails to terms", problems: problems)
            }
            customers = (entries ?? []).compactMap { customer(key: $0.key, $0.value, planNames: names) }
        }
        let tax = optional("tax_percent", in: fields, percent) ?? .zero
        let terms = billingTerms(fields, at: root)
        guard let currency, let plans, let defaultPlan, problems.isEmpty else { return nil }
        var plan = Plan(
            source: file, currency: currency, timeZone: zone, rounding: rounding ?? .halfUp, defaultPlan: defaultPlan,
            plans: plans.plans, customers: customers, taxPercent: tax)
        terms.apply(to: &plan)
        return plan
    }

    /// The plans by name; `names` also holds the plans with problems, so that
    /// references to them are not reported again.
    func pricePlans(_ node: DocumentNode) throws(FileProblem) -> (names: [String], plans: [PricePlan]) {
        let entries = try node.entries(what: "plan names to plans", problems: problems)
        if entries.isEmpty { throw node.problem("at least one plan is required") }
        return (entries.map(\.key), entries.compactMap { pricePlan(name: $0.key, $0.value) })
    }

    func pricePlan(name: String, _ node: DocumentNode) -> PricePlan? {
        guard let fields = mapping(node, allowed: Self.planKeys, what: "a plan") else { return nil }
        let baseFee = optional("base_fee", in: fields, money)
        let minimum = optional("minimum", in: fields, money)
        var charges: [Charge] = []
        if let node = fields["charges"], !node.isNull {
            let items = problems.attempt { () throws(FileProblem) in try node.items(what: "charges") }
            charges = (items ?? []).compactMap(charge)
        }
        return PricePlan(name: name, baseFee: baseFee, minimum: minimum, charges: charges)
    }

    func customer(key: String, _ node: DocumentNode, planNames: [String]?) -> CustomerTerms? {
        guard let fields = mapping(node, allowed: Self.customerKeys, what: "a customer") else { return nil }
        let plan = required("plan", in: fields, at: node) { node throws(FileProblem) in
            try planName(node, known: planNames)
        }
        let discount = optional("discount_percent", in: fields, percent) ?? .zero
        let tax = optional("tax_percent", in: fields, percent)
        let billTo = billingParty(fields, nameKey: "billing_name", at: node, nameRequired: false)
        guard let plan else { return nil }
        return CustomerTerms(key: key, plan: plan, discountPercent: discount, taxPercent: tax, billTo: billTo)
    }

    func currency(_ node: DocumentNode) throws(FileProblem) -> Currency {
        let code = try node.text()
        guard let currency = Currency(code: code) else {
            let hint = Spelling.hint(for: code, in: Currency.knownCodes)
            throw node.problem("unknown currency '\(code)'\(hint) (expected an ISO 4217 code such as USD, EUR, JPY)")
        }
        return currency
    }

    func timeZone(_ node: DocumentNode) throws(FileProblem) -> String {
        let name = try node.text()
        guard TimeZone(identifier: name) != nil else {
            throw node.problem("unknown time zone '\(name)' (expected an IANA name such as Europe/Berlin or UTC)")
        }
        return name
    }

    /// One of the raw values of `T`, `what` naming it in the problem.
    func named<T: RawRepresentable & CaseIterable>(_ node: DocumentNode, _ what: String) throws(FileProblem) -> T
    where T.RawValue == String {
        let text = try node.text()
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue)
            let hint = Spelling.hint(for: text, in: names)
            throw node.problem("unknown \(what) '\(text)'\(hint) (expected one of: \(names.joined(separator: ", ")))")
        }
        return value
    }

    /// A plan's name, one of `known` (any text when the plans could not be read).
    func planName(_ node: DocumentNode, known: [String]?) throws(FileProblem) -> String {
        let name = try node.text()
        guard let known, !known.contains(name) else { return name }
        let hint = Spelling.hint(for: name, in: known)
        throw node.problem("no plan named '\(name)'\(hint) (plans: \(known.joined(separator: ", ")))")
    }

    /// A money value (`DocumentNode.money()`), for passing as a reader.
    func money(_ node: DocumentNode) throws(FileProblem) -> ExactDecimal {
        try node.money()
    }

    func percent(_ node: DocumentNode) throws(FileProblem) -> ExactDecimal {
        let value = try node.money()
        guard value <= ExactDecimal(100) else { throw node.problem("percent '\(value)' is above 100") }
        return value
    }
}

/// Reading a mapping's values, recording the problems.
extension PlanParser {
    /// The node's fields; `nil` when it is not a mapping (recorded). Unknown keys are recorded and left out.
    func mapping(_ node: DocumentNode, allowed: [String], what: String) -> [String: DocumentNode]? {
        problems.attempt { () throws(FileProblem) in try node.fields(allowed: allowed, what: what, problems: problems) }
    }

    /// The value of `key` read with `read`; `nil` when it is missing or bad (recorded,
    /// unless an unknown key in `parent` is its misspelling, which was reported with it).
    func required<T>(
        _ key: String, in fields: [String: DocumentNode], at parent: DocumentNode,
        _ read: (DocumentNode) throws(FileProblem) -> T
    ) -> T? {
        guard let node = fields[key] else {
            if parent.hasMisspelling(of: key, besides: fields.keys) { return nil }
            problems.record(
                FileProblem(
                    file: file, line: parent.line, keyPath: parent.childPath(key), message: "missing required key '\(key)'"))
            return nil
        }
        return problems.attempt { () throws(FileProblem) in try read(node) }
    }

    /// The value of `key` read with `read`; `nil` when it is absent or bad (recorded).
    func optional<T>(
        _ key: String, in fields: [String: DocumentNode], _ read: (DocumentNode) throws(FileProblem) -> T
    ) -> T? {
        guard let node = fields[key] else { return nil }
        return problems.attempt { () throws(FileProblem) in try read(node) }
    }
}
