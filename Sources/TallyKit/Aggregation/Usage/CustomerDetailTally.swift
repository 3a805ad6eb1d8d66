/// One customer's series, job types, models and error groups in the period (`CustomerDetail`).
///
/// The series counts as the report's does: jobs by created_at with their processed and
/// failed counters, so it adds up to the customer's row.
struct CustomerDetailTally: Sendable {
    var jobsCreated: [Int64]
    var jobProcessed: [Int64]
    var jobFailed: [Int64]
    var jobTypes = CappedCounts()
    var models = CappedCounts()
    var errors = CappedCounts()

    init(buckets: Int) {
        jobsCreated = Array(repeating: 0, count: buckets)
        jobProcessed = jobsCreated
        jobFailed = jobsCreated
    }

    mutating func add(_ job: JobRecord, bucket b: Int, errorKey: String?) {
        add(jobs: 1, processed: job.processedCount, failed: job.failedCount, bucket: b)
        jobTypes.add(job.jobType)
        models.add(job.modelName ?? "(none)")
        if let errorKey { errors.add(errorKey) }
    }

    /// Counts `jobs` jobs created in bucket `b` with their processed and failed sums at once (`--push-down`).
    mutating func add(jobs: Int64, processed: Int64, failed: Int64, bucket b: Int) {
        guard jobsCreated.indices.contains(b) else { return }
        jobsCreated[b] += jobs
        jobProcessed[b] = saturatingAdd(jobProcessed[b], processed)
        jobFailed[b] = saturatingAdd(jobFailed[b], failed)
    }

    /// A failed job's or document's error group.
    mutating func addFailure(_ errorKey: String) {
        errors.add(errorKey)
    }

    mutating func merge(_ o: CustomerDetailTally) {
        func add(_ a: inout [Int64], _ b: [Int64]) { for i in a.indices where i < b.count { a[i] = saturatingAdd(a[i], b[i]) } }
        add(&jobsCreated, o.jobsCreated)
        add(&jobProcessed, o.jobProcessed)
        add(&jobFailed, o.jobFailed)
        jobTypes.merge(o.jobTypes)
        models.merge(o.models)
        errors.merge(o.errors)
    }

    /// The detail, its series on `buckets` (the report's, same labels).
    func detail(_ id: String?, buckets: [TimeBucket]) -> CustomerDetail {
        let series = buckets.enumerated().map { i, b in
            TimeBucket(
                start: b.start, label: b.label, jobsCreated: jobsCreated[i],
                documentsProcessed: jobProcessed[i], documentsFailed: jobFailed[i])
        }
        return CustomerDetail(
            userID: id, series: series, jobTypes: jobTypes.ranked, models: models.ranked, errors: errors.ranked)
    }
}

/// Counts per name for one customer: the `keptLimit` smallest names exactly, every
/// other name's count in "(other)", so the result does not depend on the reading
/// order or the sharding (as `CustomerDetails` keeps the smallest ids). Shown: the
/// `CustomerDetail.listLimit` largest, the rest added to "(other)".
///
/// At most `keptLimit` + 1 names, so they are found by a linear scan (lengths compared
/// first): the readers intern job types and models, so a hit is an identity compare,
/// cheaper than hashing the name as a dictionary did for every job.
struct CappedCounts: Sendable {
    static let other = "(other)"
    static let keptLimit = 32
    /// The kept names, in no particular order, and their counts (same positions).
    private var names: [String] = []
    private var values: [Int64] = []
    var other: Int64 = 0

    /// The kept names' counts.
    var counts: [String: Int64] { Dictionary(uniqueKeysWithValues: zip(names, values)) }

    /// Whether no name was counted (once one was, the smallest is always kept).
    var isEmpty: Bool { names.isEmpty }

    mutating func add(_ name: String, _ n: Int64 = 1) {
        let length = name.utf8.count
        for i in names.indices where names[i].utf8.count == length && names[i] == name {
            values[i] = saturatingAdd(values[i], n)
            return
        }
        names.append(name)
        values.append(n)
        guard names.count > Self.keptLimit, let largest = names.indices.max(by: { names[$0] < names[$1] }) else { return }
        other = saturatingAdd(other, values[largest])
        names.remove(at: largest)
        values.remove(at: largest)
    }

    mutating func merge(_ o: CappedCounts) {
        other = saturatingAdd(other, o.other)
        for (name, n) in zip(o.names, o.values) { add(name, n) }
    }

    /// The `listLimit` largest, ties by name, then "(other)" with the rest.
    var ranked: [NamedCount] {
        let sorted = zip(names, values).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let rest = sorted.dropFirst(CustomerDetail.listLimit).reduce(other) { saturatingAdd($0, $1.1) }
        return sorted.prefix(CustomerDetail.listLimit).map { NamedCount(name: $0.0, count: $0.1) }
            + (rest > 0 ? [NamedCount(name: Self.other, count: rest)] : [])
    }
}

/// The customer details of a period: those of the `CustomerDetail.limit` smallest ids
/// (the anonymous customer first), whatever the order or sharding of the history.
///
/// A customer is left out only when `limit` smaller ids were seen before it, and the
/// kept ids only ever get smaller, so a customer once left out never comes back with
/// part of its rows: every kept detail is complete, and shards merge to the same set.
struct CustomerDetails: Sendable {
    let limit: Int
    let buckets: Int
    private(set) var byUser: [String?: CustomerDetailTally] = [:]
    /// The largest kept id once full (`nil` inside: the anonymous customer, smallest).
    private var largest: String??
    /// Whether some customer was left out.
    private(set) var capped = false

    init(limit: Int = CustomerDetail.limit, buckets: Int) {
        self.limit = limit
        self.buckets = buckets
    }

    private static func less(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case let (x?, y?): x < y
        }
    }

    /// Updates `user`'s detail, making it if there is room or `user` is smaller than the largest kept.
    mutating func update(_ user: String?, _ body: (inout CustomerDetailTally) -> Void) {
        // In place through the index: `byUser[user] != nil` copied the whole tally per job.
        if let index = byUser.index(forKey: user) {
            body(&byUser.values[index])
            return
        }
        if byUser.count >= limit {
            capped = true
            guard let largest, Self.less(user, largest) else { return }
            byUser[largest] = nil
        }
        var tally = CustomerDetailTally(buckets: buckets)
        body(&tally)
        byUser[user] = tally
        if byUser.count >= limit {
            largest = byUser.keys.max { Self.less($0, $1) }
        }
    }

    mutating func merge(_ o: CustomerDetails) {
        capped = capped || o.capped
        for (user, tally) in o.byUser.sorted(by: { Self.less($0.key, $1.key) }) {
            update(user) { $0.merge(tally) }
        }
    }
}
