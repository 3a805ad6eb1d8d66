/// Receives the invoices of a billing run one at a time, period by period, so that
/// no list of every invoice is ever held (a million customers is a million invoices).
package protocol BillingSink {
    /// A billing period starts; `issuer` is who issues its invoices (as recorded, for a recorded period).
    mutating func begin(_ period: BillingPeriod, issuer: BillingParty?) throws
    /// One invoice of the current period, with its adjustment notes (oldest first).
    mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) throws
    /// The current period ends: its bridge and unbilled usage.
    mutating func end(_ period: BillingPeriod, bridge: BillingBridge, unbilled: UnbilledUsage) throws
}

/// A billing period and the usage the scan counted for it.
package struct PeriodInput: Sendable {
    package var period: BillingPeriod
    package var window: BillingUsageTally.Window

    /// Pairs a period with its window of the tally.
    package init(period: BillingPeriod, window: BillingUsageTally.Window) {
        self.period = period
        self.window = window
    }
}

/// A run with `--fail-on-restatement` found a final invoice that would change (exit 1).
package struct RestatementRefused: ExitStatusProviding, Equatable {
    /// The invoice and what would change.
    package var description: String
    package var exitStatus: ExitStatus { .failure }
}

/// Prices every billing period of a report and hands the invoices to a sink.
///
/// Drafts and final invoices without a ledger are priced from the usage. With a
/// ledger, a final period not recorded yet gets gapless numbers and is recorded; a
/// recorded one is shown as recorded, and each invoice whose amount the history
/// now prices differently gets an adjustment note (see `restate`).
package struct BillingPass {
    let builder: InvoiceBuilder
    let calendar: BillingCalendar
    let asOf: Instant
    let ledger: LedgerBook?
    let failOnRestatement: Bool
    /// The customer with this id, as the sources know them.
    let customer: (String) -> BillingCustomer
    /// Every user id in the report's scope, sorted (listed customers bill a base fee without usage).
    let knownIDs: [String]
    /// Whether a customer is in the report's scope (`--user`).
    let inScope: (String) -> Bool
    /// What the operator should know: restatements, late invoices.
    package private(set) var warnings: [String] = []

    /// A pass over `builder`'s plan at `asOf`.
    package init(
        builder: InvoiceBuilder, calendar: BillingCalendar, asOf: Instant, ledger: LedgerBook?, failOnRestatement: Bool,
        customer: @escaping (String) -> BillingCustomer, knownIDs: [String], inScope: @escaping (String) -> Bool
    ) {
        self.builder = builder
        self.calendar = calendar
        self.asOf = asOf
        self.ledger = ledger
        self.failOnRestatement = failOnRestatement
        self.customer = customer
        self.knownIDs = knownIDs
        self.inScope = inScope
    }

    var plan: Plan { builder.plan }
    var issueDate: CivilDate { calendar.calendar.date(of: asOf) }
    var dueDate: CivilDate { issueDate.adding(days: plan.paymentTermsDays) }

    /// Prices every period in order into `sink`.
    ///
    /// - Throws: `RestatementRefused` (exit 1) with `failOnRestatement`, ledger errors, or the sink's.
    package mutating func run(_ inputs: [PeriodInput], into sink: inout some BillingSink) throws {
        for input in inputs {
            var bridge = BillingBridge(input.window)
            if input.period.status == .final, let ledger {
                if try ledger.isRecorded(input.period) {
                    try sink.begin(input.period, issuer: ledger.issuer(of: input.period))
                    bridge.billed = try recorded(input, ledger, into: &sink)
                } else {
                    try sink.begin(input.period, issuer: plan.issuer)
                    bridge.billed = try finalize(input, ledger, into: &sink)
                }
            } else {
                try sink.begin(input.period, issuer: plan.issuer)
                bridge.billed = try priced(input, into: &sink)
            }
            try sink.end(input.period, bridge: bridge, unbilled: UnbilledUsage(input.window))
        }
    }

    /// The ids invoiced in a period: those with usage and listed customers whose plan has a base fee, in invoice order.
    func invoiced(_ window: BillingUsageTally.Window) -> [(id: String, short: String)] {
        let usage = window.byUser
        var ids = Array(usage.keys)
        for id in knownIDs where usage[id] == nil && builder.billsWithoutUsage(customer(id)) { ids.append(id) }
        return InvoiceNumbering.ordered(ids)
    }

    /// The invoice of one customer's usage in a window.
    ///
    /// - Throws: `TallyError.badData` when a usage counter is negative (bad counters in the history).
    func price(_ id: String, _ window: BillingUsageTally.Window, _ period: BillingPeriod, number: String) throws -> Invoice {
        let usage = try self.usage(of: id, in: window, period) ?? BillingUsage()
        return builder.invoice(number: number, customer: customer(id), usage: usage, period: period)
    }

    /// A customer's usage in a window, if any.
    ///
    /// - Throws: `TallyError.badData` when a counter is negative (bad counters in the history).
    func usage(of id: String, in window: BillingUsageTally.Window, _ period: BillingPeriod) throws -> BillingUsage? {
        guard let usage = window.byUser[id].map(BillingUsage.init) else { return nil }
        if let (name, value) = usage.counters.first(where: { $0.1 < 0 }) {
            throw TallyError.badData(file: "usage", location: "customer \(id), period \(period.label)", message: "negative \(name) \(value)")
        }
        return usage
    }

    /// Drafts (`DRAFT-<label>-<short id>`), or final invoices without a ledger (`<label>-<short id>`, issued now).
    func priced(_ input: PeriodInput, into sink: inout some BillingSink) throws -> Int64 {
        let period = input.period
        var billed: Int64 = 0
        for (id, short) in invoiced(input.window) {
            let reference = "\(period.label)-\(short)"
            var invoice = try price(id, input.window, period, number: period.status == .draft ? "DRAFT-" + reference : reference)
            if period.status == .final {
                invoice.issuedAt = asOf
                invoice.issueDate = issueDate
                invoice.dueDate = dueDate
            }
            billed = saturatingAdd(billed, invoice.usage.documents)
            try sink.add(invoice, notes: [])
        }
        return billed
    }

    /// A final period seen for the first time: numbered, recorded, and shown as recorded.
    func finalize(_ input: PeriodInput, _ ledger: LedgerBook, into sink: inout some BillingSink) throws -> Int64 {
        let period = input.period
        try ledger.recordPeriod(period, currency: plan.currency, issuer: plan.issuer, issuedAt: asOf, issueDate: issueDate)
        var billed: Int64 = 0
        for (id, _) in invoiced(input.window) {
            billed = saturatingAdd(billed, try issue(id, input, ledger, into: &sink))
        }
        return billed
    }

    /// Numbers, records and shows one new final invoice; returns its documents.
    func issue(_ id: String, _ input: PeriodInput, _ ledger: LedgerBook, into sink: inout some BillingSink) throws -> Int64 {
        var invoice = try price(id, input.window, input.period, number: ledger.takeInvoiceNumber())
        invoice.issuedAt = asOf
        invoice.issueDate = issueDate
        invoice.dueDate = dueDate
        try sink.add(try ledger.record(invoice), notes: [])
        return invoice.usage.documents
    }

    /// A recorded period: its invoices as recorded, with notes for those the history now prices differently,
    /// then invoices for customers who were not billed in it when it was finalized.
    mutating func recorded(_ input: PeriodInput, _ ledger: LedgerBook, into sink: inout some BillingSink) throws -> Int64 {
        let period = input.period
        let notes = try ledger.notes(of: period)
        var pending: [AdjustmentNote] = []
        var matched = 0
        var billed: Int64 = 0
        try ledger.invoices(of: period) { invoice in
            guard inScope(invoice.customer.id) else { return }
            let usage = try self.usage(of: invoice.customer.id, in: input.window, period)
            if usage != nil || builder.billsWithoutUsage(customer(invoice.customer.id)) { matched += 1 }
            billed = saturatingAdd(billed, usage?.documents ?? 0)
            var all = notes[invoice.number] ?? []
            if let note = try restate(invoice, notes: all, usage: usage, ledger) {
                pending.append(note)
                all.append(note)
            }
            try sink.add(invoice, notes: all)
        }
        for note in pending { try ledger.record(note) }
        if !pending.isEmpty {
            let total = pending.reduce(ExactDecimal.zero) { $0 + $1.amount }
            warnings.append(
                "\(period.label): the history changed after the period was finalized: \(pending.count) adjustment note(s) "
                    + "issued (\(plan.currency.format(total)) \(plan.currency.code) in all); see adjustments.csv")
        }
        let expected = invoiced(input.window)
        guard matched < expected.count else { return billed }
        for (id, _) in expected where try !ledger.hasInvoice(period, customerID: id) {
            if failOnRestatement {
                throw RestatementRefused(description: "\(period.label) is final, but customer \(id) now has usage in it and no invoice (--fail-on-restatement)")
            }
            billed = saturatingAdd(billed, try issue(id, input, ledger, into: &sink))
            warnings.append("\(period.label): customer \(id) had no invoice when the period was finalized; a new invoice was issued")
        }
        return billed
    }

    /// The adjustment note for a recorded invoice whose usage changed and whose amount changes with it; `nil` otherwise.
    mutating func restate(_ invoice: Invoice, notes: [AdjustmentNote], usage: BillingUsage?, _ ledger: LedgerBook) throws -> AdjustmentNote? {
        let now = usage ?? BillingUsage()
        guard now != (notes.last?.usage ?? invoice.usage) else { return nil }
        // A user no longer in the sources is priced as recorded (their email may name their terms).
        var who = customer(invoice.customer.id)
        if who.email == nil, who.name == nil { who = invoice.customer }
        let priced = builder.invoice(number: invoice.number, customer: who, usage: now, period: invoice.period)
        let lines = usage != nil || builder.billsWithoutUsage(who) ? priced.lines : []
        let delta = Restatement.differences(from: Restatement.standing(invoice.lines, notes: notes), to: lines)
        let amount = delta.reduce(ExactDecimal.zero) { $0 + $1.amount }
        guard !amount.isZero else {
            warnings.append("\(invoice.period.label): the usage of \(invoice.number) changed but its amount did not; no note issued")
            return nil
        }
        if failOnRestatement {
            let change = plan.currency.format(amount)
            throw RestatementRefused(description: "\(invoice.number) (\(invoice.period.label)) is final, and the history now prices it \(change) \(plan.currency.code) differently (--fail-on-restatement)")
        }
        let kind: AdjustmentKind = amount.isNegative ? .credit : .debit
        return AdjustmentNote(
            number: ledger.takeNoteNumber(), kind: kind, originalNumber: invoice.number, customer: invoice.customer,
            billTo: invoice.billTo, plan: priced.plan, period: invoice.period, currency: invoice.currency, usage: now,
            lines: delta, issuedAt: asOf, issueDate: issueDate, dueDate: kind == .debit ? dueDate : nil, issuer: plan.issuer)
    }
}
