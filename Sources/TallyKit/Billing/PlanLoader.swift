/// Reads and validates a plan file (YAML, or JSON since YAML is a superset of it).
package enum PlanLoader {
    /// Loads and validates the plan at `path`.
    ///
    /// - Throws: `FileProblems` (exit 65) naming the file, line and key path of every
    ///   problem, or `TallyError.cannotOpen` (exit 66) when the file cannot be read.
    /// A `customers_file` is checked row by row too (streamed; see `CustomersFile`).
    package static func load(path: String) throws -> Plan {
        let text: String
        do {
            text = try YAMLDocument.read(path: path, what: "plan file")
        } catch var problems as FileProblems where problems.problems.count == 1 && problems.problems[0].message.hasPrefix("larger than") {
            problems.problems[0].message += "; list many customers in a customers_file (CSV) beside it (docs/plan-format.md)"
            throw problems
        }
        var plan = try parse(text, file: path)
        if let file = plan.customersFile { plan.customersFileRows = try CustomersFile.check(file, plan: plan) }
        return plan
    }

    /// Parses and validates plan text; `file` names it in problems.
    package static func parse(_ text: String, file: String) throws(FileProblems) -> Plan {
        let root: DocumentNode?
        do throws(FileProblem) {
            root = try YAMLDocument.parse(text, file: file)
        } catch {
            throw error.alone()
        }
        guard let root else {
            throw FileProblem(file: file, line: nil, keyPath: nil, message: "the plan file is empty").alone()
        }
        let problems = ProblemList(file: file)
        return try problems.result(PlanParser(file: file, problems: problems).plan(root))
    }

    /// `plan.yaml: ok (3 plans, 2 customers, USD)`.
    package static func summaryLine(_ plan: Plan) -> String {
        let plans = plan.plans.count == 1 ? "1 plan" : "\(plan.plans.count) plans"
        let count = plan.customers.count + plan.customersFileRows
        let customers = count == 1 ? "1 customer" : "\(count) customers"
        return "\(plan.source): ok (\(plans), \(customers), \(plan.currency.code))"
    }
}
