/// What an invoice line is for.
package enum InvoiceLineKind: String, Sendable, CaseIterable {
    /// The plan's base fee.
    case baseFee = "base_fee"
    /// A usage charge.
    case usage
    /// Top-up to the plan's minimum.
    case minimum
    /// The customer's discount (negative).
    case discount
    /// Tax on the subtotal after discount.
    case tax
}

/// One invoice line: rounded once to minor units; usage lines keep their breakdown.
///
/// On an adjustment note a line is a difference: every number is the new line's minus the old one's.
package struct InvoiceLine: Sendable, Equatable {
    /// What the line is for.
    package var kind: InvoiceLineKind
    /// The metric of a usage line.
    package var metric: Metric?
    /// The model of a usage line.
    package var model: String?
    /// Units for usage; 1 for fees; the base amount for discount and tax (the taxable amount).
    package var quantity: ExactDecimal
    /// Unit price; the rate (-0.1, 0.19) for discount and tax; `nil` when the model has none.
    package var unitPrice: ExactDecimal?
    /// The exact amount before rounding.
    package var exactAmount: ExactDecimal
    /// The amount rounded to minor units: what is summed.
    package var amount: ExactDecimal
    /// Tier or package sub-lines (exact amounts; they add up to `exactAmount`).
    package var breakdown: [PricedTier]
}

/// A priced invoice for one customer and billing period.
package struct Invoice: Sendable, Equatable {
    /// `INV-000001` once recorded in a ledger; `<period>-<short id>` for a final invoice
    /// without a ledger; `DRAFT-<period>-<short id>` for a draft.
    package var number: String
    /// Draft or final.
    package var status: InvoiceStatus
    /// Who is billed.
    package var customer: BillingCustomer
    /// The name, address and tax id the invoice is made out to.
    package var billTo: BillingParty
    /// The price plan's name.
    package var plan: String
    /// The period billed.
    package var period: BillingPeriod
    /// The currency of every amount.
    package var currency: Currency
    /// The usage priced.
    package var usage: BillingUsage
    /// Lines in order: base fee, charges, minimum, discount, tax.
    package var lines: [InvoiceLine]
    /// When the invoice was issued (final invoices: when it was finalized); `nil` for a draft.
    package var issuedAt: Instant?
    /// The issue date (local, plan zone) and the day payment is due.
    package var issueDate: CivilDate?
    package var dueDate: CivilDate?

    /// Base fee + charges + minimum top-up.
    package var subtotal: ExactDecimal { sum(of: [.baseFee, .usage, .minimum]) }
    /// The discount line's amount (zero or negative).
    package var discount: ExactDecimal { sum(of: [.discount]) }
    /// The tax line's amount.
    package var tax: ExactDecimal { sum(of: [.tax]) }
    /// The sum of all rounded lines.
    package var total: ExactDecimal { lines.reduce(.zero) { $0 + $1.amount } }

    private func sum(of kinds: Set<InvoiceLineKind>) -> ExactDecimal {
        lines.filter { kinds.contains($0.kind) }.reduce(.zero) { $0 + $1.amount }
    }
}
