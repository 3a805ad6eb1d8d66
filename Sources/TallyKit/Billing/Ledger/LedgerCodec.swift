/// Invoices, adjustment notes and finalized periods as ledger entries, and back.
///
/// Every number is written at its own scale (`ExactDecimal.description`) and read
/// back exactly, so an invoice read from the ledger renders to the same bytes as
/// the one that was recorded.
struct LedgerCodec {
    /// The ledger's file, for messages.
    let file: String

    // MARK: Writing

    /// The entry recording an invoice.
    static func entry(_ invoice: Invoice) -> LedgerEntry {
        var entry = base(kind: "invoice", period: invoice.period, currency: invoice.currency, issuedAt: invoice.issuedAt)
        entry.number = invoice.number
        customer(invoice.customer, invoice.billTo, into: &entry)
        entry.plan = invoice.plan
        entry.usage = usage(invoice.usage)
        entry.total = invoice.total.description
        entry.issueDate = invoice.issueDate?.description ?? ""
        entry.dueDate = invoice.dueDate?.description
        entry.lines = invoice.lines.map(line)
        return entry
    }

    /// The entry recording an adjustment note (with who issued it).
    static func entry(_ note: AdjustmentNote) -> LedgerEntry {
        var entry = base(kind: note.kind.rawValue, period: note.period, currency: note.currency, issuedAt: note.issuedAt)
        entry.number = note.number
        entry.refersTo = note.originalNumber
        customer(note.customer, note.billTo, into: &entry)
        entry.plan = note.plan
        entry.usage = usage(note.usage)
        entry.total = note.amount.description
        entry.issueDate = note.issueDate.description
        entry.dueDate = note.dueDate?.description
        party(note.issuer, into: &entry)
        entry.lines = note.lines.map(line)
        return entry
    }

    /// The entry opening a finalized period: who issues its invoices, and when.
    static func entry(period: BillingPeriod, currency: Currency, issuer: BillingParty?, issuedAt: Instant, issueDate: CivilDate) -> LedgerEntry {
        var entry = base(kind: "period", period: period, currency: currency, issuedAt: issuedAt)
        entry.issueDate = issueDate.description
        party(issuer, into: &entry)
        return entry
    }

    private static func base(kind: String, period: BillingPeriod, currency: Currency, issuedAt: Instant?) -> LedgerEntry {
        LedgerEntry(
            kind: kind, periodLabel: period.label, periodStart: period.start.isoString, periodEnd: period.end.isoString,
            firstDay: period.firstDay.description, lastDay: period.lastDay.description, currency: currency.code, total: "0",
            issuedAt: issuedAt?.isoString ?? "", issueDate: "")
    }

    private static func customer(_ c: BillingCustomer, _ billTo: BillingParty, into entry: inout LedgerEntry) {
        entry.customerID = c.id
        entry.customerEmail = c.email
        entry.customerName = c.name
        entry.billToName = billTo.name
        entry.billToAddress = billTo.address.isEmpty ? nil : billTo.addressText
        entry.billToTaxID = billTo.taxID
    }

    private static func party(_ issuer: BillingParty?, into entry: inout LedgerEntry) {
        entry.issuerName = issuer?.name
        entry.issuerAddress = issuer.flatMap { $0.address.isEmpty ? nil : $0.addressText }
        entry.issuerTaxID = issuer?.taxID
        entry.issuerContact = issuer?.contact
    }

    static func usage(_ u: BillingUsage) -> String {
        u.counters.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }

    private static func line(_ l: InvoiceLine) -> LedgerLine {
        LedgerLine(
            kind: l.kind.rawValue, metric: l.metric?.rawValue, model: l.model, quantity: l.quantity.description,
            unitPrice: l.unitPrice?.description, exactAmount: l.exactAmount.description, amount: l.amount.description,
            tiers: l.breakdown.map {
                LedgerTier(
                    tier: $0.tier, range: $0.range, quantity: $0.quantity.description, unitPrice: $0.unitPrice.description,
                    flatFee: $0.flatFee.description, amount: $0.amount.description)
            })
    }

    // MARK: Reading

    /// The invoice an entry records, in `period` (the calendar's, when the run knows it).
    func invoice(_ e: LedgerEntry, period: BillingPeriod? = nil) throws -> Invoice {
        Invoice(
            number: e.number ?? "", status: .final, customer: try customer(e), billTo: billTo(e), plan: e.plan ?? "",
            period: try period ?? self.period(e), currency: try currency(e), usage: try usage(e), lines: try e.lines.map { try line($0, e) },
            issuedAt: try instant(e.issuedAt, e), issueDate: try date(e.issueDate, e), dueDate: try e.dueDate.map { try date($0, e) })
    }

