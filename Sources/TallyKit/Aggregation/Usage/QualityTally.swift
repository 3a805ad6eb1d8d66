/// Consistency checks over every job read (whatever the period or user filter).
struct QualityTally: Sendable {
    struct Check: Sendable {
        var count: Int64 = 0
        /// The smallest ids, so shards agree on the examples.
        var examples = BoundedTop<Reversed<String>, String>(limit: 5)

        mutating func add(_ id: String) {
            count += 1
            examples.add(id, key: Reversed(id))
        }

        mutating func merge(_ o: Check) {
            count += o.count
            examples.merge(o.examples)
        }

        var result: QualityCheck { QualityCheck(count: count, exampleJobIDs: examples.newestFirst.map(\.element)) }
    }

    var exceedTotal = Check()
    var completedBeforeStarted = Check()
    var terminalWithoutCompletion = Check()
    var negativeCounters = Check()
    var idsNotUUID = Check()
    /// Every job's size, for the implausible-size check.
    var sizes = JobSizes()
    /// The largest jobs (ties: the smallest id), examples of the implausible ones.
    var largest = BoundedTop<SizeKey, String>(limit: 5)

    /// A job's size and id, ordered by size, then by id descending (so the smallest ids win ties).
    struct SizeKey: Comparable, Sendable {
        var size: Int64
        var id: String

        static func < (a: SizeKey, b: SizeKey) -> Bool { a.size != b.size ? a.size < b.size : a.id > b.id }
    }

    mutating func add(_ job: JobRecord) {
        sizes.add(job)
        let key = SizeKey(size: JobSizes.size(job), id: job.id)
        if largest.accepts(key) { largest.add(job.id, key: key) }
        if saturatingAdd(job.processedCount, job.failedCount) > job.totalDocuments { exceedTotal.add(job.id) }
        if let s = job.startedAt, let c = job.completedAt, c < s { completedBeforeStarted.add(job.id) }
        if JobLifecycle.setsCompletedAt(job.status), job.completedAt == nil { terminalWithoutCompletion.add(job.id) }
        if job.totalDocuments < 0 || job.processedCount < 0 || job.failedCount < 0 { negativeCounters.add(job.id) }
        if !SafeFileName.isUUID(job.id) || !(job.userID.map(SafeFileName.isUUID) ?? true) { idsNotUUID.add(job.id) }
    }

    mutating func merge(_ o: QualityTally) {
        exceedTotal.merge(o.exceedTotal)
        completedBeforeStarted.merge(o.completedBeforeStarted)
        terminalWithoutCompletion.merge(o.terminalWithoutCompletion)
        negativeCounters.merge(o.negativeCounters)
        idsNotUUID.merge(o.idsNotUUID)
        sizes.merge(o.sizes)
        largest.merge(o.largest)
    }

    /// The implausible-size check: how many jobs have at least `digits` digits of
    /// documents, and the largest of them.
    func implausible(digits: Int) -> QualityCheck {
        let threshold = JobSizes.threshold(digits: digits)
        return QualityCheck(
            count: sizes.count(atLeast: digits),
            exampleJobIDs: largest.newestFirst.filter { $0.key.size >= threshold }.map(\.element))
    }
}
