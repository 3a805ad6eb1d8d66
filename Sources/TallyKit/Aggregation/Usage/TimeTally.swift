/// Counts per time bucket, per day and per hour of day, from documents and from job counters.
///
/// Both are kept because a history may hold no document rows (a jobs-only
/// export); the report then falls back to the jobs' counters.
struct TimeTally: Sendable {
    var jobsCreated: [Int64]
    var docProcessed: [Int64]
    var docFailed: [Int64]
    var jobProcessed: [Int64]
    var jobFailed: [Int64]
    var docsPerDay: [Int64]
    var jobDocsPerDay: [Int64]
    var docsByHour = [Int64](repeating: 0, count: 24)
    var jobDocsByHour = [Int64](repeating: 0, count: 24)
    var jobWallMicros: Int64 = 0
    var docProcessingMicros: Int64 = 0
    var tokens: Int64 = 0
    var bytes: Int64 = 0
    var documentsSeen: Int64 = 0

    init(buckets: Int, days: Int) {
        jobsCreated = Array(repeating: 0, count: buckets)
        docProcessed = jobsCreated
        docFailed = jobsCreated
        jobProcessed = jobsCreated
        jobFailed = jobsCreated
        docsPerDay = Array(repeating: 0, count: days)
        jobDocsPerDay = docsPerDay
    }

    /// A job created in the period.
    mutating func add(_ job: JobRecord, scope: ReportScope) {
        let b = scope.bucketIndex(job.createdAt)
        jobsCreated[b] += 1
        jobProcessed[b] = saturatingAdd(jobProcessed[b], job.processedCount)
        jobFailed[b] = saturatingAdd(jobFailed[b], job.failedCount)
        let d = scope.dayIndex(job.createdAt)
        let docs = saturatingAdd(job.processedCount, job.failedCount)
        jobDocsPerDay[d] = saturatingAdd(jobDocsPerDay[d], docs)
        let h = scope.clock.localHour(job.createdAt)
        jobDocsByHour[h] = saturatingAdd(jobDocsByHour[h], docs)
        if let started = job.startedAt, let completed = job.completedAt, completed >= started {
            jobWallMicros = saturatingAdd(jobWallMicros, completed.microseconds - started.microseconds)
        }
    }

    /// A document whose time (processed_at, else its job's created_at) is in the period.
    mutating func add(_ document: DocumentRecord, at instant: Instant, scope: ReportScope) {
        documentsSeen += 1
        let b = scope.bucketIndex(instant)
        if document.status == "success" { docProcessed[b] += 1 }
        if document.status == "failed" { docFailed[b] += 1 }
        docsPerDay[scope.dayIndex(instant)] += 1
        docsByHour[scope.clock.localHour(instant)] += 1
        docProcessingMicros = saturatingAdd(docProcessingMicros, DocumentMetrics.processingMicros(document))
        tokens = saturatingAdd(tokens, max(0, document.tokensUsed ?? 0))
        bytes = saturatingAdd(bytes, max(0, document.fileSize ?? 0))
    }

    mutating func merge(_ o: TimeTally) {
        func add(_ a: inout [Int64], _ b: [Int64]) { for i in a.indices { a[i] = saturatingAdd(a[i], b[i]) } }
        add(&jobsCreated, o.jobsCreated)
        add(&docProcessed, o.docProcessed)
        add(&docFailed, o.docFailed)
        add(&jobProcessed, o.jobProcessed)
        add(&jobFailed, o.jobFailed)
        add(&docsPerDay, o.docsPerDay)
        add(&jobDocsPerDay, o.jobDocsPerDay)
        add(&docsByHour, o.docsByHour)
        add(&jobDocsByHour, o.jobDocsByHour)
        jobWallMicros = saturatingAdd(jobWallMicros, o.jobWallMicros)
        docProcessingMicros = saturatingAdd(docProcessingMicros, o.docProcessingMicros)
        tokens = saturatingAdd(tokens, o.tokens)
        bytes = saturatingAdd(bytes, o.bytes)
        documentsSeen += o.documentsSeen
    }

    /// The time series, from documents when any were read, else from job counters.
    func series(scope: ReportScope) -> TimeSeries {
        let fromDocuments = documentsSeen > 0
        let buckets = scope.bucketStarts.enumerated().map { i, start in
            let local = scope.clock.localDate(start)
            let label = scope.granularity == .day
                ? local.description
                : "\(local) \(scope.clock.localHour(start) < 10 ? "0" : "")\(scope.clock.localHour(start)):00"
            return TimeBucket(
                start: start, label: label, jobsCreated: jobsCreated[i],
                documentsProcessed: fromDocuments ? docProcessed[i] : jobProcessed[i],
                documentsFailed: fromDocuments ? docFailed[i] : jobFailed[i])
        }
        return TimeSeries(granularity: scope.granularity, buckets: buckets)
    }

    /// The throughput section.
    func throughput(scope: ReportScope) -> Throughput {
        let fromDocuments = documentsSeen > 0
        let perDay = scope.dayStarts.enumerated().map { i, start in
            DayCount(date: scope.clock.localDate(start), count: fromDocuments ? docsPerDay[i] : jobDocsPerDay[i])
        }
        return Throughput(
            documentsPerDay: perDay, documentsByHourOfDay: fromDocuments ? docsByHour : jobDocsByHour,
            jobWallTimeMicros: jobWallMicros, documentProcessingMicros: docProcessingMicros, tokens: tokens, bytes: bytes)
    }
}
