/// The view model of `usage.html` and `usage.md`: every number and date of a
/// `UsageReport` already formatted for people (report zone, thousands separators).
///
/// `templates/README.md` documents every key ("usage.html and usage.md").
struct UsageView: TemplateModel {
    /// `Usage report <period label>`.
    let title: String
    let period: UsagePeriodView
    /// Always `--as-of`.
    let generatedAt: InstantView
    /// The `--user` arguments.
    let userFilter: [ListValue]
    let hasUserFilter: Bool
    /// Whether previous-period figures exist.
    let hasPrevious: Bool
    let headline: [HeadlineCardView]
    /// Said next to the headline when the period counts jobs with implausibly many documents.
    let headlineNote: String?
    let jobsByStatus: [ShareRowView]
    let jobsByType: [ShareRowView]
    let throughput: ThroughputView
    let durations: DurationsView
    let errors: ErrorsView
    let failureTables: [FailureTableView]
    let activity: ActivityView
    let customers: CustomersView
    let timeSeries: TimeSeriesView
    let dataQuality: DataQualityView
    let sources: [SourceView]
    /// Absent when billing did not run.
    let billing: BillingLinkView?
    /// HTML only: the inline SVG charts.
    var charts: ChartsView?
    /// HTML only: the Content-Security-Policy of the `<meta>` tag.
    var csp: String?
    /// HTML only: the text of `usage.css`.
    var style: String?
    /// HTML only: the text of `usage.js`.
    var script: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "period": period
        case "generatedAt": generatedAt
        case "userFilter": userFilter
        case "hasUserFilter": hasUserFilter
        case "hasPrevious": hasPrevious
        case "headline": headline
        case "headlineNote": headlineNote
        case "jobsByStatus": jobsByStatus
        case "jobsByType": jobsByType
        case "throughput": throughput
        case "durations": durations
        case "errors": errors
        case "failureTables": failureTables
        case "activity": activity
        case "customers": customers
        case "timeSeries": timeSeries
        case "dataQuality": dataQuality
        case "sources": sources
        case "billing": billing
        case "charts": charts
        case "csp": csp
        case "style": style
        case "script": script
        default: nil
        }
    }
}

extension UsageView {
    /// The view of a report; `customerCap` and `errorCap` limit the customer rows and
    /// error groups shown (the CSVs have them all). The HTML-only keys are left empty.
    init(_ report: UsageReport, format: DisplayFormat, customerCap: Int, errorCap: Int) {
        let r = report, f = format
        let previous = r.previousTotals
        self.init(
            title: "Usage report \(r.period.label)",
            period: UsagePeriodView(r.period, format: f),
            generatedAt: InstantView(r.generatedAt, format: f),
            userFilter: r.userFilter.map(ListValue.init),
            hasUserFilter: !r.userFilter.isEmpty,
            hasPrevious: previous != nil,
            headline: HeadlineCardView.cards(r.totals, previous: previous, format: f),
            headlineNote: HeadlineCardView.note(r.totals, previous: previous, threshold: r.dataQuality.implausibleThreshold, format: f),
            jobsByStatus: ShareRowView.rows(r.totals.jobsByStatus, previous: previous?.jobsByStatus, total: r.totals.jobs, format: f),
            jobsByType: ShareRowView.rows(r.totals.jobsByType, previous: previous?.jobsByType, total: r.totals.jobs, format: f),
            throughput: ThroughputView(r.throughput, granularity: r.timeSeries.granularity, format: f),
            durations: DurationsView(r.durations, format: f),
            errors: ErrorsView(r.errors, cap: errorCap, format: f),
            failureTables: FailureTableView.tables(r.errors, format: f),
            activity: ActivityView(r.activity, format: f),
            customers: CustomersView(r.customers, cap: customerCap, format: f),
            timeSeries: TimeSeriesView(r.timeSeries, format: f),
            dataQuality: DataQualityView(r.dataQuality, format: f),
            sources: r.sources.map { SourceView(name: $0.name, format: $0.format, rows: f.count($0.rows)) },
            billing: r.billing.map { BillingLinkView($0, format: f) })
    }
}

/// The report period: `{{period.label}}`, `{{period.from.local}}`, ...
struct UsagePeriodView: TemplateModel {
    let label: String
    /// The zone's IANA id.
    let zone: String
    let from: InstantView
    /// Excluded.
    let to: InstantView
    let asOf: InstantView
    let previousFrom: InstantView
    let previousTo: InstantView
    /// A duration: active for longer than this is stuck.
    let stuckAfter: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "zone": zone
        case "from": from
        case "to": to
        case "asOf": asOf
        case "previousFrom": previousFrom
        case "previousTo": previousTo
        case "stuckAfter": stuckAfter
        default: nil
        }
    }
}

extension UsagePeriodView {
    /// The view of the report period.
    init(_ p: ReportPeriod, format f: DisplayFormat) {
        self.init(
            label: p.label, zone: p.zoneID, from: InstantView(p.from, format: f), to: InstantView(p.to, format: f),
            asOf: InstantView(p.asOf, format: f), previousFrom: InstantView(p.previousFrom, format: f),
            previousTo: InstantView(p.previousTo, format: f), stuckAfter: f.duration(micros: p.stuckAfterMicros))
    }
}
