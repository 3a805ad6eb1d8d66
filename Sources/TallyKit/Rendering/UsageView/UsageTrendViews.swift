/// The trend table: `{{#trends}}{{unit}}{{#rows}}...{{/rows}}{{/trends}}`.
struct TrendsView: TemplateModel {
    /// `month`, `week`, `day` or `N days`.
    let unit: String
    /// How many periods come before the report's.
    let previousCount: String
    let rows: [TrendRowView]
    let hasRows: Bool
    /// With a plan and the revenue priced: every row has `revenue`.
    let hasRevenue: Bool
    /// With a plan: what a row's revenue is (the billing periods starting in it); absent without.
    let revenueLabel: String?
    /// Why the revenue trend was left out; absent when it was not.
    let revenueOmitted: String?
    /// The plan's currency code; absent without a plan.
    let currency: String?

    func child(named name: String) -> Any? {
        switch name {
        case "unit": unit
        case "previousCount": previousCount
        case "rows": rows
        case "hasRows": hasRows
        case "hasRevenue": hasRevenue
        case "revenueLabel": revenueLabel
        case "revenueOmitted": revenueOmitted
        case "currency": currency
        default: nil
        }
    }
}

/// One trend period, formatted.
struct TrendRowView: TemplateModel {
    let label: String
    let jobs: String
    let documents: String
    let processed: String
    let failed: String
    let failureRate: String
    /// The report's own period (the last row).
    let current: Bool
    /// The invoice totals of the billing periods starting in the period, grouped (`1,234.50`); empty without.
    let revenue: String
    let hasRevenue: Bool
    /// One of those billing periods is open: its invoices are drafts.
    let revenueDraft: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "jobs": jobs
        case "documents": documents
        case "processed": processed
        case "failed": failed
        case "failureRate": failureRate
        case "current": current
        case "revenue": revenue
        case "hasRevenue": hasRevenue
        case "revenueDraft": revenueDraft
        default: nil
        }
    }
}

extension TrendsView {
    /// The view of the trend, oldest period first.
    init(_ trends: Trends, format f: DisplayFormat) {
        let last = trends.points.count - 1
        let revenue = trends.revenue
        let rows = trends.points.enumerated().map { i, p in
            TrendRowView(
                label: p.label, jobs: f.count(p.jobs), documents: f.count(p.documents), processed: f.count(p.processed),
                failed: f.count(p.failed), failureRate: f.percent(p.failureRate), current: i == last,
                revenue: p.revenue.flatMap { amount in revenue.map { DisplayFormat.grouped($0.currency.format(amount)) } } ?? "",
                hasRevenue: p.revenue != nil, revenueDraft: p.revenueDraft)
        }
        self.init(
            unit: trends.unit, previousCount: f.count(Int64(max(0, rows.count - 1))), rows: rows, hasRows: !rows.isEmpty,
            hasRevenue: revenue?.omitted == nil && trends.points.contains { $0.revenue != nil },
            revenueLabel: revenue?.label(unit: trends.unit), revenueOmitted: revenue?.omitted, currency: revenue?.currency.code)
    }
}
