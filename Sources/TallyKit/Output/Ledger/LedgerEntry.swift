/// One entry of the ledger as stored: every value as text, exactly as hashed.
///
/// The billing layer decides what the values mean (`LedgerCodec`); the store
/// only keeps them, in order, and chains their hashes.
package struct LedgerEntry: Sendable, Equatable {
    /// 1, 2, 3, ... with no gaps: the order entries were appended in.
    package var seq: Int64 = 0
    /// `period` (a billing period was finalized), `invoice`, `credit` or `debit`.
    package var kind: String
    /// `INV-000001`, `ADJ-000001`; none for a period.
    package var number: String?
    /// The invoice a credit or debit note corrects.
    package var refersTo: String?
    /// The billing period: label, UTC instants `[start, end)`, first and last local day.
    package var periodLabel: String
    package var periodStart: String
    package var periodEnd: String
    package var firstDay: String
    package var lastDay: String
    /// The customer (none for a period) and what the invoice is made out to.
    package var customerID: String?
    package var customerEmail: String?
    package var customerName: String?
    package var billToName: String?
    package var billToAddress: String?
    package var billToTaxID: String?
    /// The price plan's name.
    package var plan: String?
    package var currency: String
    /// The usage priced, `name=value` pairs joined by `,`.
    package var usage: String?
    /// The invoice total, the note's signed amount, or the period's invoices together.
    package var total: String
    /// When it was recorded (ISO 8601 UTC), its local date, and the due date.
    package var issuedAt: String
    package var issueDate: String
    package var dueDate: String?
    /// Who issued it (on periods and notes).
    package var issuerName: String?
    package var issuerAddress: String?
    package var issuerTaxID: String?
    package var issuerContact: String?
    /// The lines, in order.
    package var lines: [LedgerLine] = []
    /// The hash of the entry before (64 zeros for the first) and this entry's.
    package var prevHash = ""
    package var hash = ""

    /// The text columns of `entries` after `seq`, in table order (the hash comes last and is not in here).
    static let columns = [
        "kind", "number", "refers_to", "period_label", "period_start", "period_end", "first_day", "last_day",
        "customer_id", "customer_email", "customer_name", "bill_to_name", "bill_to_address", "bill_to_tax_id", "plan",
        "currency", "usage", "total", "issued_at", "issue_date", "due_date", "issuer_name", "issuer_address",
        "issuer_tax_id", "issuer_contact", "prev_hash",
    ]

    /// The values of `columns`, in order.
    var values: [String?] {
        [
            kind, number, refersTo, periodLabel, periodStart, periodEnd, firstDay, lastDay, customerID, customerEmail,
            customerName, billToName, billToAddress, billToTaxID, plan, currency, usage, total, issuedAt, issueDate, dueDate,
            issuerName, issuerAddress, issuerTaxID, issuerContact, prevHash,
        ]
    }
}

extension LedgerEntry {
    /// An entry from the values of `columns` (missing required ones read as empty).
    init(seq: Int64, values v: [String?], hash: String) {
        self.init(
            seq: seq, kind: v[0] ?? "", number: v[1], refersTo: v[2], periodLabel: v[3] ?? "", periodStart: v[4] ?? "",
            periodEnd: v[5] ?? "", firstDay: v[6] ?? "", lastDay: v[7] ?? "", customerID: v[8], customerEmail: v[9],
            customerName: v[10], billToName: v[11], billToAddress: v[12], billToTaxID: v[13], plan: v[14], currency: v[15] ?? "",
            usage: v[16], total: v[17] ?? "", issuedAt: v[18] ?? "", issueDate: v[19] ?? "", dueDate: v[20],
            issuerName: v[21], issuerAddress: v[22], issuerTaxID: v[23], issuerContact: v[24], prevHash: v[25] ?? "",
            hash: hash)
    }
}

/// One line of a ledger entry, its values as text.
package struct LedgerLine: Sendable, Equatable {
    package var kind: String
    package var metric: String?
    package var model: String?
    package var quantity: String
    package var unitPrice: String?
    package var exactAmount: String
    package var amount: String
    /// Tier or package sub-lines.
    package var tiers: [LedgerTier] = []

    /// The text columns of its table after the keys, in table order.
    static let columns = ["kind", "metric", "model", "quantity", "unit_price", "exact_amount", "amount"]
    var values: [String?] { [kind, metric, model, quantity, unitPrice, exactAmount, amount] }
}

/// One tier or package sub-line, its values as text.
package struct LedgerTier: Sendable, Equatable {
    package var tier: String
    package var range: String
    package var quantity: String
    package var unitPrice: String
    package var flatFee: String
    package var amount: String

    /// The text columns of its table after the keys, in table order.
    static let columns = ["tier", "range", "quantity", "unit_price", "flat_fee", "amount"]
    var values: [String?] { [tier, range, quantity, unitPrice, flatFee, amount] }
}
