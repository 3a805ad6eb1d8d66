/// A billing sink that only adds up: each billing period's invoice totals (as `InvoiceBuilder`
/// prices and rounds them; adjustment notes left out), for the revenue trend. Writes nothing.
package struct RevenueTotals: BillingSink {
    /// One entry per period begun, in order.
    package private(set) var totals: [(period: BillingPeriod, total: ExactDecimal)] = []

    /// An empty sum.
    package init() {}

    /// Starts a period at zero.
    package mutating func begin(_ period: BillingPeriod, issuer: BillingParty?) throws {
        totals.append((period, .zero))
    }

    /// Adds the invoice's total to its period's; notes are not revenue of the period.
    package mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) throws {
        guard !totals.isEmpty else { return }
        totals[totals.count - 1].total = totals[totals.count - 1].total + invoice.total
    }

    /// Nothing to do at a period's end.
    package mutating func end(_ period: BillingPeriod, bridge: BillingBridge, unbilled: UnbilledUsage) throws {}
}
