extension PostgresSchema {
    /// The jobs `filter` names, read through the `jobs(user_id)` index: the
    /// endpoint's own query shape. `nil` when that cannot be exact (`user_id` is
    /// not a `uuid`, or absent); the caller then streams every job.
    ///
    /// Without a cap: `WHERE user_id = $user`. With the endpoint's cap: the
    /// user's and the anonymous jobs, newest `created_at` first, the first
    /// `newest` **with ties** (`FETCH FIRST n ROWS WITH TIES`, PostgreSQL 13+),
    /// so a tie across the boundary reaches tally, which breaks it by id. Only
    /// rows the decoder accepts are counted towards the cap (a `created_at` of
    /// `±infinity` would otherwise take a place); that needs every timestamp
    /// column in a native type, else all of the user's and anonymous jobs are read.
    func userJobsSelect(_ filter: JobOwnerFilter, details: Bool) -> PostgresSelect? {
        guard jobs.columns["user_id"] == "uuid" else { return nil }
        let id = filter.userID
        let isUUID = Array(id.utf8).withUnsafeBufferPointer { IdentifierText.isUUID($0) } && id == id.lowercased()
        let own = isUUID ? "j.user_id = \(PostgresConnection.literal(id))::uuid" : "false"
        guard let newest = filter.newest else { return jobsSelect(details: details, where: own) }
        let selected = "(\(own) OR j.user_id IS NULL)"
        guard serverVersion >= 130_000, let usable = usableJobCondition else {
            return jobsSelect(details: details, where: selected)
        }
        var select = jobsSelect(details: details, where: "\(selected) AND \(usable)")
        select.sql += " ORDER BY j.created_at DESC FETCH FIRST \(max(newest, 1)) ROWS WITH TIES"
        return select
    }

    /// A condition true exactly for the jobs `PostgresRowDecoder.job` accepts,
    /// `nil` unless `id` is a `uuid` and the timestamps and counters are native (only Swift can tell then).
    var usableJobCondition: String? {
        let inRange = { (column: String) in
            "j.\(column) > '-infinity' AND j.\(column) < '10000-01-01 00:00:00+00'"
        }
        var parts: [String] = []
        guard jobs.columns["id"] == "uuid", jobs.isNative("created_at") else { return nil }
        parts.append("j.id IS NOT NULL")
        parts.append(inRange("created_at"))
        for column in ["started_at", "completed_at", "updated_at"] where jobs.has(column) {
            guard jobs.isNative(column) else { return nil }
            parts.append("(j.\(column) IS NULL OR (\(inRange(column))))")
        }
        for counter in ["total_documents", "processed_count", "failed_count"] where jobs.has(counter) {
            guard jobs.isNative(counter) else { return nil }
            // `RecordBounds`: a counter outside the upstream 32-bit integer skips the row.
            parts.append("(j.\(counter) IS NULL OR j.\(counter) BETWEEN -2147483648 AND 2147483647)")
        }
        return "(" + parts.joined(separator: " AND ") + ")"
    }
}
