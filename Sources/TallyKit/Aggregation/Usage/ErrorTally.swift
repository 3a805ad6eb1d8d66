/// Failed jobs and documents of the period grouped by normalised error message.
///
/// Memory is bounded: at most `clusterLimit` distinct clusters are kept (each key
/// at most 300 characters, each example at most 1,000); failures beyond that are
/// counted under "(other messages)".
struct ErrorTally: Sendable {
    static let clusterLimit = 20_000
    static let other = "(other messages)"

    struct Cluster: Sendable {
        var jobs: Int64 = 0
        var documents: Int64 = 0
        var first: Instant?
        var last: Instant?
        /// The earliest raw message (ties: the smallest text), so shards agree.
        var example: String = ""
        var exampleAt: Instant?
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

    mutating func add(_ job: JobRecord) {
        let failed = job.status == "failed"
        byJobType.add(job.jobType, failed: failed)
        byModel.add(job.modelName, failed: failed)
        guard failed else { return }
        failedJobs += 1
        record(job.errorMessage, at: job.completedAt ?? job.createdAt, isJob: true)
    }

    mutating func add(_ document: DocumentRecord, at instant: Instant) {
        let failed = document.status == "failed"
        bySourceType.add(document.fileSourceType, failed: failed)
        byExtraction.add(document.extractionMethod, failed: failed)
        guard failed else { return }
        failedDocuments += 1
        record(document.errorMessage, at: instant, isJob: false)
    }

    /// Counts `count` failed jobs (or documents) with one raw message counted elsewhere
    /// (a database, `--push-down`), the earliest at `first` and the latest at `last`.
    mutating func addFailures(_ message: String?, count: Int64, first: Instant, last: Instant, isJob: Bool) {
        guard count > 0 else { return }
        if isJob { failedJobs += count } else { failedDocuments += count }
        let key = record(message, at: first, isJob: isJob, count: count)
        if let latest = clusters[key]?.last, latest < last { clusters[key]?.last = last }
    }

    /// The message as clusters keep it: at most 1,000 characters, "" for none.
    private static func cut(_ message: String?) -> String {
        message.map { $0.utf8.count <= 1000 ? $0 : String($0.prefix(1000)) } ?? ""
    }

    /// Counts `count` failures with `message` at `instant`; returns the key of the cluster they went to.
    @discardableResult
    private mutating func record(_ message: String?, at instant: Instant, isJob: Bool, count: Int64 = 1) -> String {
        let raw = Self.cut(message)
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
        if isJob { clusters.values[index!].jobs += count } else { clusters.values[index!].documents += count }
        Self.note(&clusters.values[index!], raw, instant)
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
                    shareOfFailures: Ratio(c.jobs + c.documents, of: total))
            },
            clusterCount: Int64(clusters.count), totalFailures: total,
            byJobType: byJobType.rows, byModel: byModel.rows,
            byFileSourceType: bySourceType.rows, byExtractionMethod: byExtraction.rows)
    }
}
