/// Queue-wait and run-time sketches, overall and per job type.
struct DurationTally: Sendable {
    var queue = DurationTally.sketches()
    var run = DurationTally.sketches()
    var queueAll = QuantileSketch()
    var runAll = QuantileSketch()

    mutating func add(_ job: JobRecord) {
        if let started = job.startedAt, started >= job.createdAt {
            let wait = saturatingSubtract(started.microseconds, job.createdAt.microseconds)
            queue.update(job.jobType, default: QuantileSketch()) { $0.add(wait) }
            queueAll.add(wait)
        }
        if let started = job.startedAt, let completed = job.completedAt, completed >= started {
            let time = saturatingSubtract(completed.microseconds, started.microseconds)
            run.update(job.jobType, default: QuantileSketch()) { $0.add(time) }
            runAll.add(time)
        }
    }

    mutating func merge(_ o: DurationTally) {
        queue.merge(o.queue, default: QuantileSketch())
        run.merge(o.run, default: QuantileSketch())
        queueAll.merge(o.queueAll)
        runAll.merge(o.runAll)
    }

    /// Sketches per job type, at most `FewKeyDictionary.nameLimit` types and "(other job types)".
    static func sketches() -> FewKeyDictionary<String, QuantileSketch> {
        FewKeyDictionary(
            limit: FewKeyDictionary<String, QuantileSketch>.nameLimit, otherKey: "(other job types)", precedes: { $0 < $1 },
            fold: { $0.merge($1) })
    }

    var section: DurationSection {
        let queue = queue.dictionary, run = run.dictionary
        let types = Set(queue.keys).union(run.keys).sorted()
        return DurationSection(
            method: QuantileSketch.method,
            overall: DurationRow(jobType: nil, queueWait: queueAll.stats, runTime: runAll.stats),
            byJobType: types.map {
                DurationRow(jobType: $0, queueWait: (queue[$0] ?? QuantileSketch()).stats, runTime: (run[$0] ?? QuantileSketch()).stats)
            })
    }
}
