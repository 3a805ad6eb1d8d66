/// What `--push-down` asks of a PostgreSQL source: aggregate queries run inside
/// the run's snapshot, their (few) rows handed over as they arrive.
///
/// The queries are plain `GROUP BY`s and windows partitioned by `user_id` over
/// `jobs` (and `documents`), so they run unchanged on a distributed PostgreSQL
/// (Citus, tables distributed by `user_id`): no temporary tables, no functions
/// of tally's own. They count exactly the rows the row decoder accepts
/// (`usableJobCondition`); the rows it would skip are streamed as usual
/// (`ReadOptions.onlySkippedRows`) so their diagnostics are the streaming run's.
extension PostgresSource {
    /// The `jobs` columns and types push-down relies on, and the condition for a usable job.
    package struct PushDownJobs: Sendable {
        /// True exactly for the jobs the row decoder accepts (alias `j`).
        package var usable: String
        /// `j.status` as the decoder reads it (NULL is `pending`).
        package var status: String
        /// `j.job_type` as the decoder reads it (NULL is `batch`).
        package var jobType: String
        /// The counter columns' sums, clamped to 64 bits (a missing column sums to 0).
        package func sum(_ counter: String) -> String {
            guard has(counter) else { return "0::int8" }
            return "LEAST(GREATEST(COALESCE(SUM(j.\(counter)), 0)::numeric, -9223372036854775808), 9223372036854775807)::int8"
        }
        /// A counter column as `numeric` (NULL and a missing column are 0), so sums of two never overflow.
        package func counter(_ name: String) -> String {
            has(name) ? "COALESCE(j.\(PostgresConnection.identifier(name)), 0)::numeric" : "0::numeric"
        }
        /// The decimal digits of a job's size (`JobSizes`: the larger of `total_documents` and processed + failed; 0 for 0 or less).
        package var sizeDigits: String {
            "CASE WHEN \(size) > 0 THEN length((\(size))::text) ELSE 0 END"
        }
        /// A job's size (`JobSizes.size`).
        package var size: String {
            "GREATEST(\(counter("total_documents")), \(counter("processed_count")) + \(counter("failed_count")))"
        }
        /// `config.model_name` when a string, else NULL.
        package var model: String
        let has: @Sendable (String) -> Bool
    }

    /// Checks that push-down can count exactly what streaming would, and names the pieces its queries use.
    ///
    /// - Throws: `TallyError.usage` (exit 64) when ids may repeat, or `jobs` is not in the upstream's
    ///   types (`uuid` ids and `user_id`, `timestamptz`, integer counters): only
    ///   Swift could then tell which rows a read accepts.
    package func pushDownJobs() throws -> PushDownJobs {
        let jobs = snapshot.schema.jobs
        guard !idsMayRepeat else {
            throw TallyError.usage(
                "--push-down needs unique ids in \(name) (jobs.id and documents.id primary keys): repeated ids are merged row by row; "
                    + "run without --push-down")
        }
        guard jobs.columns["user_id"] == "uuid", let usable = snapshot.schema.usableJobCondition else {
            throw TallyError.usage(
                "--push-down needs the service's column types in \(name) (uuid id and user_id, timestamptz times, integer counters); "
                    + "run without --push-down")
        }
        let text = { (column: String, fallback: String) in
            jobs.has(column) ? "COALESCE(\(jobs.select(column, alias: "j")), \(PostgresConnection.literal(fallback)))"
                : PostgresConnection.literal(fallback)
        }
        let columns = Set(jobs.columns.keys)
        return PushDownJobs(
            usable: usable, status: text("status", "pending"), jobType: text("job_type", "batch"),
            model: try Self.jsonString(jobs, "config", "model_name", alias: "j", name: name), has: { columns.contains($0) })
    }

