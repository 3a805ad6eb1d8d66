/// Writes `invoices.json`: fixed key order, money as strings, `schema_version` first.
public enum BillingJSONWriter {
    /// The version of the `invoices.json` layout.
    public static let schemaVersion: Int64 = 1

    /// The whole document as text.
    public static func invoicesJSON(_ run: BillingRun) -> String {
        let c = run.currency
        let r = run.reconciliation
        let document = BillingJSON.object([
            ("schema_version", .integer(schemaVersion)),
            ("plan", .string(run.planSource)),
            ("currency", .string(c.code)),
            ("minor_units", .integer(Int64(c.minorUnits))),
            ("period", period(run.period)),
            ("invoices", .array(run.invoices.map { invoice($0, c) })),
            ("unbilled", unbilled(run.unbilled)),
            ("unmatched_plan_customers", .array(run.unmatchedPlanCustomers.map(BillingJSON.string))),
            (
                "reconciliation",
                .object([
                    ("invoices_total", .string(c.format(r.invoicesTotal))),
                    ("lines_total", .string(c.format(r.linesTotal))),
                    ("billed_documents", .integer(r.billedDocuments)),
                    ("anonymous_documents", .integer(r.anonymousDocuments)),
                    ("in_flight_documents", .integer(r.inFlightDocuments)),
                    ("unbillable_documents", .integer(r.unbillableDocuments)),
                    ("processed_documents", .integer(r.processedDocuments)),
                    ("consistent", .bool(r.isConsistent)),
                ])
            ),
        ])
        return document.rendered()
    }

    private static func period(_ p: BillingPeriod) -> BillingJSON {
        .object([("label", .string(p.label)), ("start", .string(p.start.isoString)), ("end", .string(p.end.isoString))])
    }

    private static func invoice(_ i: Invoice, _ c: Currency) -> BillingJSON {
        let u = i.usage
        return .object([
            ("number", .string(i.number)),
            (
                "customer",
                .object([
                    ("id", .string(i.customer.id)), ("email", .optional(i.customer.email)),
                    ("name", .optional(i.customer.name)),
                ])
            ),
            ("plan", .string(i.plan)),
            ("period", period(i.period)),
            (
                "usage",
                .object([
                    ("documents", .integer(u.documents)), ("failed_documents", .integer(u.failedDocuments)),
                    ("jobs", .integer(u.jobs)), ("tokens", .integer(u.tokens)),
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

    private static func line(_ l: InvoiceLine, _ c: Currency) -> BillingJSON {
        .object([
            ("kind", .string(l.kind.rawValue)),
            ("metric", .optional(l.metric?.rawValue)),
            ("model", .optional(l.model)),
            ("quantity", .string(l.quantity.string(minimumFractionDigits: 0))),
            ("unit_price", .optional(l.unitPrice?.description)),
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

    private static func unbilled(_ u: UnbilledUsage) -> BillingJSON {
        func jobs(_ list: [UnbilledJob]) -> BillingJSON {
            .array(
                list.map {
                    .object([
                        ("job_id", .string($0.jobID)), ("user_id", .optional($0.userID)),
                        ("status", .string($0.status)), ("documents", .integer($0.documents)),
                    ])
                })
        }
        return .object([
            ("anonymous_documents", .integer(u.anonymousDocuments)), ("anonymous_jobs", .integer(u.anonymousJobs)),
            ("in_flight", jobs(u.inFlight)), ("unbillable", jobs(u.unbillable)),
        ])
    }
}
