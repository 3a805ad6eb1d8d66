/// The checks that must hold for the billing files to be trusted, with a verdict each.
struct ReconciliationView: TemplateModel {
    /// Sum of invoice totals = sum of invoice lines.
    let invoicesTotal: String
    let linesTotal: String
    let moneyOK: Bool
    /// `OK` or `MISMATCH`.
    let moneyStatus: String
    /// Every period's bridge arrives at the documents on its invoices.
    let bridgesOK: Bool
    let bridgesStatus: String
    /// Both checks together.
    let ok: Bool
    let status: String

    func child(named name: String) -> Any? {
        switch name {
        case "invoicesTotal": invoicesTotal
        case "linesTotal": linesTotal
        case "moneyOK": moneyOK
        case "moneyStatus": moneyStatus
        case "bridgesOK": bridgesOK
        case "bridgesStatus": bridgesStatus
        case "ok": ok
        case "status": status
        default: nil
        }
    }
}

extension ReconciliationView {
    /// The view of both checks.
    init(invoicesTotal: ExactDecimal, linesTotal: ExactDecimal, bridgesOK: Bool, currency c: Currency) {
        let moneyOK = invoicesTotal == linesTotal
        let verdict = { (ok: Bool) in ok ? "OK" : "MISMATCH" }
        self.init(
            invoicesTotal: DisplayFormat.grouped(c.format(invoicesTotal)), linesTotal: DisplayFormat.grouped(c.format(linesTotal)),
            moneyOK: moneyOK, moneyStatus: verdict(moneyOK), bridgesOK: bridgesOK, bridgesStatus: verdict(bridgesOK),
            ok: moneyOK && bridgesOK, status: verdict(moneyOK && bridgesOK))
    }
}

/// Anonymous usage and the in-flight and unbillable jobs: processed but not billed.
struct UnbilledView: TemplateModel {
    let anonymousJobs: String
    let anonymousDocuments: String
    let hasAnonymous: Bool
    /// Jobs created in the period that were in flight at its end (or finished after it).
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
    /// The view with at most `jobCap` jobs in each list; `label` (the period's) makes the element ids unique.
    init(_ u: UnbilledUsage, label: String, jobCap: Int, format f: DisplayFormat) {
        self.init(
            anonymousJobs: f.count(u.anonymousJobs), anonymousDocuments: f.count(u.anonymousDocuments),
            hasAnonymous: u.anonymousJobs > 0 || u.anonymousDocuments > 0,
            inFlight: UnbilledJobsView(
                id: "inflight-\(label)", u.inFlight, count: u.inFlightCount, documents: u.inFlightDocuments, cap: jobCap, format: f),
            unbillable: UnbilledJobsView(
                id: "unbillable-\(label)", u.unbillable, count: u.unbillableCount, documents: u.unbillableDocuments, cap: jobCap,
                format: f))
    }
}

/// A list of in-flight or unbillable jobs with its totals.
struct UnbilledJobsView: TemplateModel {
    /// `inflight-<period>` or `unbillable-<period>` (for element ids).
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
