/// One customer's billable usage in a period, as the aggregation stage counts it; every counter starts at zero.
package struct BillingUsage: Sendable, Equatable {
    /// Processed documents of jobs that reached completed, failed or cancelled.
    package var documents: Int64 = 0
    /// Failed documents of those jobs.
    package var failedDocuments: Int64 = 0
    /// Jobs (one API call each).
    package var jobs: Int64 = 0
    /// Tokens used by the documents.
    package var tokens: Int64 = 0
    /// Summed job wall time (completed_at - started_at) in microseconds.
    package var processingMicroseconds: Int64 = 0
    /// Summed document file sizes in bytes.
    package var bytes: Int64 = 0

    /// The exact quantity a metric prices: seconds = micros / 1e6, megabytes = bytes / 1e6.
    package func quantity(of metric: Metric) -> ExactDecimal {
        switch metric {
        case .documents: return ExactDecimal(documents)
        case .failedDocuments: return ExactDecimal(failedDocuments)
        case .jobs: return ExactDecimal(jobs)
        case .tokens: return ExactDecimal(tokens)
        case .processingSeconds: return .fraction(processingMicroseconds, tenToThe: 6)
        case .megabytes: return .fraction(bytes, tenToThe: 6)
        }
    }

    /// The counters in a fixed order with their names (for checks and messages).
    var counters: [(String, Int64)] {
        [
            ("documents", documents), ("failed_documents", failedDocuments), ("jobs", jobs), ("tokens", tokens),
            ("processing_microseconds", processingMicroseconds), ("bytes", bytes),
        ]
    }

    /// Both usages added counter by counter.
    package static func + (lhs: BillingUsage, rhs: BillingUsage) -> BillingUsage {
        BillingUsage(
            documents: lhs.documents + rhs.documents, failedDocuments: lhs.failedDocuments + rhs.failedDocuments,
            jobs: lhs.jobs + rhs.jobs, tokens: lhs.tokens + rhs.tokens,
            processingMicroseconds: lhs.processingMicroseconds + rhs.processingMicroseconds,
            bytes: lhs.bytes + rhs.bytes)
    }
}

/// Who is billed: a user's id, and email and name when known.
package struct BillingCustomer: Sendable, Hashable {
    /// The user id (never empty: anonymous usage is not billed).
    package var id: String
    /// The user's email.
    package var email: String?
    /// The user's display name.
    package var name: String?
}

/// A customer's usage for the period.
package struct CustomerUsage: Sendable, Equatable {
    /// The customer.
    package var customer: BillingCustomer
    /// What they used.
    package var usage: BillingUsage
}

/// A job whose documents were processed in the period but are not on any invoice.
package struct UnbilledJob: Sendable, Equatable {
    /// The job's id.
    package var jobID: String
    /// Its owner, if any.
    package var userID: String?
    /// Its status (`processing`, `completed` without completed_at, ...).
    package var status: String
    /// Its processed documents counted in the period's processed total.
    package var documents: Int64
}

/// Usage the pipeline saw but does not bill, and the processed total to reconcile against.
package struct UnbilledUsage: Sendable, Equatable {
    /// Documents of jobs without an owner.
    package var anonymousDocuments: Int64
    /// Anonymous jobs (for the report).
    package var anonymousJobs: Int64
    /// Jobs still pending or processing at the period's end (billed when they finish).
    package var inFlight: [UnbilledJob]
    /// Terminal jobs with no completed_at.
    package var unbillable: [UnbilledJob]

    /// Jobs in flight in all (the list may be capped), and their processed documents.
    package var inFlightCount: Int64
    package var inFlightDocuments: Int64
    /// Unbillable jobs in all (the list may be capped), and their processed documents.
    package var unbillableCount: Int64
    package var unbillableDocuments: Int64

    /// Makes the unbilled breakdown; everything defaults to none.
    ///
    /// The lists may be capped for display; the totals default to the lists' own
    /// counts and sums when not given.
    package init(
        anonymousDocuments: Int64 = 0, anonymousJobs: Int64 = 0, inFlight: [UnbilledJob] = [],
        unbillable: [UnbilledJob] = [], inFlightTotals: (count: Int64, documents: Int64)? = nil,
        unbillableTotals: (count: Int64, documents: Int64)? = nil
    ) {
        self.anonymousDocuments = anonymousDocuments
        self.anonymousJobs = anonymousJobs
        self.inFlight = inFlight
        self.unbillable = unbillable
        inFlightCount = inFlightTotals?.count ?? Int64(inFlight.count)
        inFlightDocuments = inFlightTotals?.documents ?? inFlight.reduce(0) { $0 + $1.documents }
        unbillableCount = unbillableTotals?.count ?? Int64(unbillable.count)
        unbillableDocuments = unbillableTotals?.documents ?? unbillable.reduce(0) { $0 + $1.documents }
    }
}
