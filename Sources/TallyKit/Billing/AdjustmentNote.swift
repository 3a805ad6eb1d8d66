/// Which way an adjustment note moves the amount owed.
package enum AdjustmentKind: String, Sendable, CaseIterable {
    /// The amount falls: the customer is owed money back.
    case credit
    /// The amount rises: the customer owes more.
    case debit
}

/// A credit or debit note correcting a final invoice after the history changed.
///
/// The invoice itself never changes; the note carries, line by line, the
/// difference between the invoice as it stands (the original plus earlier notes)
/// and the invoice priced again. Its amount is the sum of those differences.
package struct AdjustmentNote: Sendable, Equatable {
    /// `ADJ-000001`: its own gapless sequence in the ledger.
    package var number: String
    /// Credit (amount falls) or debit (amount rises).
    package var kind: AdjustmentKind
    /// The invoice it corrects.
    package var originalNumber: String
    /// The customer and what the invoice is made out to.
    package var customer: BillingCustomer
    package var billTo: BillingParty
    /// The price plan the usage was priced again with.
    package var plan: String
    /// The period of the original invoice.
    package var period: BillingPeriod
    /// The currency of every amount.
    package var currency: Currency
    /// The usage as it now stands (after this note).
    package var usage: BillingUsage
    /// The differences, new minus old, per line (lines that did not change are left out).
    package var lines: [InvoiceLine]
    /// When the note was issued, and its local date and due date.
    package var issuedAt: Instant
    package var issueDate: CivilDate
    package var dueDate: CivilDate?
    /// Who issued it (the plan's issuer at the time).
    package var issuer: BillingParty?

    /// The signed sum of the differences: negative for a credit.
    package var amount: ExactDecimal { lines.reduce(.zero) { $0 + $1.amount } }
}
