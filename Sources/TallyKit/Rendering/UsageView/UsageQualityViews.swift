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
    /// Groups past their cap and figures at the 64-bit limit, one sentence each.
    let notes: [ExampleText]

    func child(named name: String) -> Any? {
        switch name {
        case "skippedTotal": skippedTotal
        case "skippedTotalText": skippedTotalText
        case "duplicatesMerged": duplicatesMerged
        case "duplicatesMergedText": duplicatesMergedText
        case "hasSkipped": hasSkipped
        case "skipped": skipped
        case "checks": checks
        case "notes": notes
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
            checks: q.checks.map { key, label, check in
                CheckView(
                    label: key == "implausible_counters" ? "\(label) (\(f.count(q.implausibleThreshold)) or more)" : label,
                    count: check.map { f.count($0.count) } ?? "not checked", ok: (check?.count ?? 0) == 0,
                    examples: (check?.exampleJobIDs ?? []).map(ExampleJobID.init))
            },
            notes: Self.notes(q).map(ExampleText.init))
    }

    /// One sentence per capped group and one for the figures at the 64-bit limit.
    static func notes(_ q: DataQuality) -> [String] {
        var notes = q.cappedGroups.map {
            "More than \($0.kept) \($0.what): the first \($0.kept) in code-point order are shown, the rest counted as \($0.otherName)."
        }
        if !q.saturatedFigures.isEmpty {
            notes.append("At the 64-bit limit (9,223,372,036,854,775,807), so not exact: \(q.saturatedFigures.joined(separator: ", ")).")
        }
        return notes
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
