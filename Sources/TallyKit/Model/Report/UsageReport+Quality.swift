/// Rows of one source skipped for one reason.
package struct SkipGroup: Sendable, Equatable {
    /// Source file name as given.
    package var source: String
    /// `SkipReason.rawValue` or another short reason.
    package var reason: String
    package var count: Int64
    /// A few `SkippedRecord.description`s.
    package var examples: [String] = []
}

/// One consistency check: how many jobs failed it and a few of their ids.
package struct QualityCheck: Sendable, Equatable {
    package var count: Int64 = 0
    package var exampleJobIDs: [String] = []
}

/// What was wrong or odd in the data read.
package struct DataQuality: Sendable, Equatable {
    /// Skipped rows grouped by source and reason.
    package var skipped: [SkipGroup] = []
    /// Records seen more than once (same id) and merged.
    package var duplicatesMerged: Int64 = 0
    /// processed_count + failed_count > total_documents.
    package var countersExceedTotal: QualityCheck = QualityCheck()
    /// A job's counters disagree with its documents' statuses; `nil` when not checked
    /// (it needs every document of a job at once, which a streaming scan does not have).
    package var countersDisagreeWithDocuments: QualityCheck?
    /// completed_at before started_at.
    package var completedBeforeStarted: QualityCheck = QualityCheck()
    /// Terminal status (completed, failed, cancelled) without completed_at.
    package var terminalWithoutCompletedAt: QualityCheck = QualityCheck()
    /// A negative total_documents, processed_count or failed_count.
    package var negativeCounters: QualityCheck = QualityCheck()
    /// A job id or user id that is not a canonical UUID.
    package var idsNotUUID: QualityCheck = QualityCheck()
    /// Jobs with implausibly many documents: at least `implausibleThreshold`, far above
    /// the history's 99th percentile (`JobSizes`); the largest first.
    package var implausibleCounters: QualityCheck = QualityCheck()
    /// The smallest implausible job size (`total_documents`, or processed + failed).
    package var implausibleThreshold: Int64 = 100_000
    /// Groups past a cap (job types, statuses, models, error messages...), each with the
    /// name its rest is counted under, in display order.
    package var cappedGroups: [CappedGroup] = []
    /// Figures that reached the 64-bit limit and stopped there (`tokens`, `bytes`...).
    package var saturatedFigures: [String] = []

    /// The checks with a stable key and an English description, in display order;
    /// a `nil` check was not made.
    package var checks: [(key: String, label: String, check: QualityCheck?)] {
        [
            ("counters_exceed_total", "processed + failed > total", countersExceedTotal),
            ("counters_disagree_with_documents", "job counters disagree with its documents", countersDisagreeWithDocuments),
            ("completed_before_started", "completed before started", completedBeforeStarted),
            ("terminal_without_completed_at", "terminal status without completed_at", terminalWithoutCompletedAt),
            ("negative_counters", "a negative document counter", negativeCounters),
            ("ids_not_uuid", "job or user id that is not a UUID", idsNotUUID),
            ("implausible_counters", "job with implausibly many documents", implausibleCounters),
        ]
    }
}

/// One source read by the run.
package struct SourceRead: Sendable, Equatable {
    /// File name as given (`-` for stdin).
    package var name: String
    /// `sqlite`, `json`, `ndjson`, `ndjson.gz`...
    package var format: String
    /// Rows read (all kinds).
    package var rows: Int64
}

/// A placeholder summary of the invoices of the period; billing fills it.
package struct BillingSummaryView: Sendable, Equatable {
    /// An amount in one currency, already an exact decimal string (e.g. `1234.50`).
    package struct CurrencyTotal: Sendable, Equatable {
        package var currency: String
        package var amount: String
    }

    package var invoices: Int64
    package var totals: [CurrencyTotal]
    /// Relative link to the billing report.
    package var link: String = "billing.html"
}

/// A group of names past its cap: which, how many names are kept, and what the rest is called.
package struct CappedGroup: Sendable, Equatable {
    /// `job types`, `statuses`, `models`, `error messages`...
    package var what: String
    /// How many names are kept (the first in code-point order).
    package var kept: Int
    /// The name the rest is counted under, e.g. `(other job types)`.
    package var otherName: String
}
