/// The trend table: `{{#trends}}{{unit}}{{#rows}}...{{/rows}}{{/trends}}`.
struct TrendsView: TemplateModel {
    /// `month`, `week`, `day` or `N days`.
    let unit: String
    /// How many periods come before the report's.
    let previousCount: String
    let rows: [TrendRowView]
    let hasRows: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "unit": unit
        case "previousCount": previousCount
        case "rows": rows
        case "hasRows": hasRows
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

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "jobs": jobs
        case "documents": documents
        case "processed": processed
        case "failed": failed
        case "failureRate": failureRate
        case "current": current
        default: nil
        }
    }
}

extension TrendsView {
    /// The view of the trend, oldest period first.
    init(_ trends: Trends, format f: DisplayFormat) {
        let last = trends.points.count - 1
        let rows = trends.points.enumerated().map { i, p in
            TrendRowView(
                label: p.label, jobs: f.count(p.jobs), documents: f.count(p.documents), processed: f.count(p.processed),
                failed: f.count(p.failed), failureRate: f.percent(p.failureRate), current: i == last)
        }
        self.init(unit: trends.unit, previousCount: f.count(Int64(max(0, rows.count - 1))), rows: rows, hasRows: !rows.isEmpty)
    }
}
