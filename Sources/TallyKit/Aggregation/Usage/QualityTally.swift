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

    mutating func add(_ job: JobRecord) {
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
    }
}
