/// Failed jobs and documents of the period grouped by normalised error message.
///
/// Memory is bounded: at most `clusterLimit` distinct clusters are kept (each key
/// at most 300 characters, each example at most 1,000); failures beyond that are
/// counted under "(other messages)". Each cluster keeps its `rowLimit` earliest
/// rows (a job or document id, its owner and time: about 100 bytes each) for the
/// drill-down pages.
struct ErrorTally: Sendable {
    static let clusterLimit = 20_000
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

    var clusters: [String: Cluster] = [:]
    /// Cluster keys of raw messages already seen (at most `memoLimit`): a message
    /// repeats on many rows, and normalising it was 40% of a report's time.
    private var memo: [String: String] = [:]
    static let memoLimit = 4096
    var failedJobs: Int64 = 0
    var failedDocuments: Int64 = 0
    var byJobType = FailureTally()
    var byModel = FailureTally()
    var bySourceType = FailureTally()
    var byExtraction = FailureTally()

    /// Counts a job of the period; returns its cluster's key when it failed.
    @discardableResult
    mutating func add(_ job: JobRecord) -> String? {
        let failed = job.status == "failed"
        byJobType.add(job.jobType, failed: failed)
        byModel.add(job.modelName, failed: failed)
        guard failed else { return nil }
        failedJobs += 1
        let at = job.completedAt ?? job.createdAt
        return record(job.errorMessage, at: at, row: FailureRow(at: at, jobID: job.id, userID: job.userID))
    }

    /// Counts a document of the period; returns its cluster's key when it failed.
    @discardableResult
    mutating func add(_ document: DocumentRecord, at instant: Instant) -> String? {
        let failed = document.status == "failed"
        bySourceType.add(document.fileSourceType, failed: failed)
        byExtraction.add(document.extractionMethod, failed: failed)
        guard failed else { return nil }
        failedDocuments += 1
        // The job id only where every source reads it (a report reads documents without it).
        let row = FailureRow(at: instant, jobID: nil, documentID: document.id, userID: DocumentMetrics.owner(document))
        return record(document.errorMessage, at: instant, row: row)
    }

    private mutating func record(_ message: String?, at instant: Instant, row: FailureRow) -> String {
        let isJob = row.documentID == nil
        let raw = message.map { $0.utf8.count <= 1000 ? $0 : String($0.prefix(1000)) } ?? ""
        var key = normalized(raw)
        var index = clusters.index(forKey: key)
        if index == nil {
            if clusters.count >= Self.clusterLimit { key = Self.other }
            index = clusters.index(forKey: key)
            if index == nil {
                clusters[key] = Cluster()
                index = clusters.index(forKey: key)
            }
        }
        // In place through the index: one hash for a cluster seen before.
        if isJob { clusters.values[index!].jobs += 1 } else { clusters.values[index!].documents += 1 }
        Self.note(&clusters.values[index!], raw, instant)
        clusters.values[index!].keep(row)
        return key
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

    mutating func merge(_ o: ErrorTally) {
        for (key, theirs) in o.clusters {
            var mine = clusters[key] ?? Cluster()
            mine.jobs += theirs.jobs
            mine.documents += theirs.documents
            if let f = theirs.first { Self.note(&mine, theirs.example, theirs.exampleAt ?? f); mine.first = min(mine.first ?? f, f) }
            if let l = theirs.last { mine.last = max(mine.last ?? l, l) }
            for row in theirs.rows { mine.keep(row) }
            clusters[key] = mine
        }
        failedJobs += o.failedJobs
        failedDocuments += o.failedDocuments
        byJobType.merge(o.byJobType)
        byModel.merge(o.byModel)
        bySourceType.merge(o.bySourceType)
        byExtraction.merge(o.byExtraction)
    }

    var section: ErrorSection {
        let total = failedJobs + failedDocuments
        let top = clusters.sorted {
            let a = $0.value.jobs + $0.value.documents, b = $1.value.jobs + $1.value.documents
            return a != b ? a > b : $0.key < $1.key
        }.prefix(20)
        return ErrorSection(
            clusters: top.map { key, c in
                ErrorCluster(
                    normalizedMessage: key, exampleMessage: c.example, count: c.jobs + c.documents, jobs: c.jobs,
                    documents: c.documents, firstSeen: c.first, lastSeen: c.last,
                    shareOfFailures: Ratio(c.jobs + c.documents, of: total), rows: c.rows)
            },
            clusterCount: Int64(clusters.count), totalFailures: total,
            byJobType: byJobType.rows, byModel: byModel.rows,
            byFileSourceType: bySourceType.rows, byExtractionMethod: byExtraction.rows)
    }
}
