/// The object `GET /api/history/stats` returns, as values.
///
/// Keys and their order are the endpoint's (`upstream.md`, "What the endpoint computes").
package struct EndpointStats: Sendable, Equatable {
    package var totalJobs: Int64 = 0
    package var totalDocuments: Int64 = 0
    package var documentsProcessed: Int64 = 0
    package var documentsFailed: Int64 = 0
    /// Status counts in the order each status is first met walking the jobs newest first.
    package var jobsByStatus: [(status: String, count: Int64)] = []
    /// The five newest jobs, newest first.
    package var recentActivity: [JobSummary] = []

    /// The zero object: no jobs.
    package init() {}

    /// Stats over an explicit list of jobs given newest first (the capped endpoint form).
    package init(newestFirst jobs: [JobSummary]) {
        var order: [String] = []
        var counts: [String: Int64] = [:]
        for job in jobs {
            totalJobs += 1
            totalDocuments = saturatingAdd(totalDocuments, job.totalDocuments)
            documentsProcessed = saturatingAdd(documentsProcessed, job.processedCount)
            documentsFailed = saturatingAdd(documentsFailed, job.failedCount)
            if counts[job.status] == nil { order.append(job.status) }
            counts[job.status, default: 0] += 1
        }
        jobsByStatus = order.map { ($0, counts[$0]!) }
        recentActivity = Array(jobs.prefix(5))
    }

    package static func == (lhs: EndpointStats, rhs: EndpointStats) -> Bool {
        lhs.totalJobs == rhs.totalJobs && lhs.totalDocuments == rhs.totalDocuments
            && lhs.documentsProcessed == rhs.documentsProcessed && lhs.documentsFailed == rhs.documentsFailed
            && lhs.jobsByStatus.elementsEqual(rhs.jobsByStatus, by: { $0 == $1 })
            && lhs.recentActivity == rhs.recentActivity
    }
}
