/// A name and its count: a job type, model or error group of one customer.
struct NameCountView: TemplateModel {
    let name: String
    let count: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "count": count
        default: nil
        }
    }
}

/// A link: its text and its (relative) address.
struct LinkView: TemplateModel {
    let label: String
    let href: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

/// The parts every page beside `usage.html` shares: title, policy, style, script, period.
struct PageFrame: TemplateModel {
    let title: String
    let csp: String
    let style: String
    let script: String
    let period: UsagePeriodView

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "csp": csp
        case "style": style
        case "script": script
        case "period": period
        default: nil
        }
    }
}

/// `customers/<id>.html`: one customer's totals, series, job types, models, error
/// groups, jobs in flight and invoices.
struct CustomerPageView: TemplateModel {
    let page: PageFrame
    let customer: CustomerRowView
    /// Whether the series and lists below exist (`CustomerDetail.limit`).
    let hasDetail: Bool
    /// Why there is no detail, when there is none.
    let detailNote: String
    /// Inline SVG: documents and jobs per bucket.
    let documentsChart: String
    let jobsChart: String
    let series: TimeSeriesView
    let jobTypes: [NameCountView]
    let models: [NameCountView]
    let errors: [NameCountView]
    let hasErrors: Bool
    /// The customer's jobs among the report's active and stuck lists.
    let active: [ActiveJobView]
    let hasActive: Bool
    /// Whether billing ran (a plan was given).
    let billed: Bool
    /// The customer's invoice pages, relative to `customers/`.
    let invoices: [LinkView]
    let hasInvoices: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "customer": customer
        case "hasDetail": hasDetail
        case "detailNote": detailNote
        case "documentsChart": documentsChart
        case "jobsChart": jobsChart
        case "series": series
        case "jobTypes": jobTypes
        case "models": models
        case "errors": errors
        case "hasErrors": hasErrors
        case "active": active
        case "hasActive": hasActive
        case "billed": billed
        case "invoices": invoices
        case "hasInvoices": hasInvoices
        default: nil
        }
    }
}

/// `customers/index.html` (and `index-2.html`, ...): every customer of the period, a page of rows at a time.
struct CustomerIndexView: TemplateModel {
    let page: PageFrame
    /// `1 customer`, `493 customers`.
    let countText: String
    /// `page 2 of 3`; empty for a single page.
    let pageText: String
    /// Whether the list takes more than one page (test it, not `pageText`).
    let paged: Bool
    let previous: LinkView?
    let next: LinkView?
    let rows: [CustomerRowView]

    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "countText": countText
        case "pageText": pageText
        case "paged": paged
        case "previous": previous
        case "next": next
        case "rows": rows
        default: nil
        }
    }
}

/// `errors/<rank>.html`: an error group and the earliest rows behind it.
struct ErrorGroupView: TemplateModel {
    let page: PageFrame
    let cluster: ErrorClusterView
    let rows: [FailureRowView]
    /// `20`: the rows listed.
    let shown: String
    /// Whether the group has more rows than listed.
    let more: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "cluster": cluster
        case "rows": rows
        case "shown": shown
        case "more": more
        default: nil
        }
    }
}

/// One failed job or document behind an error group.
struct FailureRowView: TemplateModel {
    let at: InstantView
    let jobID: String
    /// Empty for a failed job.
    let documentID: String
    /// The email, else the user id, else `anonymous`.
    let user: String
    /// The owner's page inside `customers/`.
    let customerFile: String

    func child(named name: String) -> Any? {
        switch name {
        case "at": at
        case "jobID": jobID
        case "documentID": documentID
        case "user": user
        case "customerFile": customerFile
        default: nil
        }
    }
}
