/// Skipped rows, merged duplicates and the consistency checks.
struct DataQualityView: TemplateModel {
    let skippedTotal: String
    /// `1 row`, `12 rows`.
    let skippedTotalText: String
    let duplicatesMerged: String
    /// `1 duplicate`, `3 duplicates`.
    let duplicatesMergedText: String
    let hasSkipped: Bool
    let skipped: [SkippedRowsView]
    let checks: [CheckView]

    func child(named name: String) -> Any? {
        switch name {
        case "skippedTotal": skippedTotal
        case "skippedTotalText": skippedTotalText
        case "duplicatesMerged": duplicatesMerged
        case "duplicatesMergedText": duplicatesMergedText
        case "hasSkipped": hasSkipped
        case "skipped": skipped
        case "checks": checks
        default: nil
        }
    }
}

extension DataQualityView {
    /// The view of the data quality section.
    init(_ q: DataQuality, format f: DisplayFormat) {
        let skipped = q.skipped.reduce(0) { $0 + $1.count }
        self.init(
            skippedTotal: f.count(skipped), skippedTotalText: f.count(skipped, "row"),
            duplicatesMerged: f.count(q.duplicatesMerged), duplicatesMergedText: f.count(q.duplicatesMerged, "duplicate"),
            hasSkipped: !q.skipped.isEmpty,
            skipped: q.skipped.map {
                SkippedRowsView(source: $0.source, reason: $0.reason, count: f.count($0.count), examples: $0.examples.map(ExampleText.init))
            },
            checks: q.checks.map { _, label, check in
                CheckView(
                    label: label, count: check.map { f.count($0.count) } ?? "not checked", ok: (check?.count ?? 0) == 0,
                    examples: (check?.exampleJobIDs ?? []).map(ExampleJobID.init))
            })
    }
}

/// Rows of one source skipped for one reason.
struct SkippedRowsView: TemplateModel {
    let source: String
    let reason: String
    let count: String
    let examples: [ExampleText]

    func child(named name: String) -> Any? {
        switch name {
        case "source": source
        case "reason": reason
        case "count": count
        case "examples": examples
        default: nil
        }
    }
}

/// An example of a skipped row.
struct ExampleText: TemplateModel {
    let text: String

    func child(named name: String) -> Any? {
        name == "text" ? text : nil
    }
}

/// One consistency check over the jobs.
struct CheckView: TemplateModel {
    let label: String
    /// Jobs that fail the check, or `not checked`.
    let count: String
    let ok: Bool
    let examples: [ExampleJobID]

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "ok": ok
        case "examples": examples
        default: nil
        }
    }
}

/// The id of a job that fails a check.
struct ExampleJobID: TemplateModel {
    let id: String

    func child(named name: String) -> Any? {
        name == "id" ? id : nil
    }
}
