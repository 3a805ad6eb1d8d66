/// One customer's detail for their page (`customers/<id>.html`): their series over
/// the report's buckets and their largest job types, models and error groups.
///
/// Kept for at most `CustomerDetail.limit` customers of a period (those with the
/// smallest ids, the anonymous customer first): memory stays bounded whatever the
/// number of customers, and every other customer's page shows their totals only.
package struct CustomerDetail: Sendable, Equatable {
    /// Customers with a detail at most.
    package static let limit = 2000
    /// Job types, models and error groups listed per customer at most (the rest in one "other" row).
    package static let listLimit = 8

    package var userID: String?
    /// Per bucket of `UsageReport.timeSeries`: jobs created, documents processed and failed.
    package var series: [TimeBucket] = []
    package var jobTypes: [NamedCount] = []
    package var models: [NamedCount] = []
    /// Failed jobs and documents per normalised message.
    package var errors: [NamedCount] = []
}

/// One row behind an error group: a failed job, or a failed document and its job.
package struct FailureRow: Sendable, Equatable, Comparable {
    package var at: Instant
    /// A document's job may be unknown.
    package var jobID: String?
    /// Absent for a failed job.
    package var documentID: String?
    package var userID: String?

    /// Earliest first, then by job and document id: the rows every shard keeps agree.
    package static func < (a: FailureRow, b: FailureRow) -> Bool {
        if a.at != b.at { return a.at < b.at }
        if a.jobID != b.jobID { return (a.jobID ?? "") < (b.jobID ?? "") }
        return (a.documentID ?? "") < (b.documentID ?? "")
    }
}
