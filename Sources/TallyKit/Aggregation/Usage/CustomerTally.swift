/// One customer's usage in the period, in 64 bytes (one is kept for every customer).
struct CustomerTally: Sendable {
    var jobs: Int64 = 0
    var documents: Int64 = 0
    var processed: Int64 = 0
    var failed: Int64 = 0
    var processingMicros: Int64 = 0
    var tokens: Int64 = 0
    /// First and last activity as microseconds, `Int64.max` / `Int64.min` while there is
    /// none: an `Instant?` takes 16 bytes, these 8.
    private var firstMicros = Int64.max
    private var lastMicros = Int64.min

    /// The first activity, if any.
    var first: Instant? { firstMicros == .max ? nil : Instant(microseconds: firstMicros) }
    /// The last activity, if any.
    var last: Instant? { lastMicros == .min ? nil : Instant(microseconds: lastMicros) }

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
        firstMicros = min(firstMicros, instant.microseconds)
        lastMicros = max(lastMicros, instant.microseconds)
    }

    mutating func merge(_ other: CustomerTally) {
        jobs += other.jobs
        documents = saturatingAdd(documents, other.documents)
        processed = saturatingAdd(processed, other.processed)
        failed = saturatingAdd(failed, other.failed)
        processingMicros = saturatingAdd(processingMicros, other.processingMicros)
        tokens = saturatingAdd(tokens, other.tokens)
        firstMicros = min(firstMicros, other.firstMicros)
        lastMicros = max(lastMicros, other.lastMicros)
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
