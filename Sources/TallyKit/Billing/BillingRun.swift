/// Every invoice of a period, the per-customer summary and the reconciliation.
package struct BillingRun: Sendable, Equatable {
    /// The plan file's source name.
    package var planSource: String
    /// The currency of every amount.
    package var currency: Currency
    /// The period billed.
    package var period: BillingPeriod
    /// Invoices sorted by number.
    package var invoices: [Invoice]
    /// Usage that is not on any invoice (job lists sorted by job id).
    package var unbilled: UnbilledUsage
    /// Plan `customers` keys that matched no known user (listed for the operator).
    package var unmatchedPlanCustomers: [String]
    /// The two checks that must hold for the outputs to be trusted.
    package var reconciliation: BillingReconciliation

    /// One summary row per invoice, in invoice order.
    package var summary: [BillingSummaryRow] {
        invoices.map {
            BillingSummaryRow(
                customer: $0.customer, plan: $0.plan, invoiceNumber: $0.number, subtotal: $0.subtotal,
                discount: $0.discount, tax: $0.tax, total: $0.total)
        }
    }
}

/// One customer's totals.
package struct BillingSummaryRow: Sendable, Equatable {
    package var customer: BillingCustomer
    package var plan: String
    package var invoiceNumber: String
    package var subtotal: ExactDecimal
    package var discount: ExactDecimal
    package var tax: ExactDecimal
    package var total: ExactDecimal
}

/// Sum of invoices = sum of lines; billed + unbilled documents = processed documents.
package struct BillingReconciliation: Sendable, Equatable {
    /// Sum of every invoice's total.
    package var invoicesTotal: ExactDecimal
    /// Sum of every line of every invoice.
    package var linesTotal: ExactDecimal
    /// Documents on invoices.
    package var billedDocuments: Int64
    /// Documents of anonymous jobs.
    package var anonymousDocuments: Int64
    /// Documents of jobs in flight at the period's end.
    package var inFlightDocuments: Int64
    /// Documents of terminal jobs without completed_at.
    package var unbillableDocuments: Int64
    /// Processed documents in the period, as the pipeline counted them.
    package var processedDocuments: Int64

    /// Anonymous + in flight + unbillable.
    package var unbilledDocuments: Int64 { anonymousDocuments + inFlightDocuments + unbillableDocuments }

    /// True when both equations hold; the pipeline exits non-zero otherwise.
    package var isConsistent: Bool {
        invoicesTotal == linesTotal && billedDocuments + unbilledDocuments == processedDocuments
    }
}

extension BillingRun {
    /// Prices a period: one invoice per customer with usage, and per listed customer without
    /// usage whose plan has a base fee.
    ///
    /// - Parameters:
    ///   - usage: per-customer usage (anonymous usage belongs in `unbilled`); repeated ids are summed.
    ///   - knownCustomers: every user the sources know, to invoice listed customers without usage.
    ///   - processedDocuments: the period's processed documents, for the reconciliation.
    /// - Throws: `TallyError.badData` when a usage counter is negative or a customer id is empty.
    package static func make(
        plan: Plan, period: BillingPeriod, usage: [CustomerUsage], knownCustomers: [BillingCustomer],
        unbilled: UnbilledUsage, processedDocuments: Int64
    ) throws -> BillingRun {
        let builder = InvoiceBuilder(plan: plan)
        var unbilled = unbilled
        unbilled.inFlight.sort { $0.jobID < $1.jobID }
        unbilled.unbillable.sort { $0.jobID < $1.jobID }
        var billed: [String: CustomerUsage] = [:]
        for entry in usage {
            guard !entry.customer.id.isEmpty else {
                throw TallyError.badData(file: "usage", location: nil, message: "usage with an empty customer id")
            }
            if let (name, value) = entry.usage.counters.first(where: { $0.1 < 0 }) {
                throw TallyError.badData(
                    file: "usage", location: "customer \(entry.customer.id)", message: "negative \(name) \(value)")
            }
            let merged = (billed[entry.customer.id]?.usage).map { $0 + entry.usage } ?? entry.usage
            billed[entry.customer.id] = CustomerUsage(customer: entry.customer, usage: merged)
        }
        for customer in knownCustomers where billed[customer.id] == nil && builder.terms(for: customer) != nil {
            if let fee = builder.pricePlan(for: customer).baseFee, !fee.isZero {
                billed[customer.id] = CustomerUsage(customer: customer, usage: BillingUsage())
            }
        }
        let numbers = InvoiceNumbering.numbers(label: period.label, ids: Array(billed.keys))
        let invoices = billed.values.map {
            builder.invoice(number: numbers[$0.customer.id] ?? "", customer: $0.customer, usage: $0.usage, period: period)
        }.sorted { $0.number < $1.number }
        let reconciliation = BillingReconciliation(
            invoicesTotal: invoices.reduce(.zero) { $0 + $1.total },
            linesTotal: invoices.flatMap(\.lines).reduce(.zero) { $0 + $1.amount },
            billedDocuments: invoices.reduce(0) { $0 + $1.usage.documents },
            anonymousDocuments: unbilled.anonymousDocuments,
            inFlightDocuments: unbilled.inFlightDocuments,
            unbillableDocuments: unbilled.unbillableDocuments,
            processedDocuments: processedDocuments)
        return BillingRun(
            planSource: plan.source, currency: plan.currency, period: period, invoices: invoices, unbilled: unbilled,
            unmatchedPlanCustomers: unmatched(plan: plan, customers: knownCustomers + usage.map(\.customer)),
            reconciliation: reconciliation)
    }

    private static func unmatched(plan: Plan, customers: [BillingCustomer]) -> [String] {
        let ids = Set(customers.map(\.id))
        let emails = Set(customers.compactMap { $0.email?.lowercased() })
        return plan.customers.map(\.key).filter { !ids.contains($0) && !emails.contains($0.lowercased()) }
    }
}
