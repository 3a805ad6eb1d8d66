/// Template-ready billing data: every value already a formatted string (for `billing.html`/`.md`).
public struct BillingView: Sendable, Equatable {
    public var currency: String
    public var periodLabel: String
    /// ISO 8601 UTC.
    public var periodStart: String
    public var periodEnd: String
    public var planSource: String
    public var invoices: [InvoiceView]
    public var summary: [SummaryRowView]
    public var grandTotal: String
    public var reconciliation: ReconciliationView
    public var inFlight: [UnbilledJobView]
    public var unbillable: [UnbilledJobView]
    public var anonymousDocuments: String
    public var anonymousJobs: String
    public var unmatchedPlanCustomers: [String]

    /// One invoice, printable on its own.
    public struct InvoiceView: Sendable, Equatable {
        public var number: String
        public var customerID: String
        public var email: String
        public var name: String
        public var plan: String
        /// Lines followed by their sub-lines (`isSubLine`).
        public var lines: [LineView]
        public var subtotal: String
        public var discount: String
        public var tax: String
        public var total: String
        public var hasDiscount: Bool
        public var hasTax: Bool
    }

    /// One invoice line or tier/package sub-line.
    public struct LineView: Sendable, Equatable {
        /// `base_fee`, `usage`, `minimum`, `discount`, `tax`, `tier`, `package`.
        public var kind: String
        /// Human label: "Base fee", "documents (graduated)", "Tier 2 (101-10000)", "Discount 10%".
        public var label: String
        public var metric: String
        public var tier: String
        public var quantity: String
        public var unitPrice: String
        public var amount: String
        public var isSubLine: Bool
    }

    /// One row of the per-customer summary.
    public struct SummaryRowView: Sendable, Equatable {
        public var customerID: String
        public var email: String
        public var name: String
        public var plan: String
        public var invoiceNumber: String
        public var subtotal: String
        public var discount: String
        public var tax: String
        public var total: String
    }

    /// The reconciliation block.
    public struct ReconciliationView: Sendable, Equatable {
        public var invoicesTotal: String
        public var linesTotal: String
        public var billedDocuments: String
        public var unbilledDocuments: String
        public var anonymousDocuments: String
        public var inFlightDocuments: String
        public var unbillableDocuments: String
        public var processedDocuments: String
        public var isConsistent: Bool
    }

    /// One in-flight or unbillable job.
    public struct UnbilledJobView: Sendable, Equatable {
        public var jobID: String
        public var userID: String
        public var status: String
        public var documents: String
    }
}
