/// The view model of `billing.html`, `billing.md` and the invoice pages: `BillingView`'s
/// formatted strings as nested dictionaries, with thousands separators in counts,
/// quantities and amounts, the period in the report zone, tier flat fees, and the
/// unbilled job lists capped for display.
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
            "invoices": zip(view.invoices, run.invoices).map(invoice),
            "summary": view.summary.map(summaryRow),
            "grandTotal": Self.grouped(view.grandTotal),
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
    func invoice(_ i: BillingView.InvoiceView, _ source: Invoice) -> Node {
        // The view's lines are each invoice line followed by its breakdown: the same order here.
        let flatFees = source.lines.flatMap { [ExactDecimal.zero] + $0.breakdown.map(\.flatFee) }
        let lines = zip(i.lines, flatFees).map { line($0, flatFee: $1, currency: source.currency) }
        let isAdjustment = { (l: BillingView.LineView) in l.kind == "discount" || l.kind == "tax" }
        var node = who(customerID: i.customerID, email: i.email, name: i.name)
        node.merge([
            "number": i.number, "file": invoiceFiles[i.number] ?? "", "plan": i.plan,
            "lines": lines,
            "items": zip(i.lines, lines).filter { !isAdjustment($0.0) }.map(\.1),
            "adjustments": zip(i.lines, lines).filter { isAdjustment($0.0) }.map(\.1),
            "subtotal": Self.grouped(i.subtotal), "discount": Self.grouped(i.discount), "tax": Self.grouped(i.tax),
            "total": Self.grouped(i.total), "hasDiscount": i.hasDiscount, "hasTax": i.hasTax,
        ]) { $1 }
        return node
    }

    func line(_ l: BillingView.LineView, flatFee: ExactDecimal, currency: Currency) -> Node {
        [
            "kind": l.kind, "label": l.label, "metric": l.metric, "tier": l.tier, "quantity": Self.grouped(l.quantity),
            "unitPrice": l.unitPrice, "amount": Self.grouped(l.amount), "isSubLine": l.isSubLine,
            "hasFlatFee": !flatFee.isZero, "flatFee": Self.grouped(flatFee.string(minimumFractionDigits: currency.minorUnits)),
        ]
    }

    /// `{customerID, email, name, hasEmail, hasName, customer}`: `customer` is the email, else the id.
    func who(customerID: String, email: String, name: String) -> Node {
        [
            "customerID": customerID, "email": email, "name": name, "hasEmail": !email.isEmpty, "hasName": !name.isEmpty,
            "customer": email.isEmpty ? customerID : email,
        ]
    }

    /// A plain decimal with thousands separators in its whole part: `-1234567.5` → `-1,234,567.5`.
    static func grouped(_ plain: String) -> String {
        let sign = plain.hasPrefix("-") ? "-" : ""
        let unsigned = plain.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }
        guard whole.count > 3, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return plain }
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return sign + out + unsigned.dropFirst(whole.count)
    }

    func summaryRow(_ s: BillingView.SummaryRowView) -> Node {
        var node = who(customerID: s.customerID, email: s.email, name: s.name)
        node.merge([
            "plan": s.plan, "invoiceNumber": s.invoiceNumber, "file": invoiceFiles[s.invoiceNumber] ?? "",
            "subtotal": Self.grouped(s.subtotal), "discount": Self.grouped(s.discount), "tax": Self.grouped(s.tax),
            "total": Self.grouped(s.total),
        ]) { $1 }
        return node
    }

    /// Both equations with their numbers and a verdict each.
    func reconciliation(_ v: BillingView.ReconciliationView) -> Node {
        let r = run.reconciliation
        let moneyOK = r.invoicesTotal == r.linesTotal
        let documentsOK = r.billedDocuments + r.unbilledDocuments == r.processedDocuments
        return [
            "invoicesTotal": Self.grouped(v.invoicesTotal), "linesTotal": Self.grouped(v.linesTotal),
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
