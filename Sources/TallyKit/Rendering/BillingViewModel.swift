/// The view model of `billing.html`, `billing.md` and the invoice pages: `BillingView`'s
/// formatted strings as nested dictionaries, plus the period in the report zone, counts
/// with thousands separators and the unbilled job lists capped for display.
///
/// Every key is documented in `templates/README.md` (section "Billing"); keep the two in step.
struct BillingViewModel {
    typealias Node = [String: Any]

    let run: BillingRun
    let format: DisplayFormat
    /// The zone as the user named it (Linux calls UTC `GMT`).
    let zoneName: String
    /// In-flight and unbillable jobs listed at most (their totals are always shown).
    let jobCap: Int
    /// Invoice number to the invoice page's path, `invoices/<number>.html`.
    let invoiceFiles: [String: String]

    /// The whole view model.
    func build() -> Node {
        let view = BillingView(run)
        return [
            "title": "Billing \(view.periodLabel)",
            "currency": view.currency,
            "planSource": view.planSource,
            "period": period(view),
            "invoiceCount": format.count(Int64(view.invoices.count)),
            "hasInvoices": !view.invoices.isEmpty,
            "invoices": view.invoices.map(invoice),
            "summary": view.summary.map(summaryRow),
            "grandTotal": view.grandTotal,
            "reconciliation": reconciliation(view.reconciliation),
            "unbilled": unbilled(),
            "unmatchedPlanCustomers": view.unmatchedPlanCustomers.map { ["value": $0] },
            "hasUnmatchedPlanCustomers": !view.unmatchedPlanCustomers.isEmpty,
            "unmatchedPlanCustomerCount": format.count(Int64(view.unmatchedPlanCustomers.count)),
        ]
    }

    /// `{label, zone, from, to, firstDay, lastDay, startISO, endISO}`.
    func period(_ view: BillingView) -> Node {
        let p = run.period
        return [
            "label": view.periodLabel, "zone": zoneName,
            "from": format.minute(p.start) + " " + format.offset(at: p.start),
            "to": format.minute(p.end) + " " + format.offset(at: p.end),
            "firstDay": format.date(p.start).description,
            "lastDay": format.date(p.end.adding(microseconds: -1)).description,
            "startISO": view.periodStart, "endISO": view.periodEnd,
        ]
    }

    /// One invoice: its lines split into items (base fee, charges and their sub-lines,
    /// minimum) and adjustments (discount, tax), plus every line in order.
    func invoice(_ i: BillingView.InvoiceView) -> Node {
        let lines = i.lines.map(line)
        let isAdjustment = { (l: BillingView.LineView) in l.kind == "discount" || l.kind == "tax" }
        return [
            "number": i.number, "file": invoiceFiles[i.number] ?? "", "customerID": i.customerID, "email": i.email,
            "name": i.name, "customer": i.email.isEmpty ? i.customerID : i.email, "plan": i.plan,
            "lines": lines,
            "items": zip(i.lines, lines).filter { !isAdjustment($0.0) }.map(\.1),
            "adjustments": zip(i.lines, lines).filter { isAdjustment($0.0) }.map(\.1),
            "subtotal": i.subtotal, "discount": i.discount, "tax": i.tax, "total": i.total,
            "hasDiscount": i.hasDiscount, "hasTax": i.hasTax,
        ]
    }

    func line(_ l: BillingView.LineView) -> Node {
        [
            "kind": l.kind, "label": l.label, "metric": l.metric, "tier": l.tier, "quantity": l.quantity,
            "unitPrice": l.unitPrice, "amount": l.amount, "isSubLine": l.isSubLine,
        ]
    }

    func summaryRow(_ s: BillingView.SummaryRowView) -> Node {
        [
            "customerID": s.customerID, "email": s.email, "name": s.name,
            "customer": s.email.isEmpty ? s.customerID : s.email, "plan": s.plan, "invoiceNumber": s.invoiceNumber,
            "file": invoiceFiles[s.invoiceNumber] ?? "", "subtotal": s.subtotal, "discount": s.discount, "tax": s.tax,
            "total": s.total,
        ]
    }

    /// Both equations with their numbers and a verdict each.
    func reconciliation(_ v: BillingView.ReconciliationView) -> Node {
        let r = run.reconciliation
        let moneyOK = r.invoicesTotal == r.linesTotal
        let documentsOK = r.billedDocuments + r.unbilledDocuments == r.processedDocuments
        return [
            "invoicesTotal": v.invoicesTotal, "linesTotal": v.linesTotal,
            "billedDocuments": format.count(r.billedDocuments), "unbilledDocuments": format.count(r.unbilledDocuments),
            "anonymousDocuments": format.count(r.anonymousDocuments),
            "inFlightDocuments": format.count(r.inFlightDocuments),
            "unbillableDocuments": format.count(r.unbillableDocuments),
            "processedDocuments": format.count(r.processedDocuments),
            "billedPlusUnbilled": format.count(r.billedDocuments + r.unbilledDocuments),
            "moneyOK": moneyOK, "documentsOK": documentsOK, "ok": v.isConsistent,
            "moneyStatus": moneyOK ? "OK" : "MISMATCH", "documentsStatus": documentsOK ? "OK" : "MISMATCH",
            "status": v.isConsistent ? "OK" : "MISMATCH",
        ]
    }

    /// Anonymous usage and the in-flight and unbillable job lists.
    func unbilled() -> Node {
        let u = run.unbilled
        return [
            "anonymousDocuments": format.count(u.anonymousDocuments), "anonymousJobs": format.count(u.anonymousJobs),
            "hasAnonymous": u.anonymousJobs > 0 || u.anonymousDocuments > 0,
            "inFlight": jobList("inflight", u.inFlight, count: u.inFlightCount, documents: u.inFlightDocuments),
            "unbillable": jobList("unbillable", u.unbillable, count: u.unbillableCount, documents: u.unbillableDocuments),
        ]
    }

    /// `{id, count, documents, shown, capped, hasJobs, jobs: [{id, user, anonymous, status, documents}]}`.
    func jobList(_ id: String, _ jobs: [UnbilledJob], count: Int64, documents: Int64) -> Node {
        let shown = jobs.prefix(jobCap)
        return [
            "id": id, "count": format.count(count), "documents": format.count(documents),
            "shown": format.count(Int64(shown.count)), "capped": Int64(shown.count) < count,
            "hasJobs": !shown.isEmpty,
            "jobs": shown.map { j -> Node in
                [
                    "id": j.jobID, "user": j.userID ?? "anonymous", "anonymous": j.userID == nil,
                    "status": j.status, "documents": format.count(j.documents),
                ]
            },
        ]
    }
}
