/// One row of the per-customer summary.
struct SummaryRowView: TemplateModel {
    let customerID: String
    let email: String
    let name: String
    let hasEmail: Bool
    let hasName: Bool
    /// The email, else the id.
    let customer: String
    let plan: String
    let invoiceNumber: String
    /// The invoice page, `invoices/<number>.html`.
    let file: String
    let subtotal: String
    let discount: String
    let tax: String
    let total: String

    func child(named name: String) -> Any? {
        switch name {
        case "customerID": customerID
        case "email": email
        case "name": self.name
        case "hasEmail": hasEmail
        case "hasName": hasName
        case "customer": customer
        case "plan": plan
        case "invoiceNumber": invoiceNumber
        case "file": file
        case "subtotal": subtotal
        case "discount": discount
        case "tax": tax
        case "total": total
        default: nil
        }
    }
}

extension SummaryRowView {
    /// The row of one invoice, whose page is `file`.
    init(_ s: BillingSummaryRow, currency c: Currency, file: String) {
        let amount = { DisplayFormat.grouped(c.format($0)) }
        let email = s.customer.email ?? "", name = s.customer.name ?? ""
        self.init(
            customerID: s.customer.id, email: email, name: name, hasEmail: !email.isEmpty, hasName: !name.isEmpty,
            customer: email.isEmpty ? s.customer.id : email, plan: s.plan, invoiceNumber: s.invoiceNumber, file: file,
            subtotal: amount(s.subtotal), discount: amount(s.discount), tax: amount(s.tax), total: amount(s.total))
    }
}

/// Both reconciliation equations with their numbers and a verdict each.
struct ReconciliationView: TemplateModel {
    /// Sum of invoice totals = sum of invoice lines.
    let invoicesTotal: String
    let linesTotal: String
    let moneyOK: Bool
    /// `OK` or `MISMATCH`.
    let moneyStatus: String
    /// Billed + unbilled documents = processed documents.
    let billedDocuments: String
    let unbilledDocuments: String
    let anonymousDocuments: String
    let inFlightDocuments: String
    let unbillableDocuments: String
    let billedPlusUnbilled: String
    let processedDocuments: String
    let documentsOK: Bool
    let documentsStatus: String
    /// Both checks together.
    let ok: Bool
    let status: String

    func child(named name: String) -> Any? {
        switch name {
        case "invoicesTotal": invoicesTotal
        case "linesTotal": linesTotal
        case "moneyOK": moneyOK
        case "moneyStatus": moneyStatus
        case "billedDocuments": billedDocuments
        case "unbilledDocuments": unbilledDocuments
        case "anonymousDocuments": anonymousDocuments
        case "inFlightDocuments": inFlightDocuments
        case "unbillableDocuments": unbillableDocuments
        case "billedPlusUnbilled": billedPlusUnbilled
        case "processedDocuments": processedDocuments
        case "documentsOK": documentsOK
        case "documentsStatus": documentsStatus
        case "ok": ok
        case "status": status
        default: nil
        }
    }
}

extension ReconciliationView {
    /// The view of the reconciliation with its verdicts.
    init(_ r: BillingReconciliation, currency c: Currency, format f: DisplayFormat) {
        let moneyOK = r.invoicesTotal == r.linesTotal
        let documentsOK = r.billedDocuments + r.unbilledDocuments == r.processedDocuments
        let verdict = { (ok: Bool) in ok ? "OK" : "MISMATCH" }
        self.init(
            invoicesTotal: DisplayFormat.grouped(c.format(r.invoicesTotal)), linesTotal: DisplayFormat.grouped(c.format(r.linesTotal)),
            moneyOK: moneyOK, moneyStatus: verdict(moneyOK), billedDocuments: f.count(r.billedDocuments),
            unbilledDocuments: f.count(r.unbilledDocuments), anonymousDocuments: f.count(r.anonymousDocuments),
            inFlightDocuments: f.count(r.inFlightDocuments), unbillableDocuments: f.count(r.unbillableDocuments),
            billedPlusUnbilled: f.count(r.billedDocuments + r.unbilledDocuments), processedDocuments: f.count(r.processedDocuments),
            documentsOK: documentsOK, documentsStatus: verdict(documentsOK), ok: r.isConsistent, status: verdict(r.isConsistent))
    }
}

/// Anonymous usage and the in-flight and unbillable jobs: processed but not billed.
struct UnbilledView: TemplateModel {
    let anonymousJobs: String
    let anonymousDocuments: String
    let hasAnonymous: Bool
    /// Jobs pending or processing at the period's end.
    let inFlight: UnbilledJobsView
    /// Jobs finished without `completed_at`.
    let unbillable: UnbilledJobsView

    func child(named name: String) -> Any? {
        switch name {
        case "anonymousJobs": anonymousJobs
        case "anonymousDocuments": anonymousDocuments
        case "hasAnonymous": hasAnonymous
        case "inFlight": inFlight
        case "unbillable": unbillable
        default: nil
        }
    }
}

extension UnbilledView {
    /// The view with at most `jobCap` jobs in each list.
    init(_ u: UnbilledUsage, jobCap: Int, format f: DisplayFormat) {
        self.init(
            anonymousJobs: f.count(u.anonymousJobs), anonymousDocuments: f.count(u.anonymousDocuments),
            hasAnonymous: u.anonymousJobs > 0 || u.anonymousDocuments > 0,
            inFlight: UnbilledJobsView(
                id: "inflight", u.inFlight, count: u.inFlightCount, documents: u.inFlightDocuments, cap: jobCap, format: f),
            unbillable: UnbilledJobsView(
                id: "unbillable", u.unbillable, count: u.unbillableCount, documents: u.unbillableDocuments, cap: jobCap, format: f))
    }
}

/// A list of in-flight or unbillable jobs with its totals.
struct UnbilledJobsView: TemplateModel {
    /// `inflight` or `unbillable` (for element ids).
    let id: String
    /// Jobs and documents in all, listed or not.
    let count: String
    let documents: String
    /// How many jobs are listed, and whether fewer than `count`.
    let shown: String
    let capped: Bool
    let hasJobs: Bool
    let jobs: [UnbilledJobView]

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "count": count
        case "documents": documents
        case "shown": shown
        case "capped": capped
        case "hasJobs": hasJobs
        case "jobs": jobs
        default: nil
        }
    }
}

extension UnbilledJobsView {
    /// A list of at most `cap` jobs with the totals `count` and `documents` of all of them.
    init(id: String, _ jobs: [UnbilledJob], count: Int64, documents: Int64, cap: Int, format f: DisplayFormat) {
        let shown = jobs.prefix(cap)
        self.init(
            id: id, count: f.count(count), documents: f.count(documents), shown: f.count(Int64(shown.count)),
            capped: Int64(shown.count) < count, hasJobs: !shown.isEmpty,
            jobs: shown.map {
                UnbilledJobView(
                    id: $0.jobID, user: $0.userID ?? "anonymous", anonymous: $0.userID == nil, status: $0.status,
                    documents: f.count($0.documents))
            })
    }
}

/// One in-flight or unbillable job.
struct UnbilledJobView: TemplateModel {
    let id: String
    /// The user id, or `anonymous`.
    let user: String
    let anonymous: Bool
    let status: String
    let documents: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "user": user
        case "anonymous": anonymous
        case "status": status
        case "documents": documents
        default: nil
        }
    }
}
