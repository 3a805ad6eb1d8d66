/// Failed jobs and documents of the period grouped by normalised error message.
///
/// Memory is bounded: at most `clusterLimit` groups are kept, the first in code-point
/// order of their normalised message (so shards agree whatever the reading order);
/// failures of the other groups are counted under "(other messages)". Each key is at
/// most 300 characters, each example at most `exampleBytes` bytes of UTF-8.
struct ErrorTally: Sendable {
    static let clusterLimit = 10_000
    static let exampleBytes = 1000
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
    /// (a database, `--push-down`), the earliest at `first` and the latest at `last`:
    /// one cluster of them folded in as a merge folds a shard's.
    mutating func addFailures(_ message: String?, count: Int64, first: Instant, last: Instant, isJob: Bool) {
        guard count > 0 else { return }
        let raw = message.map(Self.shortened) ?? ""
        var group = Cluster()
        if isJob { group.jobs = count } else { group.documents = count }
        Self.note(&group, raw, first)
        group.last = max(first, last)
        if isJob { failedJobs += count } else { failedDocuments += count }
        clusters.update(normalized(raw), default: Cluster()) { Self.fold(&$0, group) }
    }

    private mutating func record(_ message: String?, at instant: Instant, isJob: Bool) {
        let raw = message.map(Self.shortened) ?? ""
        clusters.update(normalized(raw), default: Cluster()) { c in
            if isJob { c.jobs += 1 } else { c.documents += 1 }
            Self.note(&c, raw, instant)
        }
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
                    shareOfFailures: Ratio(c.jobs + c.documents, of: total))
            },
            clusterCount: Int64(all.count), totalFailures: total, failedJobs: failedJobs, failedDocuments: failedDocuments,
            byJobType: byJobType.rows, byModel: byModel.rows,
            byFileSourceType: bySourceType.rows, byExtractionMethod: byExtraction.rows)
    }
}
