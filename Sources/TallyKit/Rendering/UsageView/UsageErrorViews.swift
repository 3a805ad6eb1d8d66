/// Failures grouped by normalised message, the largest first.
struct ErrorsView: TemplateModel {
    let totalFailures: String
    /// `1 failure`, `4,015 failures`.
    let totalFailuresText: String
    /// `1 failed job`, `48 failed jobs`: the failures that are jobs with status failed.
    let failedJobsText: String
    /// `553 document rows`: the failures that are document rows with status failed.
    let failedDocumentsText: String
    /// How many groups exist.
    let clusterCount: String
    /// `1 group`, `17 groups`.
    let clusterCountText: String
    /// How many groups are shown.
    let shownCount: String
    let hasClusters: Bool
    /// More groups exist than are shown.
    let more: Bool
    let clusters: [ErrorClusterView]

    func child(named name: String) -> Any? {
        switch name {
        case "totalFailures": totalFailures
        case "totalFailuresText": totalFailuresText
        case "failedJobsText": failedJobsText
        case "failedDocumentsText": failedDocumentsText
        case "clusterCount": clusterCount
        case "clusterCountText": clusterCountText
        case "shownCount": shownCount
        case "hasClusters": hasClusters
        case "more": more
        case "clusters": clusters
        default: nil
        }
    }
}

extension ErrorsView {
    /// The section with at most `cap` groups.
    init(_ e: ErrorSection, cap: Int, format f: DisplayFormat) {
        let shown = e.clusters.prefix(cap)
        self.init(
            totalFailures: f.count(e.totalFailures), totalFailuresText: f.count(e.totalFailures, "failure"),
            failedJobsText: f.count(e.failedJobs, "failed job"), failedDocumentsText: f.count(e.failedDocuments, "document row"),
            clusterCount: f.count(e.clusterCount), clusterCountText: f.count(e.clusterCount, "group"),
            shownCount: f.count(Int64(shown.count)), hasClusters: !shown.isEmpty, more: e.clusterCount > Int64(shown.count),
            clusters: shown.enumerated().map { i, c in
                ErrorClusterView(
                    rank: String(i + 1), normalized: c.normalizedMessage, example: c.exampleMessage, count: f.count(c.count),
                    jobs: f.count(c.jobs), documents: f.count(c.documents), share: f.percent(c.shareOfFailures),
                    firstSeen: InstantView(c.firstSeen, format: f), lastSeen: InstantView(c.lastSeen, format: f))
            })
    }
}

/// One group of similar error messages.
struct ErrorClusterView: TemplateModel {
    /// `1` for the largest.
    let rank: String
    /// The message with numbers, ids and URLs masked.
    let normalized: String
    /// One message as it was.
    let example: String
    let count: String
    let jobs: String
    let documents: String
    /// Of all failures.
    let share: String
    let firstSeen: InstantView
    let lastSeen: InstantView

    func child(named name: String) -> Any? {
        switch name {
        case "rank": rank
        case "normalized": normalized
        case "example": example
        case "count": count
        case "jobs": jobs
        case "documents": documents
        case "share": share
        case "firstSeen": firstSeen
        case "lastSeen": lastSeen
        default: nil
        }
    }
}

/// A failure-rate table: by job type, model, file source type or extraction method.
struct FailureTableView: TemplateModel {
    /// `by-job-type`, `by-model`, `by-source`, `by-method` (for element ids).
    let id: String
    let title: String
    /// The first column's heading.
    let column: String
    let hasRows: Bool
    let rows: [FailureRateView]

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "column": column
        case "hasRows": hasRows
        case "rows": rows
        default: nil
        }
    }
}

extension FailureTableView {
    /// The four tables, in a fixed order.
    static func tables(_ e: ErrorSection, format f: DisplayFormat) -> [FailureTableView] {
        let tables: [(String, String, String, [FailureRateRow])] = [
            ("by-job-type", "Job failure rate by job type", "Job type", e.byJobType),
            ("by-model", "Job failure rate by model", "Model", e.byModel),
            ("by-source", "Document failure rate by file source type", "File source type", e.byFileSourceType),
            ("by-method", "Document failure rate by extraction method", "Extraction method", e.byExtractionMethod),
        ]
        return tables.map { id, title, column, rows in
            FailureTableView(
                id: id, title: title, column: column, hasRows: !rows.isEmpty,
                rows: rows.map {
                    FailureRateView(name: $0.name ?? "(none)", total: f.count($0.total), failed: f.count($0.failed), rate: f.percent($0.rate))
                })
        }
    }
}

/// One row of a failure-rate table.
struct FailureRateView: TemplateModel {
    /// `(none)` when the value was absent.
    let name: String
    let total: String
    let failed: String
    let rate: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "total": total
        case "failed": failed
        case "rate": rate
        default: nil
        }
    }
}
