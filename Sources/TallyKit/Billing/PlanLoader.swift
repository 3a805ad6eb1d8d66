/// Reads and validates a plan file (YAML, or JSON since YAML is a superset of it).
package enum PlanLoader {
    /// Loads and validates the plan at `path`.
    ///
    /// - Throws: `FileProblems` (exit 65) naming the file, line and key path of every
    ///   problem, or `TallyError.cannotOpen` (exit 66) when the file cannot be read.
    package static func load(path: String) throws -> Plan {
        try parse(YAMLDocument.read(path: path, what: "plan file"), file: path)
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
        let customers = plan.customers.count == 1 ? "1 customer" : "\(plan.customers.count) customers"
        return "\(plan.source): ok (\(plans), \(customers), \(plan.currency.code))"
    }
}