    /// `alias.column->>'key'` when that is a JSON string, else NULL; NULL without the column.
    ///
    /// - Throws: `TallyError.usage` when the column is not `jsonb`.
    static func jsonString(_ table: PostgresSchema.Table, _ column: String, _ key: String, alias: String, name: String) throws -> String {
        guard let type = table.columns[column] else { return "NULL::text" }
        guard type == "jsonb" else {
            throw TallyError.usage("--push-down needs \(column) as jsonb in \(name) (it is \(type)); run without --push-down")
        }
        let value = "\(alias).\(PostgresConnection.identifier(column))->\(PostgresConnection.literal(key))"
        return "CASE WHEN jsonb_typeof(\(value)) = 'string' THEN \(value) #>> '{}' END"
    }

    /// The relation `jobs` as SQL (`jobs`, `"History".jobs`).
    package var jobsTable: String { snapshot.schema.jobs.sql }

    /// Runs `sql` (a SELECT) inside the snapshot and hands each row to `body`, decoded by `PushDownRow`.
    ///
    /// `wires` is how each column arrives (binary COPY). Rows stream; none is kept.
    ///
    /// - Throws: `TallyError.cannotOpen` when the query fails or breaks off; `badData` for COPY data out of format.
    package func pushDownRows(_ sql: String, wires: [PushDownWire], _ body: (PushDownRow) throws -> Void) throws {
        let name = self.name
        try snapshot.withConnection { connection in
            var rows = PostgresCopyStream(fieldCount: wires.count)
            try connection.copyOut("COPY (\(sql)) TO STDOUT (FORMAT binary)") { message in
                do {
                    try rows.rows(in: message) { row in try body(PushDownRow(row: row)) }
                } catch let malformed as PostgresCopyStream.Malformed {
                    throw TallyError.badData(file: name, location: "push-down", message: "unexpected COPY data: \(malformed.what)")
                }
            }
        }
    }

    /// Streams the usable jobs matching `condition` (as a read delivers them), in `order` when given.
    ///
    /// With `ranked`, only those a window ranks at most `limit`: the window is a
    /// definition over alias `j` (`PARTITION BY j.user_id ORDER BY j.created_at DESC`);
    /// `rank()` lets every job tied at the boundary through (Swift breaks ties by id).
    ///
    /// - Throws: as `pushDownRows`; `badData` for a row the decoder refuses (the condition excludes them).
    package func streamJobs(
        where condition: String?, ranked: (window: String, limit: Int)? = nil, order: String? = nil, details: Bool,
        _ body: (JobRecord) throws -> Void
    ) throws {
        let jobs = try pushDownJobs()
        let filter = ([jobs.usable] + (condition.map { [$0] } ?? [])).joined(separator: " AND ")
        var select = snapshot.schema.jobsSelect(details: details, where: filter)
        if let (window, limit) = ranked {
            let from = select.sql.range(of: " FROM ")!
            select.sql.insert(contentsOf: ", rank() OVER (\(window)) AS tally_rank", at: from.lowerBound)
            select.sql = "SELECT * FROM (\(select.sql)) AS ranked WHERE tally_rank <= \(max(limit, 1))"
            select.wires.append(.integer)
        }
        if let order { select.sql += " ORDER BY \(order)" }
        var decoder = PostgresRowDecoder(select, schema: snapshot.schema, options: ReadOptions(kinds: [.job], jobDetails: details))
        try stream(select, table: "jobs") { row in
            guard case .record(.job(let job)) = decoder.job(row) else { return false }
            try body(job)
            return true
        }
    }

    /// Streams the usable documents matching `condition` (over `d` and the joined job `j`, as
    /// `PushDownDocuments` names them), each with its job's context as a read delivers it.
    ///
    /// - Throws: as `pushDownRows`; `badData` for a row the decoder refuses.
    package func streamDocuments(where condition: String, _ body: (DocumentRecord) throws -> Void) throws {
        guard let usable = snapshot.schema.usableDocumentCondition else { return }
        let select = snapshot.schema.documentsSelect(details: false, where: "\(usable) AND \(condition)")
        var decoder = PostgresRowDecoder(select, schema: snapshot.schema, options: ReadOptions(kinds: [.document], documentDetails: false))
        try stream(select, table: "documents") { row in
            guard case .record(.document(let document)) = decoder.document(row) else { return false }
            try body(document)
            return true
        }
    }

