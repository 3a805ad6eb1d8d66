import Foundation
import Yams

/// Reads and validates a plan file (YAML, or JSON since YAML is a superset of it).
package enum PlanLoader {
    /// Loads and validates the plan at `path`.
    ///
    /// - Throws: `PlanError` (exit 65) naming the file, line and key of the first problem,
    ///   or `TallyError.cannotOpen` (exit 66) when the file cannot be read.
    package static func load(path: String) throws -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw TallyError.cannotOpen(file: path, message: exists ? "cannot read plan file" : "no such plan file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanError(file: path, line: nil, keyPath: nil, message: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses and validates plan text; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws(PlanError) -> Plan {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PlanError(file: file, line: nil, keyPath: nil, message: "the plan file is empty")
            }
            root = node
        } catch let error as PlanError {
            throw error
        } catch {
            throw syntaxError(error, file: file)
        }
        return try PlanParser(file: file).plan(PlanNode(node: root, path: "", file: file))
    }

    /// A YAML syntax error as a located `PlanError`.
    static func syntaxError(_ error: any Error, file: String) -> PlanError {
        guard let yaml = error as? YamlError else {
            return PlanError(file: file, line: nil, keyPath: nil, message: "cannot parse: \(error)")
        }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return PlanError(file: file, line: mark.line, keyPath: nil, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PlanError(
                file: file, line: context.mark.line, keyPath: nil,
                message: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return PlanError(
                file: file, line: nil, keyPath: nil,
                message: "YAML error: \(String(describing: yaml).split(separator: "\n").first ?? "")")
        }
    }
}

/// The validating walk from YAML nodes to a `Plan`.
struct PlanParser {
    let file: String

    static let topKeys = ["currency", "timezone", "rounding", "default_plan", "plans", "customers", "tax_percent"]
    static let planKeys = ["base_fee", "minimum", "charges"]
    static let customerKeys = ["plan", "discount_percent", "tax_percent"]

    func plan(_ root: PlanNode) throws(PlanError) -> Plan {
        let fields = try root.fields(allowed: Self.topKeys, what: "the plan file")
        let currency = try currency(try require("currency", in: fields, at: root))
        let zone = try fields["timezone"].map { node throws(PlanError) in try timeZone(node) }
        let rounding = try fields["rounding"].map { node throws(PlanError) in try roundingMode(node) } ?? .halfUp
        let plansNode = try require("plans", in: fields, at: root)
        var plans: [PricePlan] = []
        for (name, node) in try plansNode.entries(what: "plan names to plans") {
            plans.append(try pricePlan(name: name, node))
        }
        if plans.isEmpty { throw plansNode.error("at least one plan is required") }
        let names = plans.map(\.name)
        let defaultNode = try require("default_plan", in: fields, at: root)
        let defaultPlan = try planName(defaultNode, known: names)
        var customers: [CustomerTerms] = []
        if let customersNode = fields["customers"], !customersNode.isNull {
            for (key, node) in try customersNode.entries(what: "customer ids or emails to terms") {
                customers.append(try customer(key: key, node, planNames: names))
            }
        }
        let tax = try fields["tax_percent"].map { node throws(PlanError) in try percent(node) } ?? .zero
        return Plan(
            source: file, currency: currency, timeZone: zone, rounding: rounding, defaultPlan: defaultPlan,
            plans: plans, customers: customers, taxPercent: tax)
    }

    func require(_ key: String, in fields: [String: PlanNode], at parent: PlanNode) throws(PlanError) -> PlanNode {
        guard let node = fields[key] else {
            throw PlanError(
                file: file, line: parent.line, keyPath: parent.path.isEmpty ? key : "\(parent.path).\(key)",
                message: "missing required key '\(key)'")
        }
        return node
    }

    func currency(_ node: PlanNode) throws(PlanError) -> Currency {
        let code = try node.text()
        guard let currency = Currency(code: code) else {
            let hint = Spelling.hint(for: code, in: Currency.knownCodes)
            throw node.error("unknown currency '\(code)'\(hint) (expected an ISO 4217 code such as USD, EUR, JPY)")
        }
        return currency
    }

    func timeZone(_ node: PlanNode) throws(PlanError) -> String {
        let name = try node.text()
        guard TimeZone(identifier: name) != nil else {
            throw node.error("unknown time zone '\(name)' (expected an IANA name such as Europe/Berlin or UTC)")
        }
        return name
    }

    func roundingMode(_ node: PlanNode) throws(PlanError) -> RoundingMode {
        let text = try node.text()
        guard let mode = RoundingMode(rawValue: text) else {
            let names = RoundingMode.allCases.map(\.rawValue)
            let hint = Spelling.hint(for: text, in: names)
            throw node.error("unknown rounding '\(text)'\(hint) (expected one of: \(names.joined(separator: ", ")))")
        }
        return mode
    }

    func planName(_ node: PlanNode, known: [String]) throws(PlanError) -> String {
        let name = try node.text()
        guard known.contains(name) else {
            let hint = Spelling.hint(for: name, in: known)
            throw node.error("no plan named '\(name)'\(hint) (plans: \(known.joined(separator: ", ")))")
        }
        return name
    }

    func percent(_ node: PlanNode) throws(PlanError) -> ExactDecimal {
        let value = try node.money()
        guard value <= ExactDecimal(100) else { throw node.error("percent '\(value)' is above 100") }
        return value
    }

    func pricePlan(name: String, _ node: PlanNode) throws(PlanError) -> PricePlan {
        let fields = try node.fields(allowed: Self.planKeys, what: "a plan")
        let baseFee = try fields["base_fee"].map { node throws(PlanError) in try node.money() }
        let minimum = try fields["minimum"].map { node throws(PlanError) in try node.money() }
        var charges: [Charge] = []
        if let chargesNode = fields["charges"], !chargesNode.isNull {
            for item in try chargesNode.items(what: "charges") {
                charges.append(try charge(item))
            }
        }
        return PricePlan(name: name, baseFee: baseFee, minimum: minimum, charges: charges)
    }

    func customer(key: String, _ node: PlanNode, planNames: [String]) throws(PlanError) -> CustomerTerms {
        let fields = try node.fields(allowed: Self.customerKeys, what: "a customer")
        let plan = try planName(try require("plan", in: fields, at: node), known: planNames)
        let discount = try fields["discount_percent"].map { node throws(PlanError) in try percent(node) } ?? .zero
        let tax = try fields["tax_percent"].map { node throws(PlanError) in try percent(node) }
        return CustomerTerms(key: key, plan: plan, discountPercent: discount, taxPercent: tax)
    }
}

extension PlanLoader {
    /// `plan.yaml: ok (3 plans, 2 customers, USD)`.
    package static func summaryLine(_ plan: Plan) -> String {
        let plans = plan.plans.count == 1 ? "1 plan" : "\(plan.plans.count) plans"
        let customers = plan.customers.count == 1 ? "1 customer" : "\(plan.customers.count) customers"
        return "\(plan.source): ok (\(plans), \(customers), \(plan.currency.code))"
    }
}
