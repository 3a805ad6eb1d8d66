/// `tally ledger list|show|verify`: the ledger as text for people, and its checks.
package enum LedgerInspection {
    /// One line per entry: sequence, kind, number, period, customer, amount, issue date.
    package static func list(path: String, write: (String) -> Void) throws {
        let store = try LedgerStore.openForReading(path: path)
        write(["seq", "kind", "number", "period", "customer", "amount", "currency", "issued", "refers_to"].joined(separator: "\t"))
        try store.entries { e in
            let customer = e.customerEmail ?? e.customerID ?? ""
            let fields = [
                String(e.seq), e.kind, e.number ?? "", e.periodLabel, customer, e.kind == "period" ? "" : e.total, e.currency,
                e.issueDate, e.refersTo ?? "",
            ]
            write(fields.map(clean).joined(separator: "\t"))
            return true
        }
    }

    /// Every value of the entry numbered `number`, with its lines.
    ///
    /// - Throws: `TallyError.unknownUser`-like `cannotOpen` (66) when no entry has that number.
    package static func show(path: String, number: String, write: (String) -> Void) throws {
        let store = try LedgerStore.openForReading(path: path)
        var found: LedgerEntry?
        try store.entries(LedgerStore.Filter(number: number)) { found = $0; return false }
        guard let e = found else { throw TallyError.cannotOpen(file: path, message: "no entry numbered '\(number)' in the ledger") }
        let fields: [(String, String?)] = [
            ("number", e.number), ("kind", e.kind), ("refers_to", e.refersTo), ("period", e.periodLabel),
            ("period_days", "\(e.firstDay) to \(e.lastDay)"), ("period_utc", "\(e.periodStart) to \(e.periodEnd) (end excluded)"),
            ("customer_id", e.customerID), ("customer_email", e.customerEmail), ("customer_name", e.customerName),
            ("bill_to", e.billToName), ("bill_to_address", e.billToAddress), ("bill_to_tax_id", e.billToTaxID), ("plan", e.plan),
            ("usage", e.usage), ("issued_at", e.issuedAt), ("issue_date", e.issueDate), ("due_date", e.dueDate),
            ("issuer", e.issuerName), ("total", "\(e.total) \(e.currency)"), ("seq", String(e.seq)), ("prev_hash", e.prevHash),
            ("hash", e.hash),
        ]
        for (name, value) in fields { if let value { write("\(name): \(clean(value))") } }
        for (index, line) in e.lines.enumerated() {
            let what = [line.kind, line.metric, line.model].compactMap { $0 }.joined(separator: " ")
            write("line \(index + 1): \(what): quantity \(line.quantity) x \(line.unitPrice ?? "-") = \(line.exactAmount), amount \(line.amount)")
            for tier in line.tiers {
                write("  tier \(tier.tier) (\(tier.range)): \(tier.quantity) x \(tier.unitPrice) + \(tier.flatFee) = \(tier.amount)")
            }
        }
    }

    /// `ledger.sqlite: ok (12 entries: ...)`.
    ///
    /// - Throws: `FileProblems` (exit 65) listing every broken link of the hash chain, every
    ///   total that is not the sum of its lines, and every gap in the numbers.
    package static func verify(path: String) throws -> String {
        let store = try LedgerStore.openForReading(path: path)
        let problems = ProblemList(file: path)
        let codec = LedgerCodec(file: path)
        var previous = (seq: Int64(0), hash: LedgerChain.genesis)
        var counts: [String: Int] = [:]
        var numbers: [String: Int64] = [:]
        var invoices: Set<String> = []
        try store.entries { e in
            let at = { (message: String) in
                problems.record(FileProblem(file: path, line: nil, keyPath: "entry \(e.seq)\(e.number.map { " (\($0))" } ?? "")", message: message))
            }
            if e.seq != previous.seq + 1 { at("follows entry \(previous.seq): entries are missing or out of order") }
            if e.prevHash != previous.hash { at("names \(e.prevHash.prefix(12))… as the hash before it, but entry \(previous.seq)'s is \(previous.hash.prefix(12))…: the chain is broken") }
            if LedgerChain.hash(of: e) != e.hash { at("its values do not match its hash: it was changed after it was recorded") }
            previous = (e.seq, e.hash)
            counts[e.kind, default: 0] += 1
            if e.kind != "period" {
                do {
                    let sum = try e.lines.reduce(ExactDecimal.zero) { $0 + (try codec.decimal($1.amount, e)) }
                    if try codec.decimal(e.total, e) != sum { at("its total \(e.total) is not the sum of its lines, \(sum)") }
                } catch { at("\(error)") }
                let series = e.kind == "invoice" ? "invoice" : "note"
                if let number = e.number, let n = trailingNumber(number) {
                    let expected = (numbers[series] ?? 0) + 1
                    if n != expected { at("number \(number) follows \(series) number \(expected - 1): the numbers have a gap") }
                    numbers[series] = n
                } else {
                    at("has no number ending in digits")
                }
                if e.kind == "invoice", let number = e.number { invoices.insert(number) }
                if e.kind != "invoice", !invoices.contains(e.refersTo ?? "") {
                    at("corrects invoice '\(e.refersTo ?? "")', which the ledger does not hold before it")
                }
            }
            return true
        }
        let total = counts.values.reduce(0, +)
        let kinds = ["period", "invoice", "credit", "debit"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        return try problems.result("\(path): ok (\(total) entries: \(kinds); hash chain intact, totals add up, numbers gapless)")
    }

    /// The number at the end of `text` (`INV-000012` → 12).
    static func trailingNumber(_ text: String) -> Int64? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int64(String(digits.reversed()))
    }

    /// A value on one line: line breaks and tabs become spaces.
    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
