/// `customers_file`: customers' terms as a CSV beside the plan, for lists too long for
/// the YAML file (which is capped at 4 MiB, about 50,000 customers).
///
/// Columns (the header names them, in any order): `customer` (a user id or email)
/// and `plan` are required; `discount_percent`, `tax_percent`, `billing_name`,
/// `address` and `tax_id` may be given, an empty cell meaning the default. The
/// file is read as a stream twice: once to check every row (`tally plan check`,
/// and before a report reads its sources), once after the sources are read to
/// keep only the rows of customers who exist, so memory grows with the matching
/// customers, not with the file.
package enum CustomersFile {
    /// The columns a customers file may have.
    package static let columns = ["customer", "plan", "discount_percent", "tax_percent", "billing_name", "address", "tax_id"]
    /// Entries of `customers` (inline or in the file) matching no user, listed in the billing pages at most.
    package static let unmatchedListed = 100

    /// Checks every row against `plan`; returns how many rows it has.
    ///
    /// - Throws: `FileProblems` (65) naming the file and line of every problem (a
    ///   customer given twice, in the file or inline, among them); `TallyError.cannotOpen` (66).
    package static func check(_ path: String, plan: Plan) throws -> Int {
        let problems = ProblemList(file: path)
        var seen: [UInt64: Int] = [:]
        for terms in plan.customers { seen[fold(terms.key)] = 0 }
        var rows = 0
        try read(path, plan: plan, problems: problems) { line, terms in
            rows += 1
            if let earlier = seen.updateValue(line, forKey: fold(terms.key)) {
                let where_ = earlier == 0 ? "under customers in the plan" : "on line \(earlier)"
                problems.record(FileProblem(file: path, line: line, keyPath: nil, message: "customer '\(terms.key)' is also given \(where_)"))
            }
        }
        return try problems.result(rows)
    }

    /// The terms of the rows whose customer `matches`, and how many did not match with the first of them.
    ///
    /// - Throws: as `check` (the file may have changed since).
    package static func terms(
        _ path: String, plan: Plan, matching matches: (String) -> Bool
    ) throws -> (terms: [CustomerTerms], unmatched: Int, examples: [String]) {
        let problems = ProblemList(file: path)
        var kept: [CustomerTerms] = []
        var unmatched = 0
        var examples: [String] = []
        try read(path, plan: plan, problems: problems) { _, terms in
            if matches(terms.key) {
                kept.append(terms)
            } else {
                unmatched += 1
                if examples.count < unmatchedListed { examples.append(terms.key) }
            }
        }
        return try problems.result((kept, unmatched, examples))
    }

    /// Reads every row, recording problems and handing on the good ones.
    private static func read(
        _ path: String, plan: Plan, problems: ProblemList, _ body: (Int, CustomerTerms) throws -> Void
    ) throws {
        var header: [String: Int]?
        do {
            try CSVRowReader(path: path).forEachRecord { line, fields in
                guard let columns = header else {
                    header = try self.header(fields, line: line, path: path)
                    return
                }
                let row = Row(path: path, line: line, fields: fields, columns: columns, plan: plan)
                if let terms = problems.attempt({ () throws(FileProblem) in try row.terms() }) { try body(line, terms) }
            }
        } catch let problem as FileProblem {
            problems.record(problem)
        }
        if header == nil, problems.isEmpty { problems.record(FileProblem(file: path, line: nil, keyPath: nil, message: "the customers file is empty (it needs a header: customer,plan,...)")) }
    }

    private static func header(_ fields: [String], line: Int, path: String) throws(FileProblem) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in fields.enumerated() {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard Self.columns.contains(name) else {
                throw FileProblem(
                    file: path, line: line, keyPath: nil,
                    message: "unknown column '\(name)'\(Spelling.hint(for: name, in: Self.columns)) (columns: \(Self.columns.joined(separator: ", ")))")
            }
            guard columns.updateValue(index, forKey: name) == nil else {
                throw FileProblem(file: path, line: line, keyPath: nil, message: "column '\(name)' appears twice")
            }
        }
        for required in ["customer", "plan"] where columns[required] == nil {
            throw FileProblem(file: path, line: line, keyPath: nil, message: "the header has no '\(required)' column")
        }
        return columns
    }

    /// A 64-bit FNV-1a hash of the key folded to lower case: duplicates are found in 8 bytes a row.
    static func fold(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// One data row and its checks.
    private struct Row {
        let path: String
        let line: Int
        let fields: [String]
        let columns: [String: Int]
        let plan: Plan

        func value(_ column: String) -> String? {
            guard let index = columns[column], index < fields.count else { return nil }
            let text = fields[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }

        func problem(_ message: String) -> FileProblem {
            FileProblem(file: path, line: line, keyPath: nil, message: message)
        }

        func percent(_ column: String) throws(FileProblem) -> ExactDecimal? {
            guard let text = value(column) else { return nil }
            guard let value = ExactDecimal(parsing: text, maxScale: 9), !value.isNegative, value <= ExactDecimal(100) else {
                throw problem("\(column) '\(text)' is not a percent from 0 to 100 such as 19 or 7.5")
            }
            return value
        }

        func terms() throws(FileProblem) -> CustomerTerms {
            guard fields.count <= columns.count else { throw problem("\(fields.count) fields under a header of \(columns.count)") }
            guard let key = value("customer") else { throw problem("no customer (a user id or email)") }
            guard let name = value("plan") else { throw problem("customer '\(key)' has no plan") }
            guard plan.pricePlan(named: name) != nil else {
                let names = plan.plans.map(\.name)
                throw problem("no plan named '\(name)'\(Spelling.hint(for: name, in: names)) (plans: \(names.joined(separator: ", ")))")
            }
            let billTo = value("billing_name").map {
                BillingParty(name: $0, address: BillingParty.lines(value("address") ?? ""), taxID: value("tax_id"))
            }
            if billTo == nil, value("address") != nil || value("tax_id") != nil {
                throw problem("'address' and 'tax_id' need a 'billing_name' to print above them")
            }
            return CustomerTerms(
                key: key, plan: name, discountPercent: try percent("discount_percent") ?? .zero,
                taxPercent: try percent("tax_percent"), billTo: billTo)
        }
    }
}
