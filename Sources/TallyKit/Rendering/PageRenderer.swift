import Foundation

/// Renders the pages beside `usage.html`: `customers/<id>.html` for every customer of
/// the period, `customers/index.html` (and `index-2.html`, ... past `indexPageSize`
/// rows) listing them all, and `errors/<rank>.html` for each error group `usage.html`
/// shows. Each page inlines the usage style and script, allowed by hash; nothing else.
package struct PageRenderer: Sendable {
    /// Customers per page of the customer list.
    package static let indexPageSize = 1000
    /// Error groups with a page: those `usage.html` lists.
    package static let errorPageCap = ReportRenderer.htmlErrorCap

    let templates: TemplateSet
    let format: DisplayFormat
    let report: UsageReport
    let style: String
    let csp: String
    let period: UsagePeriodView
    private let details: [String?: CustomerDetail]
    private let active: [String?: [ActiveJob]]
    /// The views of the report's bucket starts, which every customer's series shares.
    private let bucketStarts: [Instant: InstantView]

    /// A renderer of `report`'s pages in `zone`, printed on `paper`.
    package init(report: UsageReport, templates: TemplateSet, zone: TimeZone, paper: PaperSize = .a4) {
        self.templates = templates
        self.report = report
        format = DisplayFormat(zone: zone)
        style = templates.css + paper.pageRule
        csp = BillingRenderer.csp(style: style, script: templates.script)
        period = UsagePeriodView(report.period, format: format)
        details = Dictionary(report.customerDetails.map { ($0.userID, $0) }, uniquingKeysWith: { a, _ in a })
        var active: [String?: [ActiveJob]] = [:]
        var seen = Set<String>()
        for job in report.activity.stuck + report.activity.processing + report.activity.pending where seen.insert(job.id).inserted {
            active[job.userID, default: []].append(job)
        }
        self.active = active
        let zoneFormat = DisplayFormat(zone: zone)
        bucketStarts = Dictionary(report.timeSeries.buckets.map { ($0.start, InstantView($0.start, format: zoneFormat)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The customers whose invoices their pages link to: those with a detail and those `usage.html` lists.
    package static func linkedCustomers(_ report: UsageReport) -> Set<String> {
        Set(report.customerDetails.compactMap(\.userID) + report.customers.prefix(ReportRenderer.htmlCustomerCap).compactMap(\.userID))
    }

    private func frame(_ title: String) -> PageFrame {
        PageFrame(title: title, csp: csp, style: style, script: templates.script, period: period)
    }

    /// `customers/<id>.html` for `row`; `invoices` are its invoice numbers and pages (relative to the report).
    ///
    /// - Throws: `TallyError.badData` when a `--templates` page would render too large.
    package func customerPage(_ row: CustomerRow, invoices: [(number: String, file: String)]) throws -> RenderedFile {
        let customer = CustomerRowView(row, format: format)
        let detail = details[row.userID]
        let charts = SVGCharts(format: format)
        let series = TimeSeries(granularity: report.timeSeries.granularity, buckets: detail?.series ?? [])
        let names = { (list: [NamedCount]) in list.map { NameCountView(name: $0.name, count: format.count($0.count)) } }
        let jobs = (active[row.userID] ?? []).map { ActiveJobView($0, format: format) }
        let note = detail != nil ? "" : "The series, job types, models and error groups are kept for the first \(format.count(Int64(CustomerDetail.limit))) customers by id; this page shows totals only (all rows are in ../jobs.csv)."
        let view = CustomerPageView(
            page: frame("Customer \(customer.user)"), customer: customer, hasDetail: detail != nil, detailNote: note,
            documentsChart: detail == nil ? "" : charts.documents(series), jobsChart: detail == nil ? "" : charts.jobs(series),
            series: TimeSeriesView(series, format: format, instants: bucketStarts), jobTypes: names(detail?.jobTypes ?? []),
            models: names(detail?.models ?? []), errors: names(detail?.errors ?? []), hasErrors: !(detail?.errors.isEmpty ?? true),
            active: jobs, hasActive: !jobs.isEmpty, billed: report.billing != nil,
            invoices: invoices.map { LinkView(label: $0.number, href: "../" + $0.file) }, hasInvoices: !invoices.isEmpty)
        try templates.pages.customer.checkSize(view)
        return RenderedFile(name: "customers/" + customer.file, bytes: templates.pages.customer.bytes(view, capacity: detail == nil ? 0 : 96 << 10))
    }

    /// How many pages the customer list takes (at least one).
    package var indexPageCount: Int { max(1, (report.customers.count + Self.indexPageSize - 1) / Self.indexPageSize) }

    /// The customer list's file of page `n` (0-based): `index.html`, `index-2.html`, ...
    static func indexFile(_ n: Int) -> String { n == 0 ? "index.html" : "index-\(n + 1).html" }

    /// Page `n` (0-based) of the customer list.
    package func indexPage(_ n: Int) throws -> RenderedFile {
        let rows = report.customers.dropFirst(n * Self.indexPageSize).prefix(Self.indexPageSize)
        let count = indexPageCount
        let view = CustomerIndexView(
            page: frame("All customers, \(report.period.label)"),
            countText: format.count(Int64(report.customers.count), "customer"),
            pageText: count > 1 ? "page \(n + 1) of \(count)" : "", paged: count > 1,
            previous: n > 0 ? LinkView(label: "previous page", href: Self.indexFile(n - 1)) : nil,
            next: n + 1 < count ? LinkView(label: "next page", href: Self.indexFile(n + 1)) : nil,
            rows: rows.map { CustomerRowView($0, format: format) })
        try templates.pages.customers.checkSize(view)
        return RenderedFile(name: "customers/" + Self.indexFile(n), bytes: templates.pages.customers.bytes(view))
    }

    /// `errors/<rank>.html` for each error group `usage.html` lists.
    package func errorPages() throws -> [RenderedFile] {
        let shown = report.errors.clusters.prefix(Self.errorPageCap)
        // The emails of the rows' owners only (at most 400), not of a million customers.
        let owners = Set(shown.flatMap { $0.rows.compactMap(\.userID) })
        var emails: [String: String?] = [:]
        for c in report.customers { if let id = c.userID, owners.contains(id) { emails[id] = c.email } }
        return try shown.enumerated().map { i, cluster in
            let view = ErrorGroupView(
                page: frame("Error group \(i + 1), \(report.period.label)"),
                cluster: ErrorClusterView(cluster, rank: i + 1, format: format),
                rows: cluster.rows.map { r in
                    FailureRowView(
                        at: InstantView(r.at, format: format), jobID: r.jobID ?? "", documentID: r.documentID ?? "",
                        user: r.userID.flatMap { emails[$0] ?? nil } ?? r.userID ?? "anonymous",
                        customerFile: CustomerRowView.file(r.userID))
                },
                shown: format.count(Int64(cluster.rows.count)), more: cluster.count > Int64(cluster.rows.count))
            try templates.pages.errorGroup.checkSize(view)
            return RenderedFile(name: "errors/\(i + 1).html", bytes: templates.pages.errorGroup.bytes(view))
        }
    }
}
