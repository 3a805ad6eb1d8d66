/// The jobs one user's `tally stats` needs, so a source can fetch only those
/// through its `jobs(user_id)` index instead of scanning every job.
///
/// A hint: a source that cannot select rows delivers every job, and the
/// endpoint accumulator keeps only these anyway. Only for a run whose rows
/// are never merged by id (one source whose ids cannot repeat): a merge must
/// see every version of an id to pick the same winner as a full read. A source that selects must
/// deliver at least every usable job that can change the user's stats: the
/// user's own jobs, and with `newest` the newest `newest` of the user's and the
/// anonymous jobs together, **with every job tied at the boundary instant**
/// (tally breaks ties by id, which the database may order differently).
package struct JobOwnerFilter: Sendable, Equatable {
    /// The user id as readers deliver it (a UUID lowercased).
    package var userID: String
    /// The endpoint's cap (`--api-compat`: 1000, anonymous jobs included);
    /// `nil` for all of the user's own jobs and no anonymous ones.
    package var newest: Int?

    /// Makes a filter.
    package init(userID: String, newest: Int?) {
        self.userID = userID
        self.newest = newest
    }

    /// Whether anonymous jobs (NULL `user_id`) are wanted too.
    package var includesAnonymous: Bool { newest != nil }
}