    /// The adjustment note an entry records.
    func note(_ e: LedgerEntry, period: BillingPeriod? = nil) throws -> AdjustmentNote {
        guard let kind = AdjustmentKind(rawValue: e.kind) else { throw problem(e, "not an adjustment note") }
        return AdjustmentNote(
            number: e.number ?? "", kind: kind, originalNumber: e.refersTo ?? "", customer: try customer(e), billTo: billTo(e),
            plan: e.plan ?? "", period: try period ?? self.period(e), currency: try currency(e), usage: try usage(e),
            lines: try e.lines.map { try line($0, e) }, issuedAt: try instant(e.issuedAt, e), issueDate: try date(e.issueDate, e),
            dueDate: try e.dueDate.map { try date($0, e) }, issuer: Self.issuer(e))
    }

    /// The billing period an entry names, final, closing at its end.
    func period(_ e: LedgerEntry) throws -> BillingPeriod {
        let end = try instant(e.periodEnd, e)
        return BillingPeriod(
            start: try instant(e.periodStart, e), end: end, label: e.periodLabel, firstDay: try date(e.firstDay, e),
            lastDay: try date(e.lastDay, e), status: .final, closesAt: end, usageUpTo: end)
    }

    /// Who issued a period's invoices or a note.
    static func issuer(_ e: LedgerEntry) -> BillingParty? {
        e.issuerName.map {
            BillingParty(name: $0, address: e.issuerAddress.map(BillingParty.lines) ?? [], taxID: e.issuerTaxID, contact: e.issuerContact)
        }
    }

    /// The usage an entry records.
    func usage(_ e: LedgerEntry) throws -> BillingUsage {
        var values: [String: Int64] = [:]
        for pair in (e.usage ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int64(parts[1]) else { throw problem(e, "unreadable usage '\(e.usage ?? "")'") }
            values[String(parts[0])] = value
        }
        return BillingUsage(
            documents: values["documents"] ?? 0, failedDocuments: values["failed_documents"] ?? 0, jobs: values["jobs"] ?? 0,
            tokens: values["tokens"] ?? 0, processingMicroseconds: values["processing_microseconds"] ?? 0, bytes: values["bytes"] ?? 0)
    }

    /// A decimal written by this codec.
    func decimal(_ text: String, _ e: LedgerEntry) throws -> ExactDecimal {
        guard let value = ExactDecimal(parsing: text, maxScale: ExactDecimal.maximumScale) else {
            throw problem(e, "'\(text)' is not a decimal")
        }
        return value
    }

    private func customer(_ e: LedgerEntry) throws -> BillingCustomer {
        guard let id = e.customerID, !id.isEmpty else { throw problem(e, "no customer") }
        return BillingCustomer(id: id, email: e.customerEmail, name: e.customerName)
    }

    private func billTo(_ e: LedgerEntry) -> BillingParty {
        BillingParty(
            name: e.billToName ?? e.customerName ?? e.customerEmail ?? e.customerID ?? "",
            address: e.billToAddress.map(BillingParty.lines) ?? [], taxID: e.billToTaxID)
    }

    private func currency(_ e: LedgerEntry) throws -> Currency {
        guard let currency = Currency(code: e.currency) else { throw problem(e, "unknown currency '\(e.currency)'") }
        return currency
    }

    private func line(_ l: LedgerLine, _ e: LedgerEntry) throws -> InvoiceLine {
        guard let kind = InvoiceLineKind(rawValue: l.kind) else { throw problem(e, "unknown line kind '\(l.kind)'") }
        let metric = try l.metric.map { name in
            guard let metric = Metric(rawValue: name) else { throw problem(e, "unknown metric '\(name)'") }
            return metric
        }
        return InvoiceLine(
            kind: kind, metric: metric, model: l.model, quantity: try decimal(l.quantity, e),
            unitPrice: try l.unitPrice.map { try decimal($0, e) }, exactAmount: try decimal(l.exactAmount, e),
            amount: try decimal(l.amount, e),
            breakdown: try l.tiers.map {
                PricedTier(
                    tier: $0.tier, range: $0.range, quantity: try decimal($0.quantity, e), unitPrice: try decimal($0.unitPrice, e),
                    flatFee: try decimal($0.flatFee, e), amount: try decimal($0.amount, e))
            })
    }

    private func instant(_ text: String, _ e: LedgerEntry) throws -> Instant {
        guard let instant = TimestampParser.parse(text) else { throw problem(e, "'\(text)' is not a timestamp") }
        return instant
    }

    private func date(_ text: String, _ e: LedgerEntry) throws -> CivilDate {
        guard let date = PeriodSpec.parseDate(text) else { throw problem(e, "'\(text)' is not a date") }
        return date
    }

    /// A problem with entry `e`: exit 65, naming the ledger and the entry.
    func problem(_ e: LedgerEntry, _ message: String) -> TallyError {
        .badData(file: file, location: "entry \(e.seq)\(e.number.map { " (\($0))" } ?? "")", message: message)
    }
}
