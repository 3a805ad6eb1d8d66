/// The ledger as billing uses it: finalized periods, invoices and adjustment notes as
/// values, gapless numbers, and one write transaction per run.
///
/// Opening it takes the ledger's write lock; nothing is permanent until `commit`,
/// so a run that fails (or is killed) leaves the ledger as it found it.
package final class LedgerBook {
    /// The file's storage.
    package let store: LedgerStore
    let codec: LedgerCodec
    private let invoicePrefix: String
    private let adjustmentPrefix: String
    private var invoices: Int64
    private var notes: Int64
    /// Periods recorded so far (few: one a month), with who issued their invoices.
    private var periods: [(period: BillingPeriod, issuer: BillingParty?)]

    /// Opens (or creates) the ledger at `path` for a run billing with `plan`.
    ///
    /// - Throws: `TallyError.cannotWrite` (73) when another run holds it; `badData` (65) when it is not a ledger.
    package init(path: String, plan: Plan) throws {
        store = try LedgerStore.openForWriting(path: path)
        codec = LedgerCodec(file: path)
        invoicePrefix = plan.invoicePrefix
        adjustmentPrefix = plan.adjustmentPrefix
        invoices = try store.count(kinds: ["invoice"])
        notes = try store.count(kinds: AdjustmentKind.allCases.map(\.rawValue))
        var periods: [(BillingPeriod, BillingParty?)] = []
        let codec = codec
        try store.entries(LedgerStore.Filter(kinds: ["period"])) { entry in
            periods.append((try codec.period(entry), LedgerCodec.issuer(entry)))
            return true
        }
        self.periods = periods
    }

    /// `INV-000001`: a prefix and at least six digits.
    package static func number(_ prefix: String, _ n: Int64) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Whether `period` was finalized already.
    ///
    /// - Throws: `TallyError.badData` (65) when a recorded period overlaps it with other
    ///   bounds (the plan's `billing_period` or `timezone` changed after invoices were issued).
    package func isRecorded(_ period: BillingPeriod) throws -> Bool {
        for recorded in periods.map(\.period) where recorded.start < period.end && period.start < recorded.end {
            if recorded.start == period.start && recorded.end == period.end { return true }
            throw TallyError.badData(
                file: store.path, location: "period \(recorded.label)",
                message: "the ledger holds period \(recorded.label) [\(recorded.start.isoString), \(recorded.end.isoString)), "
                    + "which overlaps \(period.label) [\(period.start.isoString), \(period.end.isoString)): the plan's "
                    + "billing_period or timezone changed after invoices were issued; change them only from a period boundary on")
        }
        return false
    }

    /// Records that `period` is finalized, issued by `issuer` at `issuedAt`.
    package func recordPeriod(_ period: BillingPeriod, currency: Currency, issuer: BillingParty?, issuedAt: Instant, issueDate: CivilDate) throws {
        try store.append(
            LedgerCodec.entry(period: period, currency: currency, issuer: issuer, issuedAt: issuedAt, issueDate: issueDate))
        periods.append((period, issuer))
    }

    /// Who issued the invoices of a recorded period.
    package func issuer(of period: BillingPeriod) -> BillingParty? {
        periods.first { $0.period.start == period.start && $0.period.end == period.end }?.issuer
    }

    /// The next invoice number, taken.
    package func takeInvoiceNumber() -> String {
        invoices += 1
        return Self.number(invoicePrefix, invoices)
    }

    /// The next adjustment note number, taken.
    package func takeNoteNumber() -> String {
        notes += 1
        return Self.number(adjustmentPrefix, notes)
    }

    /// Records an invoice; returns it as the ledger now holds it.
    package func record(_ invoice: Invoice) throws -> Invoice {
        try codec.invoice(store.append(LedgerCodec.entry(invoice)), period: invoice.period)
    }

    /// Records an adjustment note.
    package func record(_ note: AdjustmentNote) throws {
        try store.append(LedgerCodec.entry(note))
    }

    /// Calls `body` with each invoice of `period`, in number order.
    package func invoices(of period: BillingPeriod, _ body: (Invoice) throws -> Void) throws {
        let filter = LedgerStore.Filter(kinds: ["invoice"], periodStart: period.start.isoString, periodEnd: period.end.isoString)
        try store.entries(filter) { entry in
            try body(try codec.invoice(entry, period: period))
            return true
        }
    }

    /// The adjustment notes of `period` by the invoice they correct, each list in number order.
    package func notes(of period: BillingPeriod) throws -> [String: [AdjustmentNote]] {
        var byInvoice: [String: [AdjustmentNote]] = [:]
        let filter = LedgerStore.Filter(
            kinds: AdjustmentKind.allCases.map(\.rawValue), periodStart: period.start.isoString, periodEnd: period.end.isoString)
        try store.entries(filter) { entry in
            let note = try codec.note(entry, period: period)
            byInvoice[note.originalNumber, default: []].append(note)
            return true
        }
        return byInvoice
    }

    /// Whether `period` has an invoice for the customer.
    package func hasInvoice(_ period: BillingPeriod, customerID: String) throws -> Bool {
        var found = false
        let filter = LedgerStore.Filter(
            kinds: ["invoice"], periodStart: period.start.isoString, periodEnd: period.end.isoString, customerID: customerID)
        try store.entries(filter) { _ in
            found = true
            return false
        }
        return found
    }

    /// Makes this run's entries permanent.
    package func commit() throws { try store.commit() }

    /// Forgets this run's entries.
    package func rollback() { store.rollback() }
}
