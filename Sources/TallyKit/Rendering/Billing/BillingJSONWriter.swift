/// Writes `invoices.json` a piece at a time: fixed key order, money as strings,
/// `schema_version` first. The invoices come one by one (each with its adjustment
/// notes), the periods and checks after them.
package enum BillingJSONWriter {
    /// The version of the `invoices.json` layout (2: billing periods, status, ledger numbers, notes).
    package static let schemaVersion: Int64 = 2

    /// Everything before the first invoice, ending inside the `invoices` array.
    static func head(planName: String, currency c: Currency, asOf: Instant) -> String {
        "{\n  \"schema_version\": \(schemaVersion),\n  \"plan\": \(OrderedJSON.string(planName).serialized(indent: 2)),\n"
            + "  \"currency\": \(OrderedJSON.string(c.code).serialized(indent: 2)),\n  \"minor_units\": \(c.minorUnits),\n"
            + "  \"as_of\": \"\(asOf.isoString)\",\n  \"invoices\": ["
    }

    /// One element of `invoices`: its separator (none before the first) and the invoice.
    static func element(_ invoice: Invoice, notes: [AdjustmentNote], first: Bool) -> String {
        (first ? "\n    " : ",\n    ") + self.invoice(invoice, notes: notes).serialized(indent: 4)
    }

    /// Everything after the last invoice.
    static func tail(
        periods: [OrderedJSON], unmatched: [String], unmatchedCount: Int, reconciliation: OrderedJSON, hadInvoices: Bool
    ) -> String {
        let rest = OrderedJSON.object([
            ("periods", .array(periods)),
            ("unmatched_plan_customers", .array(unmatched.map(OrderedJSON.string))),
            ("unmatched_plan_customer_count", .int(unmatchedCount)),
            ("reconciliation", reconciliation),
        ]).serialized(indent: 0)
        // `rest` is `{\n  "periods": ...\n}`: its members continue the document's object.
        return (hadInvoices ? "\n  ]" : "]") + ",\n" + rest.dropFirst(2) + "\n"
    }

    static func invoice(_ i: Invoice, notes: [AdjustmentNote]) -> OrderedJSON {
        let c = i.currency
        let adjustments = notes.reduce(ExactDecimal.zero) { $0 + $1.amount }
        return .object([
            ("number", .string(i.number)),
            ("status", .string(i.status.rawValue)),
            (
                "customer",
                .object([
                    ("id", .string(i.customer.id)), ("email", OrderedJSON.string(i.customer.email)),
                    ("name", OrderedJSON.string(i.customer.name)),
                ])
            ),
            ("bill_to", party(i.billTo)),
            ("plan", .string(i.plan)),
            ("period", period(i.period)),
            ("issue_date", OrderedJSON.string(i.issueDate?.description)),
            ("due_date", OrderedJSON.string(i.dueDate?.description)),
            ("usage", usage(i.usage)),
            ("lines", .array(i.lines.map { line($0, c) })),
            ("subtotal", .string(c.format(i.subtotal))),
            ("discount", .string(c.format(i.discount))),
            ("tax", .string(c.format(i.tax))),
            ("total", .string(c.format(i.total))),
            ("adjustments", .array(notes.map(note))),
            ("adjusted_total", .string(c.format(i.total + adjustments))),
        ])
    }

    static func note(_ n: AdjustmentNote) -> OrderedJSON {
        .object([
            ("number", .string(n.number)),
            ("kind", .string(n.kind.rawValue)),
            ("original_invoice_number", .string(n.originalNumber)),
            ("issue_date", .string(n.issueDate.description)),
            ("due_date", OrderedJSON.string(n.dueDate?.description)),
            ("usage", usage(n.usage)),
            ("lines", .array(n.lines.map { line($0, n.currency) })),
            ("amount", .string(n.currency.format(n.amount))),
        ])
    }

    static func party(_ p: BillingParty) -> OrderedJSON {
        .object([
            ("name", .string(p.name)), ("address", .array(p.address.map(OrderedJSON.string))),
            ("tax_id", OrderedJSON.string(p.taxID)),
        ])
    }

    static func period(_ p: BillingPeriod) -> OrderedJSON {
        .object([
            ("label", .string(p.label)), ("start", .string(p.start.isoString)), ("end", .string(p.end.isoString)),
            ("start_local", .string(p.firstDay.description)), ("end_local", .string(p.lastDay.description)),
        ])
    }

    static func usage(_ u: BillingUsage) -> OrderedJSON {
        .object([
            ("documents", .int(u.documents)), ("failed_documents", .int(u.failedDocuments)),
            ("jobs", .int(u.jobs)), ("tokens", .int(u.tokens)),
            ("processing_seconds", .string(u.quantity(of: .processingSeconds).description)),
            ("megabytes", .string(u.quantity(of: .megabytes).description)),
        ])
    }

    static func line(_ l: InvoiceLine, _ c: Currency) -> OrderedJSON {
        .object([
            ("kind", .string(l.kind.rawValue)),
            ("metric", OrderedJSON.string(l.metric?.rawValue)),
            ("model", OrderedJSON.string(l.model)),
            ("quantity", .string(l.quantity.string(minimumFractionDigits: 0))),
            ("unit_price", OrderedJSON.string(l.unitPrice?.description)),
            ("exact_amount", .string(l.exactAmount.string(minimumFractionDigits: c.minorUnits))),
            ("amount", .string(c.format(l.amount))),
            (
                "breakdown",
                .array(
                    l.breakdown.map { t in
                        .object([
                            ("tier", .string(t.tier)), ("range", .string(t.range)),
                            ("quantity", .string(t.quantity.string(minimumFractionDigits: 0))),
                            ("unit_price", .string(t.unitPrice.description)),
                            ("flat_fee", .string(t.flatFee.string(minimumFractionDigits: 0))),
                            ("amount", .string(t.amount.string(minimumFractionDigits: c.minorUnits))),
                        ])
                    })
            ),
        ])
    }

    /// A period's entry in `periods`: status, counts, totals, taxes, bridge and unbilled usage.
    static func period(_ part: BillingDigest.PeriodPart, currency c: Currency) -> OrderedJSON {
        let p = part.period
        var members = period(p).members
        members += [
            ("status", .string(p.status.rawValue)),
            ("closes_at", .string(p.closesAt.isoString)),
            ("usage_up_to", .string(p.usageUpTo.isoString)),
            ("invoices", .int(part.invoices)),
            ("total", .string(c.format(part.total))),
            ("adjustment_notes", .int(part.notes)),
            ("adjustments_total", .string(c.format(part.notesTotal))),
            (
                "taxes",
                .array(part.taxes.map { t in
                    .object([("rate", .string(t.rate.description)), ("taxable", .string(c.format(t.taxable))), ("tax", .string(c.format(t.tax)))])
                })
            ),
        ]
        if let b = part.bridge {
            members.append((
                "bridge",
                .object([
                    ("created_documents", .int(b.created)), ("created_jobs", .int(b.createdJobs)),
                    ("not_finished_documents", .int(b.notFinished)), ("not_finished_jobs", .int(b.notFinishedJobs)),
                    ("unbillable_documents", .int(b.unbillable)), ("unbillable_jobs", .int(b.unbillableJobs)),
                    ("anonymous_documents", .int(b.anonymous)), ("anonymous_jobs", .int(b.anonymousJobs)),
                    ("created_outside_documents", .int(b.createdOutside)), ("created_outside_jobs", .int(b.createdOutsideJobs)),
                    ("billed_documents", .int(b.billed)), ("consistent", .bool(b.isConsistent)),
                ])
            ))
        }
        if let u = part.unbilled { members.append(("unbilled", unbilled(u))) }
        return .object(members)
    }

    static func unbilled(_ u: UnbilledUsage) -> OrderedJSON {
        func jobs(_ list: [UnbilledJob], count: Int64, documents: Int64) -> OrderedJSON {
            .object([
                ("jobs", .int(count)), ("documents", .int(documents)),
                (
                    "listed",
                    .array(
                        list.map {
                            .object([
                                ("job_id", .string($0.jobID)), ("user_id", OrderedJSON.string($0.userID)),
                                ("status", .string($0.status)), ("documents", .int($0.documents)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("anonymous_documents", .int(u.anonymousDocuments)), ("anonymous_jobs", .int(u.anonymousJobs)),
            ("in_flight", jobs(u.inFlight, count: u.inFlightCount, documents: u.inFlightDocuments)),
            ("unbillable", jobs(u.unbillable, count: u.unbillableCount, documents: u.unbillableDocuments)),
        ])
    }

    /// The run's checks.
    static func reconciliation(invoicesTotal: ExactDecimal, linesTotal: ExactDecimal, bridgesOK: Bool, currency c: Currency) -> OrderedJSON {
        .object([
            ("invoices_total", .string(c.format(invoicesTotal))),
            ("lines_total", .string(c.format(linesTotal))),
            ("bridges_consistent", .bool(bridgesOK)),
            ("consistent", .bool(invoicesTotal == linesTotal && bridgesOK)),
        ])
    }
}

extension OrderedJSON {
    /// An object's members (none for other values).
    var members: [(String, OrderedJSON)] {
        if case .object(let members) = self { return members }
        return []
    }
}
