/// Failed jobs and documents of the period grouped by normalised error message.
///
/// Memory is bounded: at most `clusterLimit` groups are kept, the first in code-point
/// order of their normalised message (so shards agree whatever the reading order);
/// failures of the other groups are counted under "(other messages)". Each key is at
/// most 300 characters, each example at most `exampleBytes` bytes of UTF-8. Each
/// group keeps its `rowLimit` earliest rows (a job or document id, its owner and
/// time: about 100 bytes each) for the drill-down pages.
struct ErrorTally: Sendable {
    static let clusterLimit = 10_000
    static let exampleBytes = 1000
    static let other = "(other messages)"
    /// Rows behind a cluster kept for its page at most.
    static let rowLimit = 20

    struct Cluster: Sendable {
        var jobs: Int64 = 0
        var documents: Int64 = 0
        var first: Instant?
        var last: Instant?
        /// The earliest raw message (ties: the smallest text), so shards agree.
        var example: String = ""
        var exampleAt: Instant?
        /// The earliest rows, sorted.
        var rows: [FailureRow] = []

        /// Keeps `row` when it is among the `rowLimit` earliest.
        mutating func keep(_ row: FailureRow) {
            if rows.count >= ErrorTally.rowLimit, let last = rows.last, !(row < last) { return }
            let at = rows.firstIndex { row < $0 } ?? rows.endIndex
            rows.insert(row, at: at)
            if rows.count > ErrorTally.rowLimit { rows.removeLast() }
        }
    }

    var clusters = FewKeyDictionary<String, Cluster>(
        limit: clusterLimit, linear: 0, otherKey: other, precedes: { $0 < $1 }, fold: { ErrorTally.fold(&$0, $1) })
    /// Cluster keys of raw messages already seen (at most `memoLimit`): a message
    /// repeats on many rows, and normalising it was 40% of a report's time.
    private var memo: [String: String] = [:]
    static let memoLimit = 4096
    var failedJobs: Int64 = 0
    var failedDocuments: Int64 = 0
    var byJobType = FailureTally(other: "(other job types)")
    var byModel = FailureTally(other: "(other models)")
    var bySourceType = FailureTally(other: "(other source types)")
    var byExtraction = FailureTally(other: "(other extraction methods)")

    /// Counts a job of the period; returns its message's normalised key when it failed.
    @discardableResult
    mutating func add(_ job: JobRecord) -> String? {
        let failed = job.status == "failed"
        byJobType.add(job.jobType, failed: failed)
        byModel.add(job.modelName, failed: failed)
        guard failed else { return nil }
        return addFailure(job)
    }

    /// Counts a failed job's message and row, not its job type and model (`--push-down` counts
    /// those in the database); returns its message's normalised key.
    mutating func addFailure(_ job: JobRecord) -> String {
        failedJobs += 1
        let at = job.completedAt ?? job.createdAt
        return record(job.errorMessage, at: at, row: FailureRow(at: at, jobID: job.id, userID: job.userID))
    }

    /// Counts a document of the period; returns its message's normalised key when it failed.
    @discardableResult
    mutating func add(_ document: DocumentRecord, at instant: Instant) -> String? {
        let failed = document.status == "failed"
        bySourceType.add(document.fileSourceType, failed: failed)
        byExtraction.add(document.extractionMethod, failed: failed)
        guard failed else { return nil }
        return addFailure(document, at: instant)
    }

    /// Counts a failed document's message and row, not its source type and extraction method
    /// (`--push-down` counts those in the database); returns its message's normalised key.
    mutating func addFailure(_ document: DocumentRecord, at instant: Instant) -> String {
        failedDocuments += 1
        // The job id only where every source reads it (a report reads documents without it).
        let row = FailureRow(at: instant, jobID: nil, documentID: document.id, userID: DocumentMetrics.owner(document))
        return record(document.errorMessage, at: instant, row: row)
    }

    private mutating func record(_ message: String?, at instant: Instant, row: FailureRow) -> String {
        let raw = message.map(Self.shortened) ?? ""
        let key = normalized(raw)
        clusters.update(key, default: Cluster()) { c in
            if row.documentID == nil { c.jobs += 1 } else { c.documents += 1 }
            Self.note(&c, raw, instant)
            c.keep(row)
        }
        return key
    }

    /// `message` cut to at most `exampleBytes` bytes of UTF-8, at a scalar boundary.
    static func shortened(_ message: String) -> String {
        guard message.utf8.count > exampleBytes else { return message }
        var bytes = 0
        var scalars = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > exampleBytes { break }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `ErrorNormalizer.normalize(raw)`, remembered for the first `memoLimit` distinct messages.
    private mutating func normalized(_ raw: String) -> String {
        if let key = memo[raw] { return key }
        let key = ErrorNormalizer.normalize(raw)
        if memo.count < Self.memoLimit { memo[raw] = key }
        return key
    }

    private static func note(_ c: inout Cluster, _ raw: String, _ instant: Instant) {
        c.first = c.first.map { min($0, instant) } ?? instant
        c.last = c.last.map { max($0, instant) } ?? instant
        if c.exampleAt == nil || instant < c.exampleAt! || (instant == c.exampleAt! && raw < c.example) {
            c.example = raw
            c.exampleAt = instant
        }
    }

    /// Folds one cluster's counts, times and example into another's.
    static func fold(_ mine: inout Cluster, _ theirs: Cluster) {
        mine.jobs += theirs.jobs
        mine.documents += theirs.documents
        if let f = theirs.first { note(&mine, theirs.example, theirs.exampleAt ?? f); mine.first = min(mine.first ?? f, f) }
        if let l = theirs.last { mine.last = max(mine.last ?? l, l) }
        for row in theirs.rows { mine.keep(row) }
    }

    mutating func merge(_ o: ErrorTally) {
        clusters.merge(o.clusters, default: Cluster())
        failedJobs += o.failedJobs
        failedDocuments += o.failedDocuments
        byJobType.merge(o.byJobType)
        byModel.merge(o.byModel)
        bySourceType.merge(o.bySourceType)
        byExtraction.merge(o.byExtraction)
    }

    var section: ErrorSection {
        let total = failedJobs + failedDocuments
        let all = clusters.dictionary
        let top = all.sorted {
            let a = $0.value.jobs + $0.value.documents, b = $1.value.jobs + $1.value.documents
            return a != b ? a > b : $0.key < $1.key
        }
        return ErrorSection(
            clusters: top.map { key, c in
                ErrorCluster(
                    normalizedMessage: key, exampleMessage: c.example, count: c.jobs + c.documents, jobs: c.jobs,
                    documents: c.documents, firstSeen: c.first, lastSeen: c.last,
                    shareOfFailures: Ratio(c.jobs + c.documents, of: total), rows: c.rows)
            },
            clusterCount: Int64(all.count), totalFailures: total, failedJobs: failedJobs, failedDocuments: failedDocuments,
            byJobType: byJobType.rows, byModel: byModel.rows,
            byFileSourceType: bySourceType.rows, byExtractionMethod: byExtraction.rows)
    }
}
