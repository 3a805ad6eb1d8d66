import Foundation

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
    ///
    /// `since` (a `created_at` literal from `newestJobsBound`) narrows the capped
    /// select to the jobs created at or after it, which keeps every row of its
    /// answer (the boundary's ties too) as long as at least `newest` of them are
    /// that new: the select checks that itself and returns no row at all when
    /// they are fewer (the caller then looks deeper).
    func userJobsSelect(_ filter: JobOwnerFilter, details: Bool, since bound: String? = nil) -> PostgresSelect? {
        guard jobs.columns["user_id"] == "uuid" else { return nil }
        guard let newest = filter.newest else { return jobsSelect(details: details, where: ownJobs(filter)) }
        guard let capped = cappedJobsCondition(filter) else { return jobsSelect(details: details, where: selectedJobs(filter)) }
        let cap = max(newest, 1)
        guard let bound else {
            var select = jobsSelect(details: details, where: capped)
            select.sql += " ORDER BY j.created_at DESC FETCH FIRST \(cap) ROWS WITH TIES"
            return select
        }
        var select = jobsSelect(details: details, where: "\(capped) AND j.created_at >= \(bound)")
        select.sql = "WITH j AS MATERIALIZED (\(select.sql)) SELECT * FROM j WHERE (SELECT count(*) FROM j) >= \(cap) "
            + "ORDER BY j.created_at DESC FETCH FIRST \(cap) ROWS WITH TIES"
        return select
    }

    /// The first depth `newestJobsBound` is asked for: with anonymous and the
    /// user's jobs above 1/64 of all, one bound does.
    func firstBoundDepth(_ filter: JobOwnerFilter) -> Int {
        var depth = 64 * max(filter.newest ?? 1, 1)
        #if DEBUG
            // A test seam (debug builds only): a small history takes the narrowed path too.
            if let given = ProcessInfo.processInfo.environment["TALLY_TEST_USER_JOBS_DEPTH"].flatMap(Int.init), given > 0 { depth = given }
        #endif
        return depth
    }

    /// The `created_at` (an SQL literal) of the `depth`-th newest job of all, read
    /// from the `created_at` index alone; `nil` when there are fewer jobs, or no cap.
    ///
    /// Without a bound PostgreSQL walks `created_at` newest first and fetches
    /// every job's row to test its owner: anonymous and the user's jobs are a
    /// few percent of all, so their newest 1000 cost tens of thousands of random
    /// heap reads. With `created_at >= bound` it combines the `user_id` and
    /// `created_at` indexes (BitmapAnd) and reads about as many rows as it keeps.
    ///
    /// - Throws: `TallyError.cannotOpen` when the query fails.
    func newestJobsBound(_ filter: JobOwnerFilter, depth: Int, _ connection: PostgresConnection) throws -> String? {
        guard depth > 0, jobs.columns["user_id"] == "uuid", cappedJobsCondition(filter) != nil else { return nil }
        // A naive `timestamp` is UTC already (`AT TIME ZONE` would turn it into the session's zone). Years 0001-9999
        // only, so the spelling is plain ISO 8601 whatever DateStyle says; spelled outside the scan, as to_char
        // on each of the `depth` rows passed over would cost more than the scan.
        let zoned = jobs.columns["created_at"] == "timestamptz"
        let utc = zoned ? "j.created_at AT TIME ZONE 'UTC'" : "j.created_at"
        let deepest = try connection.query(
            """
            SELECT to_char(\(utc), 'YYYY-MM-DD"T"HH24:MI:SS.US') FROM (SELECT j.created_at FROM \(jobs.sql) AS j
            WHERE j.created_at >= '0001-01-01 00:00:00+00' AND j.created_at < '10000-01-01 00:00:00+00'
            ORDER BY j.created_at DESC OFFSET \(depth - 1) LIMIT 1) AS j
            """)
        guard let text = deepest.first?.first ?? nil else { return nil }
        return PostgresConnection.literal(text + (zoned ? "+00" : "")) + (zoned ? "::timestamptz" : "::timestamp")
    }

    /// Whether `jobs` has a plain index led by `created_at` (the upstream's
    /// `idx_jobs_created_at`): without one each bound would cost a scan of the table.
    ///
    /// - Throws: `TallyError.cannotOpen` when the catalog cannot be read.
    func hasCreatedAtIndex(_ connection: PostgresConnection) throws -> Bool {
        let sql = """
            SELECT count(*) FROM pg_index AS i JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indrelid = $1::regclass AND a.attname = 'created_at' AND i.indpred IS NULL AND i.indisvalid
            """
        return (try connection.query(sql, [jobs.sql]).first?.first ?? nil).flatMap { Int($0) } ?? 0 > 0
    }

    /// `user_id = $user` (false for an id no `uuid` can equal).
    private func ownJobs(_ filter: JobOwnerFilter) -> String {
        let id = filter.userID
        let isUUID = Array(id.utf8).withUnsafeBufferPointer { IdentifierText.isUUID($0) } && id == id.lowercased()
        return isUUID ? "j.user_id = \(PostgresConnection.literal(id))::uuid" : "false"
    }

    /// The user's and the anonymous jobs.
    private func selectedJobs(_ filter: JobOwnerFilter) -> String { "(\(ownJobs(filter)) OR j.user_id IS NULL)" }

    /// The selected jobs the decoder accepts; `nil` when the cap cannot be applied in SQL.
    private func cappedJobsCondition(_ filter: JobOwnerFilter) -> String? {
        guard filter.newest != nil, serverVersion >= 130_000, let usable = usableJobCondition else { return nil }
        return "\(selectedJobs(filter)) AND \(usable)"
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
