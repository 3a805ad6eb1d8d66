/// Endpoint statistics for every user (or a chosen few) in one pass.
///
/// Two modes, as `tally stats` has them:
/// - uncapped (default): each user's own jobs, all of them: a `UserJobTally` per user;
/// - capped (`--api-compat`): the endpoint's view, the newest 1000 of the user's
///   jobs together with every anonymous job: the newest 1000 summaries per user and
///   of the anonymous jobs are kept, and merged per user at the end. Memory grows
///   with users x 1000 in this mode only.
package struct EndpointStatsAccumulator: Accumulator {
    /// The endpoint's cap on selected jobs.
    package static let endpointLimit = 1000

    /// Whether to reproduce the endpoint's 1000-job cap and anonymous jobs.
    package let capped: Bool
    /// Only these user ids are tallied when set (anonymous jobs always are in capped mode).
    package let onlyUsers: Set<String>?
    private(set) var tallies = RecentKeyDictionary<String, UserJobTally>()
    private(set) var newest: [String: NewestHeap<JobSummary>] = [:]
    private(set) var anonymous = NewestHeap<JobSummary>(limit: 0)

    /// An empty accumulator.
    package init(capped: Bool, onlyUsers: Set<String>? = nil) {
        self.capped = capped
        self.onlyUsers = onlyUsers
        if capped { anonymous = NewestHeap(limit: Self.endpointLimit) }
    }

    /// Counts a job for its owner (anonymous jobs only in capped mode).
    package mutating func add(_ job: JobRecord) {
        guard let user = job.userID else {
            if capped { anonymous.offer(job) }
            return
        }
        if let only = onlyUsers, !only.contains(user) { return }
        if capped {
            newest[user, default: NewestHeap(limit: Self.endpointLimit)].offer(job)
        } else {
            tallies.update(user, default: UserJobTally()) { $0.add(job) }
        }
    }

    /// Folds in a later shard.
    package mutating func merge(_ later: EndpointStatsAccumulator) {
        for (user, tally) in later.tallies.storage { tallies.update(user, default: UserJobTally()) { $0.merge(tally) } }
        for (user, heap) in later.newest { newest[user, default: NewestHeap(limit: Self.endpointLimit)].merge(heap) }
        anonymous.merge(later.anonymous)
    }

    /// Folds in a tally of `user`'s jobs counted elsewhere (`--push-down`), uncapped mode only.
    mutating func merge(_ tally: UserJobTally, of user: String) {
        if let only = onlyUsers, !only.contains(user) { return }
        tallies.update(user, default: UserJobTally()) { $0.merge(tally) }
    }

    /// The endpoint object for a user id (the zero object, or anonymous jobs only, when they have none).
    package func stats(for user: String) -> EndpointStats {
        if capped {
            var selection = anonymous
            selection.merge(newest[user] ?? NewestHeap(limit: 0))
            return EndpointStats(newestFirst: selection.newestFirst.map(\.element))
        }
        return tallies[user]?.stats ?? EndpointStats()
    }

    /// Every user id that owns at least one job.
    package var userIDsWithJobs: Set<String> {
        Set(tallies.storage.keys).union(newest.keys)
    }
}

extension BoundedTop where Key == RecencyKey, Element == JobSummary {
    /// Adds a job's summary if it is among the newest kept; the summary is only built then.
    @inline(__always)
    mutating func offer(_ job: JobRecord) {
        if admits({ $0.isOlder(than: job.createdAt, job.id) }) {
            add(JobSummary(job), key: RecencyKey(createdAt: job.createdAt, id: job.id))
        }
    }
}
