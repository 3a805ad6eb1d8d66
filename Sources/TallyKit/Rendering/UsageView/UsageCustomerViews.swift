/// Usage per customer, the heaviest first, capped for display.
struct CustomersView: TemplateModel {
    /// How many customers.
    let count: String
    /// `1 customer`, `493 customers`.
    let countText: String
    /// How many rows are shown.
    let shown: String
    let capped: Bool
    let hasRows: Bool
    /// `usage_by_customer.csv`, which has every customer.
    let csv: String
    let rows: [CustomerRowView]

    func child(named name: String) -> Any? {
        switch name {
        case "count": count
        case "countText": countText
        case "shown": shown
        case "capped": capped
        case "hasRows": hasRows
        case "csv": csv
        case "rows": rows
        default: nil
        }
    }
}

extension CustomersView {
    /// At most `cap` rows.
    init(_ all: [CustomerRow], cap: Int, format f: DisplayFormat) {
        let shown = all.prefix(cap)
        self.init(
            count: f.count(Int64(all.count)), countText: f.count(Int64(all.count), "customer"), shown: f.count(Int64(shown.count)), capped: all.count > shown.count,
            hasRows: !shown.isEmpty, csv: "usage_by_customer.csv", rows: shown.map { CustomerRowView($0, format: f) })
    }
}

/// One customer's usage.
struct CustomerRowView: TemplateModel {
    /// The email, else the user id, else `anonymous`.
    let user: String
    /// Empty for anonymous usage.
    let userID: String
    let email: String
    let name: String
    /// Whether `name` is not empty (an empty string still opens `{{#name}}`).
    let hasName: Bool
    let anonymous: Bool
    let jobs: String
    let documents: String
    let processed: String
    let failed: String
    let successRate: String
    /// A duration.
    let processingTime: String
    let tokens: String
    let firstActivity: InstantView
    let lastActivity: InstantView

    func child(named name: String) -> Any? {
        switch name {
        case "user": user
        case "userID": userID
        case "email": email
        case "name": self.name
        case "hasName": hasName
        case "anonymous": anonymous
        case "jobs": jobs
        case "documents": documents
        case "processed": processed
        case "failed": failed
        case "successRate": successRate
        case "processingTime": processingTime
        case "tokens": tokens
        case "firstActivity": firstActivity
        case "lastActivity": lastActivity
        default: nil
        }
    }
}

extension CustomerRowView {
    /// The view of one customer's row.
    init(_ c: CustomerRow, format f: DisplayFormat) {
        self.init(
            user: c.email ?? c.userID ?? "anonymous", userID: c.userID ?? "", email: c.email ?? "", name: c.name ?? "",
            hasName: !(c.name ?? "").isEmpty, anonymous: c.userID == nil, jobs: f.count(c.jobs), documents: f.count(c.documents),
            processed: f.count(c.processed), failed: f.count(c.failed), successRate: f.percent(c.successRate),
            processingTime: f.duration(micros: c.processingMicros), tokens: f.count(c.tokens),
            firstActivity: InstantView(c.firstActivity, format: f), lastActivity: InstantView(c.lastActivity, format: f))
    }
}

/// One input read.
struct SourceView: TemplateModel {
    let name: String
    let format: String
    let rows: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "format": format
        case "rows": rows
        default: nil
        }
    }
}

/// The inline SVG charts of `usage.html`; each empty when there is nothing to draw.
struct ChartsView: TemplateModel {
    /// Documents processed and failed per bucket.
    let documents: String
    /// Jobs created per bucket.
    let jobs: String
    /// Documents per hour of day.
    let hours: String
    /// Jobs by status.
    let statuses: String

    func child(named name: String) -> Any? {
        switch name {
        case "documents": documents
        case "jobs": jobs
        case "hours": hours
        case "statuses": statuses
        default: nil
        }
    }
}

extension ChartsView {
    /// The four charts of a report.
    init(_ report: UsageReport, charts: SVGCharts) {
        self.init(
            documents: charts.documents(report.timeSeries), jobs: charts.jobs(report.timeSeries),
            hours: charts.hours(report.throughput.documentsByHourOfDay), statuses: charts.statuses(report.totals.jobsByStatus))
    }
}
