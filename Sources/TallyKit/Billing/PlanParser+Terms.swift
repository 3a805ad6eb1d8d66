import Foundation

/// The plan's billing terms: cycle, grace period, payment terms, number prefixes,
/// issuer, and the customers file.
extension PlanParser {
    static let issuerKeys = ["name", "address", "tax_id", "contact"]

    /// The top-level billing terms, each read on its own (problems recorded).
    struct BillingTerms {
        var cycle: BillingCycle?
        var graceMicros: Int64?
        var paymentDays: Int?
        var invoicePrefix: String?
        var adjustmentPrefix: String?
        var issuer: BillingParty?
        var customersFile: String?

        /// Sets the terms that were given on `plan`.
        func apply(to plan: inout Plan) {
            if let cycle { plan.billingCycle = cycle }
            if let graceMicros { plan.graceMicros = graceMicros }
            if let paymentDays { plan.paymentTermsDays = paymentDays }
            if let invoicePrefix { plan.invoicePrefix = invoicePrefix }
            if let adjustmentPrefix { plan.adjustmentPrefix = adjustmentPrefix }
            plan.issuer = issuer
            plan.customersFile = customersFile
        }
    }

    func billingTerms(_ fields: [String: DocumentNode], at root: DocumentNode) -> BillingTerms {
        var terms = BillingTerms()
        terms.cycle = optional("billing_period", in: fields) { node throws(FileProblem) -> BillingCycle in
            try named(node, "billing_period")
        }
        terms.graceMicros = optional("grace_period", in: fields) { node throws(FileProblem) in
            try duration(node, units: ["h": 3_600, "d": 86_400], example: "3d") * 1_000_000
        }
        terms.paymentDays = optional("payment_terms", in: fields) { node throws(FileProblem) in
            Int(try duration(node, units: ["d": 1], example: "14d"))
        }
        terms.invoicePrefix = optional("invoice_prefix", in: fields, prefix)
        terms.adjustmentPrefix = optional("adjustment_prefix", in: fields, prefix)
        let invoice = terms.invoicePrefix ?? Plan.defaultInvoicePrefix
        let adjustment = terms.adjustmentPrefix ?? Plan.defaultAdjustmentPrefix
        if invoice == adjustment, let node = fields["adjustment_prefix"] ?? fields["invoice_prefix"] {
            problems.record(node.problem("invoice_prefix and adjustment_prefix must differ (both are '\(invoice)')"))
        }
        if let node = fields["issuer"], !node.isNull {
            terms.issuer = mapping(node, allowed: Self.issuerKeys, what: "the issuer").flatMap {
                billingParty($0, nameKey: "name", at: node, nameRequired: true)
            }
        }
        terms.customersFile = optional("customers_file", in: fields) { node throws(FileProblem) in
            let path = try node.text("a CSV file of customers' terms")
            guard !path.hasPrefix("/") else { return path }
            let directory = (file as NSString).deletingLastPathComponent
            return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
        }
        return terms
    }

    /// A name (under `nameKey`), `address`, `tax_id` and `contact`; `nil` when no name is
    /// given (recorded as a problem when `nameRequired`).
    func billingParty(
        _ fields: [String: DocumentNode], nameKey: String, at parent: DocumentNode, nameRequired: Bool
    ) -> BillingParty? {
        let text = { (key: String) in self.optional(key, in: fields) { node throws(FileProblem) in try node.text() } }
        let address = optional("address", in: fields) { node throws(FileProblem) -> [String] in
            if case .sequence = node.node {
                return try node.items(what: "address lines").map { item throws(FileProblem) in try item.text("an address line") }
            }
            return BillingParty.lines(try node.text("an address (text, or a list of lines)"))
        }
        let name = nameRequired ? required(nameKey, in: fields, at: parent) { node throws(FileProblem) in try node.text() } : text(nameKey)
        guard let name else {
            if !nameRequired, fields["address"] != nil || fields["tax_id"] != nil {
                problems.record(parent.problem("'address' and 'tax_id' need a '\(nameKey)' to print above them"))
            }
            return nil
        }
        return BillingParty(name: name, address: address ?? [], taxID: text("tax_id"), contact: text("contact"))
    }

    /// `3d`, `12h`, `14d` or `0` in the given units (suffix to seconds).
    func duration(_ node: DocumentNode, units: [Character: Int64], example: String) throws(FileProblem) -> Int64 {
        let text = try node.text("a duration such as \(example)")
        if text == "0" { return 0 }
        let suffixes = units.keys.sorted().map(String.init).joined(separator: " or ")
        guard let unit = text.last, let size = units[unit], let count = Int64(text.dropLast()), count >= 0, count <= 3_650
        else {
            throw node.problem("'\(text)' is not a duration such as \(example) (a whole number and \(suffixes); at most 3650)")
        }
        return count * size
    }

    /// An invoice or adjustment number prefix: 1 to 16 letters, digits, `-` or `_` (numbers name files).
    func prefix(_ node: DocumentNode) throws(FileProblem) -> String {
        let text = try node.text("a prefix such as INV-")
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard allowed, text.count <= 16 else {
            throw node.problem("'\(text)' is not a number prefix (1 to 16 letters, digits, '-' or '_')")
        }
        return text
    }
}
