/// One headline card: Jobs, Documents, Processed, Failed, Success rate, Job completion rate.
struct HeadlineCardView: TemplateModel {
    let label: String
    let value: String
    /// With previous-period figures only, as are `change` and `trend`.
    let previous: String?
    /// `+12.7%` / `new` for counts, `-1.7 pp` for rates.
    let change: String?
    /// `good`, `bad` or `flat` (a rise in Failed is `bad`).
    let trend: String?

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "previous": previous
        case "change": change
        case "trend": trend
        default: nil
        }
    }
}

extension HeadlineCardView {
    /// The six cards, compared with `previous` when there is one.
    static func cards(_ t: PeriodTotals, previous p: PeriodTotals?, format: DisplayFormat) -> [HeadlineCardView] {
        func trend(_ rise: Bool, _ fall: Bool, goodWhenRising: Bool = true) -> String {
            rise ? (goodWhenRising ? "good" : "bad") : fall ? (goodWhenRising ? "bad" : "good") : "flat"
        }
        func card(_ label: String, _ value: Int64, _ previous: Int64?, goodWhenRising: Bool = true) -> HeadlineCardView {
            HeadlineCardView(
                label: label, value: format.count(value), previous: previous.map(format.count),
                change: previous.map { format.change(value, from: $0) },
                trend: previous.map { trend(value > $0, value < $0, goodWhenRising: goodWhenRising) })
        }
        func rate(_ label: String, _ value: Ratio, _ previous: Ratio?) -> HeadlineCardView {
            HeadlineCardView(
                label: label, value: format.percent(value), previous: previous.map(format.percent),
                change: previous.map { format.pointChange(value, from: $0) },
                trend: previous.map {
                    let fractions = (value.fraction ?? 0, $0.fraction ?? 0)
                    return trend(fractions.0 > fractions.1, fractions.0 < fractions.1)
                })
        }
        return [
            card("Jobs", t.jobs, p?.jobs), card("Documents", t.documents, p?.documents),
            card("Processed", t.processed, p?.processed), card("Failed", t.failed, p?.failed, goodWhenRising: false),
            rate("Success rate", t.successRate, p?.successRate),
            rate("Job completion rate", t.jobCompletionRate, p?.jobCompletionRate),
        ]
    }
}

extension HeadlineCardView {
    /// `These figures include 1 job with implausibly many documents (100,000 or more; see Data quality).`,
    /// or `nil` when neither period has such a job.
    static func note(_ t: PeriodTotals, previous p: PeriodTotals?, threshold: Int64, format f: DisplayFormat) -> String? {
        let now = t.implausibleJobs, before = p?.implausibleJobs ?? 0
        guard now > 0 || before > 0 else { return nil }
        func jobs(_ n: Int64) -> String { n == 1 ? "1 job" : "\(f.count(n)) jobs" }
        let which = now > 0
            ? "These figures include \(jobs(now))" + (before > 0 ? " (the previous period's \(jobs(before)))" : "")
            : "The previous period's figures include \(jobs(before))"
        return which + " with implausibly many documents (\(f.count(threshold)) or more; see Data quality)."
    }
}

/// One row of jobs by status or by type.
struct ShareRowView: TemplateModel {
    let name: String
    let count: String
    /// Of all jobs.
    let share: String
    /// With previous-period figures only, as is `change`.
    let previous: String?
    let change: String?

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "count": count
        case "share": share
        case "previous": previous
        case "change": change
        default: nil
        }
    }
}

extension ShareRowView {
    /// One row per item; `previous` (when given) is looked up by name, 0 when missing.
    static func rows(_ list: [NamedCount], previous: [NamedCount]?, total: Int64, format: DisplayFormat) -> [ShareRowView] {
        list.map { item in
            let before = previous.map { list in list.first { $0.name == item.name }?.count ?? 0 }
            return ShareRowView(
                name: item.name, count: format.count(item.count), share: format.percent(Ratio(item.count, of: total)),
                previous: before.map(format.count), change: before.map { format.change(item.count, from: $0) })
        }
    }
}

/// The billing line of the usage report, when billing ran.
struct BillingLinkView: TemplateModel {
    /// How many invoices.
    let invoices: String
    /// `1 invoice`, `498 invoices`.
    let invoicesText: String
    let totals: [CurrencyTotalView]
    /// `billing.html`: a relative path, whatever the report model says.
    let link: String

    func child(named name: String) -> Any? {
        switch name {
        case "invoices": invoices
        case "invoicesText": invoicesText
        case "totals": totals
        case "link": link
        default: nil
        }
    }
}

extension BillingLinkView {
    /// The view of the billing summary, amounts with thousands separators as in the
    /// billing report; an unsafe link becomes `billing.html`.
    init(_ b: BillingSummaryView, format: DisplayFormat) {
        // A relative path only: no scheme, no protocol-relative or absolute URL.
        let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/".unicodeScalars
        let safe = !b.link.isEmpty && !b.link.hasPrefix("/") && b.link.unicodeScalars.allSatisfy { allowed.contains($0) }
        self.init(
            invoices: format.count(b.invoices), invoicesText: format.count(b.invoices, "invoice"),
            totals: b.totals.map { CurrencyTotalView(currency: $0.currency, amount: DisplayFormat.grouped($0.amount)) },
            link: safe ? b.link : "billing.html")
    }
}

/// A total in one currency.
struct CurrencyTotalView: TemplateModel {
    /// ISO 4217 code.
    let currency: String
    let amount: String

    func child(named name: String) -> Any? {
        switch name {
        case "currency": currency
        case "amount": amount
        default: nil
        }
    }
}