    /// Streams `select`'s rows to `decode`, which returns false for a row its decoder refused.
    private func stream(_ select: PostgresSelect, table: String, _ decode: (PostgresRow) throws -> Bool) throws {
        let name = self.name
        try snapshot.withConnection { connection in
            var rows = PostgresCopyStream(fieldCount: select.wires.count)
            try connection.copyOut(select.copy) { message in
                do {
                    try rows.rows(in: message) { row in
                        guard try decode(row) else {
                            throw TallyError.badData(file: name, location: table, message: "a row the push-down condition let through")
                        }
                    }
                } catch let malformed as PostgresCopyStream.Malformed {
                    throw TallyError.badData(file: name, location: table, message: "unexpected COPY data: \(malformed.what)")
                }
            }
        }
    }
}

/// How a push-down column arrives in binary COPY.
package enum PushDownWire: Sendable {
    /// `uuid` (NULL for anonymous).
    case uuid
    /// `int2`/`int4`/`int8`.
    case integer
    /// `timestamptz`.
    case timestamp
    /// `text`.
    case text
}

/// One row of a push-down query; valid only inside the callback.
package struct PushDownRow {
    let row: PostgresRow

    /// A `uuid` column spelled lowercase, `nil` for NULL.
    package func uuid(_ i: Int) -> String? {
        row.bytes(i).flatMap { $0.count == 16 ? UUIDInterner.spell($0) : nil }
    }

    /// A text column, `nil` for NULL.
    package func text(_ i: Int) -> String? {
        row.text(i, .text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// An integer column; NULL is 0.
    package func integer(_ i: Int) -> Int64 { row.integer(i) ?? 0 }

    /// A timestamp column, `nil` for NULL or out of range.
    package func instant(_ i: Int) -> Instant? {
        if case .value(let instant) = row.instant(i, .timestamp) { return instant }
        return nil
    }
}

extension PostgresSchema {
    /// A condition true exactly for the documents `PostgresRowDecoder.document` accepts (alias `d`),
    /// `nil` unless `id` is a `uuid` and the timestamps and `file_size` are native; also `nil` without a `documents` table.
    var usableDocumentCondition: String? {
        guard let documents, documents.columns["id"] == "uuid" else { return nil }
        var parts = ["d.id IS NOT NULL"]
        for column in ["processed_at", "created_at"] where documents.has(column) {
            guard documents.isNative(column) else { return nil }
            parts.append("(d.\(column) IS NULL OR (d.\(column) > '-infinity' AND d.\(column) < '10000-01-01 00:00:00+00'))")
        }
        if documents.has("file_size") {
            guard documents.isNative("file_size") else { return nil }
            parts.append("(d.file_size IS NULL OR d.file_size <= 1000000000000000)")  // `RecordBounds.documentMetricLimit`
        }
        if let type = documents.columns["processing_metadata"] {
            guard type == "jsonb" else { return nil }
            // A `tokens_used` the reader takes as a 64-bit integer, over 10^15 (`RecordBounds`).
            let tokens = "d.processing_metadata->'tokens_used'"
            // CASE, not AND: only a number may be cast (SQL does not promise to evaluate AND left to right).
            parts.append(
                "NOT COALESCE(CASE WHEN jsonb_typeof(\(tokens)) = 'number' AND (\(tokens))::text ~ '^-?[0-9]+$' "
                    + "THEN (\(tokens))::numeric > 1000000000000000 AND (\(tokens))::numeric <= 9223372036854775807 END, false)")
        }
        return "(" + parts.joined(separator: " AND ") + ")"
    }
}
