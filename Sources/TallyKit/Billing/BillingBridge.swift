/// From the usage report's count to what a billing period bills, in documents.
///
/// The usage report counts the processed documents of jobs created in a period;
/// billing counts those of jobs completed in it. The bridge: processed (jobs created
/// in the period) - not finished in it - finished without completed_at - anonymous
/// + finished in it but created outside it = billed.
package struct BillingBridge: Sendable, Equatable {
    /// Jobs created in the period and their processed documents.
    package var created: Int64
    package var createdJobs: Int64
    /// Of those, still in flight at the period's end or finished after it.
    package var notFinished: Int64
    package var notFinishedJobs: Int64
    /// Of those, in a terminal status without completed_at (never billed).
    package var unbillable: Int64
    package var unbillableJobs: Int64
    /// Anonymous jobs finished in the period (never billed).
    package var anonymous: Int64
    package var anonymousJobs: Int64
    /// Jobs finished in the period but created outside it.
    package var createdOutside: Int64
    package var createdOutsideJobs: Int64
    /// Documents on the period's invoices, priced from the history as it is now.
    package var billed: Int64

    /// What the bridge arrives at: created - not finished - unbillable - anonymous + created outside.
    package var bridged: Int64 {
        saturatingAdd(saturatingSubtract(saturatingSubtract(saturatingSubtract(created, notFinished), unbillable), anonymous), createdOutside)
    }

    /// True when the bridge arrives at the billed documents.
    package var isConsistent: Bool { bridged == billed }

    /// All zero.
    package static let none = BillingBridge(
        created: 0, createdJobs: 0, notFinished: 0, notFinishedJobs: 0, unbillable: 0, unbillableJobs: 0, anonymous: 0,
        anonymousJobs: 0, createdOutside: 0, createdOutsideJobs: 0, billed: 0)
}

/// The bridge of a window of the billing usage tally; `billed` is filled in when the invoices are priced.
extension BillingBridge {
    /// The window's counts.
    package init(_ w: BillingUsageTally.Window) {
        self.init(
            created: w.created.documents, createdJobs: w.created.jobs, notFinished: w.notFinished.documents,
            notFinishedJobs: w.notFinished.jobs, unbillable: w.unbillable.documents, unbillableJobs: w.unbillable.jobs,
            anonymous: w.anonymous.documents, anonymousJobs: w.anonymous.jobs, createdOutside: w.createdOutside.documents,
            createdOutsideJobs: w.createdOutside.jobs, billed: 0)
    }
}

extension UnbilledUsage {
    /// The unbilled usage of a window: anonymous usage, and its not-finished and unbillable jobs.
    package init(_ w: BillingUsageTally.Window) {
        func jobs(_ list: [BillingUsageTally.UnbilledJob]) -> [UnbilledJob] {
            list.map { UnbilledJob(jobID: $0.id, userID: $0.userID, status: $0.status, documents: $0.processed) }
                .sorted { $0.jobID < $1.jobID }
        }
        self.init(
            anonymousDocuments: w.anonymous.documents, anonymousJobs: w.anonymous.jobs, inFlight: jobs(w.inFlightJobs),
            unbillable: jobs(w.unbillableJobs), inFlightTotals: (w.notFinished.jobs, w.notFinished.documents),
            unbillableTotals: (w.unbillable.jobs, w.unbillable.documents))
    }
}

extension BillingUsage {
    /// The tally's counters as billing usage.
    package init(_ u: BillingUsageTally.Usage) {
        self.init(
            documents: u.documents, failedDocuments: u.failedDocuments, jobs: u.jobs, tokens: u.tokens,
            processingMicroseconds: u.processingMicros, bytes: u.bytes)
    }
}
