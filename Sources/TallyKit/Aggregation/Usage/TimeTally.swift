/// Jobs and their documents over time, and the resources the documents used.
///
/// Every series counts what the headline counts: the jobs created in the period,
/// by their created_at, with their counters. So each series adds up to the figure
/// it is shown next to: processed and failed per bucket to Processed and Failed,
/// documents per day and per hour of day to Documents (`total_documents`), jobs per
/// bucket to Jobs. Document rows (when the history has them) give the resources
/// only: processing time, tokens and bytes.
struct TimeTally: Sendable {
    var jobsCreated: [Int64]
    var processed: [Int64]
    var failed: [Int64]
    /// `total_documents` per entry of `ReportScope.dayStarts`.
    var documentsPerDay: [Int64]
    var documentsByHour = [Int64](repeating: 0, count: 24)
    var jobWallMicros: Int64 = 0
    var docProcessingMicros: Int64 = 0
    var tokens: Int64 = 0
    var bytes: Int64 = 0

    init(buckets: Int, days: Int) {
        jobsCreated = Array(repeating: 0, count: buckets)
        processed = jobsCreated
        failed = jobsCreated
        documentsPerDay = Array(repeating: 0, count: days)
    }

    /// A job created in the period.
    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let b = scope.bucketIndex(job.createdAt)
        jobsCreated[b] += 1
        processed[b] = saturatingAdd(processed[b], job.processedCount)
        failed[b] = saturatingAdd(failed[b], job.failedCount)
        let d = scope.dayIndex(job.createdAt)
        documentsPerDay[d] = saturatingAdd(documentsPerDay[d], job.totalDocuments)
        let h = scope.clock.localHour(job.createdAt)
        documentsByHour[h] = saturatingAdd(documentsByHour[h], job.totalDocuments)
        if let started = job.startedAt, let completed = job.completedAt, completed >= started {
            jobWallMicros = saturatingAdd(jobWallMicros, completed.microseconds - started.microseconds)
        }
    }

    /// A document whose time (processed_at, else its job's created_at) is in the period.
    mutating func add(_ document: DocumentRecord) {
        docProcessingMicros = saturatingAdd(docProcessingMicros, DocumentMetrics.processingMicros(document))
        tokens = saturatingAdd(tokens, max(0, document.tokensUsed ?? 0))
        bytes = saturatingAdd(bytes, max(0, document.fileSize ?? 0))
    }

    mutating func merge(_ o: TimeTally) {
        func add(_ a: inout [Int64], _ b: [Int64]) { for i in a.indices { a[i] = saturatingAdd(a[i], b[i]) } }
        add(&jobsCreated, o.jobsCreated)
        add(&processed, o.processed)
        add(&failed, o.failed)
        add(&documentsPerDay, o.documentsPerDay)
        add(&documentsByHour, o.documentsByHour)
        jobWallMicros = saturatingAdd(jobWallMicros, o.jobWallMicros)
        docProcessingMicros = saturatingAdd(docProcessingMicros, o.docProcessingMicros)
        tokens = saturatingAdd(tokens, o.tokens)
        bytes = saturatingAdd(bytes, o.bytes)
    }

    /// The time series.
    func series(scope: ReportScope) -> TimeSeries {
        let buckets = scope.bucketStarts.indices.map { i in
            TimeBucket(
                start: scope.bucketStarts[i], label: scope.buckets.label(i, clock: scope.clock), jobsCreated: jobsCreated[i],
                documentsProcessed: processed[i], documentsFailed: failed[i])
        }
        return TimeSeries(granularity: scope.granularity, buckets: buckets)
    }

    /// The throughput section.
    func throughput(scope: ReportScope) -> Throughput {
        let perDay = scope.dayStarts.enumerated().map { i, start in
            DayCount(date: scope.clock.localDate(start), count: documentsPerDay[i])
        }
        return Throughput(
            documentsPerDay: perDay, documentsByHourOfDay: documentsByHour, jobWallTimeMicros: jobWallMicros,
            documentProcessingMicros: docProcessingMicros, tokens: tokens, bytes: bytes)
    }
}
