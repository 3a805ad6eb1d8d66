/// Writes `invoices.json`: fixed key order, money as strings, `schema_version` first.
package enum BillingJSONWriter {
    /// The version of the `invoices.json` layout.
    package static let schemaVersion: Int64 = 1

    /// The whole document as text.
    package static func invoicesJSON(_ run: BillingRun) -> String {
        let c = run.currency
        let r = run.reconciliation
        let document = OrderedJSON.object([
            ("schema_version", .int(schemaVersion)),
            ("plan", .string(run.planSource)),
            ("currency", .string(c.code)),
            ("minor_units", .int(Int64(c.minorUnits))),
            ("period", period(run.period)),
            ("invoices", .array(run.invoices.map { invoice($0, c) })),
            ("unbilled", unbilled(run.unbilled)),
            ("unmatched_plan_customers", .array(run.unmatchedPlanCustomers.map(OrderedJSON.string))),
            (
                "reconciliation",
                .object([
                    ("invoices_total", .string(c.format(r.invoicesTotal))),
                    ("lines_total", .string(c.format(r.linesTotal))),
                    ("billed_documents", .int(r.billedDocuments)),
                    ("anonymous_documents", .int(r.anonymousDocuments)),
                    ("in_flight_documents", .int(r.inFlightDocuments)),
                    ("unbillable_documents", .int(r.unbillableDocuments)),
                    ("processed_documents", .int(r.processedDocuments)),
                    ("consistent", .bool(r.isConsistent)),
                ])
            ),
        ])
        return document.serialized()
    }

    private static func period(_ p: BillingPeriod) -> OrderedJSON {
        .object([("label", .string(p.label)), ("start", .string(p.start.isoString)), ("end", .string(p.end.isoString))])
    }

    private static func invoice(_ i: Invoice, _ c: Currency) -> OrderedJSON {
        let u = i.usage
        return .object([
            ("number", .string(i.number)),
            (
                "customer",
                .object([
                    ("id", .string(i.customer.id)), ("email", OrderedJSON.string(i.customer.email)),
                    ("name", OrderedJSON.string(i.customer.name)),
                ])
            ),
            ("plan", .string(i.plan)),
            ("period", period(i.period)),
            (
                "usage",
                .object([
                    ("documents", .int(u.documents)), ("failed_documents", .int(u.failedDocuments)),
                    ("jobs", .int(u.jobs)), ("tokens", .int(u.tokens)),
                    ("processing_seconds", .string(u.quantity(of: .processingSeconds).description)),
                    ("megabytes", .string(u.quantity(of: .megabytes).description)),
                ])
            ),
            ("lines", .array(i.lines.map { line($0, c) })),
            ("subtotal", .string(c.format(i.subtotal))),
            ("discount", .string(c.format(i.discount))),
            ("tax", .string(c.format(i.tax))),
            ("total", .string(c.format(i.total))),
        ])
    }

    private static func line(_ l: InvoiceLine, _ c: Currency) -> OrderedJSON {
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

    private static func unbilled(_ u: UnbilledUsage) -> OrderedJSON {
        func jobs(_ list: [UnbilledJob]) -> OrderedJSON {
            .array(
                list.map {
                    .object([
                        ("job_id", .string($0.jobID)), ("user_id", OrderedJSON.string($0.userID)),
                        ("status", .string($0.status)), ("documents", .int($0.documents)),
                    ])
                })
        }
        return .object([
            ("anonymous_documents", .int(u.anonymousDocuments)), ("anonymous_jobs", .int(u.anonymousJobs)),
            ("in_flight", jobs(u.inFlight)), ("unbillable", jobs(u.unbillable)),
        ])
    }
}
