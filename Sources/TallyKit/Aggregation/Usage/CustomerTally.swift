/// One customer's usage in the period.
struct CustomerTally: Sendable {
    var jobs: Int64 = 0
    var documents: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var processingMicros: Int64 = 0
    var tokens: Int64 = 0
    var first: Instant?
    var last: Instant?

    mutating func add(_ job: JobRecord) {
        jobs += 1
        documents = saturatingAdd(documents, job.totalDocuments)
        processed = saturatingAdd(processed, job.processedCount)
        failed = saturatingAdd(failed, job.failedCount)
        see(job.createdAt)
        if let completed = job.completedAt { see(completed) }
    }

    mutating func add(_ document: DocumentRecord, at instant: Instant) {
        processingMicros = saturatingAdd(processingMicros, DocumentMetrics.processingMicros(document))
        tokens = saturatingAdd(tokens, max(0, document.tokensUsed ?? 0))
        see(instant)
    }

    mutating func see(_ instant: Instant) {
        first = first.map { min($0, instant) } ?? instant
        last = last.map { max($0, instant) } ?? instant
    }

    mutating func merge(_ other: CustomerTally) {
        jobs += other.jobs
        documents = saturatingAdd(documents, other.documents)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        processingMicros = saturatingAdd(processingMicros, other.processingMicros)
        tokens = saturatingAdd(tokens, other.tokens)
        if let f = other.first { see(f) }
        if let l = other.last { see(l) }
    }
}

/// Document metrics as integers.
enum DocumentMetrics {
    /// `processing_time` in microseconds (negative or absent: 0).
    static func processingMicros(_ document: DocumentRecord) -> Int64 {
        guard let seconds = document.processingTime, seconds.isFinite, seconds > 0, seconds < 1e12 else { return 0 }
        return Int64((seconds * 1_000_000).rounded())
    }

    /// The owner of a document: its own user_id, else its job's.
    static func owner(_ document: DocumentRecord) -> String? {
        document.userID ?? document.job?.userID
    }
}
