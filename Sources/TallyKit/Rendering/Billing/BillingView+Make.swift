extension BillingView {
    /// The view of a billing run; numbers are plain decimals (no thousands separators).
    package init(_ run: BillingRun) {
        let c = run.currency
        let r = run.reconciliation
        currency = c.code
        periodLabel = run.period.label
        periodStart = run.period.start.isoString
        periodEnd = run.period.end.isoString
        planSource = run.planSource
        invoices = run.invoices.map { InvoiceView($0) }
        summary = run.summary.map {
            SummaryRowView(
                customerID: $0.customer.id, email: $0.customer.email ?? "", name: $0.customer.name ?? "",
                plan: $0.plan, invoiceNumber: $0.invoiceNumber, subtotal: c.format($0.subtotal),
                discount: c.format($0.discount), tax: c.format($0.tax), total: c.format($0.total))
        }
        grandTotal = c.format(r.invoicesTotal)
        reconciliation = ReconciliationView(
            invoicesTotal: c.format(r.invoicesTotal), linesTotal: c.format(r.linesTotal),
            billedDocuments: String(r.billedDocuments), unbilledDocuments: String(r.unbilledDocuments),
            anonymousDocuments: String(r.anonymousDocuments), inFlightDocuments: String(r.inFlightDocuments),
            unbillableDocuments: String(r.unbillableDocuments), processedDocuments: String(r.processedDocuments),
            isConsistent: r.isConsistent)
        let job = { (j: UnbilledJob) in
            UnbilledJobView(jobID: j.jobID, userID: j.userID ?? "", status: j.status, documents: String(j.documents))
        }
        inFlight = run.unbilled.inFlight.map(job)
        unbillable = run.unbilled.unbillable.map(job)
        anonymousDocuments = String(run.unbilled.anonymousDocuments)
        anonymousJobs = String(run.unbilled.anonymousJobs)
        unmatchedPlanCustomers = run.unmatchedPlanCustomers
    }
}

extension BillingView.InvoiceView {
    /// The view of one invoice.
    package init(_ invoice: Invoice) {
        let c = invoice.currency
        number = invoice.number
        customerID = invoice.customer.id
        email = invoice.customer.email ?? ""
        name = invoice.customer.name ?? ""
        plan = invoice.plan
        subtotal = c.format(invoice.subtotal)
        discount = c.format(invoice.discount)
        tax = c.format(invoice.tax)
        total = c.format(invoice.total)
        hasDiscount = !invoice.discount.isZero
        hasTax = !invoice.tax.isZero
        lines = invoice.lines.flatMap { line -> [BillingView.LineView] in
            let metric = line.metric?.rawValue ?? ""
            let isMoneyBase = line.kind == .discount || line.kind == .tax
            let head = BillingView.LineView(
                kind: line.kind.rawValue, label: Self.label(line), metric: metric, tier: "",
                quantity: isMoneyBase ? c.format(line.quantity) : line.quantity.string(minimumFractionDigits: 0),
                unitPrice: line.unitPrice?.description ?? "", amount: c.format(line.amount), isSubLine: false)
            return [head]
                + line.breakdown.map { sub in
                    let isPackage = sub.tier == "packages"
                    return BillingView.LineView(
                        kind: isPackage ? "package" : "tier",
                        label: isPackage ? "Packages (\(sub.range))" : "Tier \(sub.tier) (\(sub.range))",
                        metric: metric, tier: sub.tier, quantity: sub.quantity.string(minimumFractionDigits: 0),
                        unitPrice: sub.unitPrice.description,
                        amount: sub.amount.string(minimumFractionDigits: c.minorUnits), isSubLine: true)
                }
        }
    }

    static func label(_ line: InvoiceLine) -> String {
        switch line.kind {
        case .baseFee: return "Base fee"
        case .usage: return "\(line.metric?.rawValue ?? "") (\(line.model ?? ""))"
        case .minimum: return "Minimum top-up"
        case .discount: return "Discount \(((line.unitPrice ?? .zero) * ExactDecimal(-100)).string(minimumFractionDigits: 0))%"
        case .tax: return "Tax \(((line.unitPrice ?? .zero) * ExactDecimal(100)).string(minimumFractionDigits: 0))%"
        }
    }
}
