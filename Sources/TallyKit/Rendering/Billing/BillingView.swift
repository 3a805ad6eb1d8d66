/// Template-ready billing data: every value already a formatted string (for `billing.html`/`.md`).
package struct BillingView: Sendable, Equatable {
    package var currency: String
    package var periodLabel: String
    /// ISO 8601 UTC.
    package var periodStart: String
    package var periodEnd: String
    package var planSource: String
    package var invoices: [InvoiceView]
    package var summary: [SummaryRowView]
    package var grandTotal: String
    package var reconciliation: ReconciliationView
    package var inFlight: [UnbilledJobView]
    package var unbillable: [UnbilledJobView]
    package var anonymousDocuments: String
    package var anonymousJobs: String
    package var unmatchedPlanCustomers: [String]

    /// One invoice, printable on its own.
    package struct InvoiceView: Sendable, Equatable {
        package var number: String
        package var customerID: String
        package var email: String
        package var name: String
        package var plan: String
        /// Lines followed by their sub-lines (`isSubLine`).
        package var lines: [LineView]
        package var subtotal: String
        package var discount: String
        package var tax: String
        package var total: String
        package var hasDiscount: Bool
        package var hasTax: Bool
    }

    /// One invoice line or tier/package sub-line.
    package struct LineView: Sendable, Equatable {
        /// `base_fee`, `usage`, `minimum`, `discount`, `tax`, `tier`, `package`.
        package var kind: String
        /// Human label: "Base fee", "documents (graduated)", "Tier 2 (101-10000)", "Discount 10%".
        package var label: String
        package var metric: String
        package var tier: String
        package var quantity: String
        package var unitPrice: String
        package var amount: String
        package var isSubLine: Bool
    }

    /// One row of the per-customer summary.
    package struct SummaryRowView: Sendable, Equatable {
        package var customerID: String
        package var email: String
        package var name: String
        package var plan: String
        package var invoiceNumber: String
        package var subtotal: String
        package var discount: String
        package var tax: String
        package var total: String
    }

    /// The reconciliation block.
    package struct ReconciliationView: Sendable, Equatable {
        package var invoicesTotal: String
        package var linesTotal: String
        package var billedDocuments: String
        package var unbilledDocuments: String
        package var anonymousDocuments: String
        package var inFlightDocuments: String
        package var unbillableDocuments: String
        package var processedDocuments: String
        package var isConsistent: Bool
    }

    /// One in-flight or unbillable job.
    package struct UnbilledJobView: Sendable, Equatable {
        package var jobID: String
        package var userID: String
        package var status: String
        package var documents: String
    }
}
