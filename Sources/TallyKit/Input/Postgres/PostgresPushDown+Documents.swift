extension PostgresSource {
    /// The documents of a push-down, joined to their jobs as a read joins them, and
    /// each value a report takes from a document, as SQL over aliases `d` and `j`.
    package struct PushDownDocuments: Sendable {
        /// `documents AS d LEFT JOIN jobs AS j ON ...`.
        package var from: String
        /// `from` with `processing_metadata` taken apart once per row, which the metadata's
        /// values (`processingMicros`, `tokens`, `extraction`) need: an expression is evaluated
        /// again wherever a query repeats it, a function in FROM once.
        package var withMetadata: String
        /// True exactly for the documents the row decoder accepts.
        package var usable: String
        /// The document's owner: its `user_id`, else its job's.
        package var owner: String
        /// The report's instant of a document: `processed_at`, else its job's `created_at`, else its own.
        package var instant: String
        /// `d.status` as the decoder reads it (NULL is `pending`).
        package var status: String
        /// `processing_time` in whole microseconds as `DocumentMetrics.processingMicros` rounds it (0 when absent or out of range).
        package var processingMicros: String
        /// `tokens_used` when a 64-bit integer and positive, else 0.
        package var tokens: String
        /// `file_size` when positive, else 0.
        package var bytes: String
        /// `file_source_type` (NULL when absent).
        package var sourceType: String
        /// `extraction_method` when a string, else NULL.
        package var extraction: String
    }

    /// The documents' SQL pieces; `nil` without a `documents` table.
    ///
    /// - Throws: `TallyError.usage` when `documents` is not in the service's types.
    package func pushDownDocuments() throws -> PushDownDocuments? {
        let schema = snapshot.schema
        guard let documents = schema.documents else { return nil }
        guard let usable = schema.usableDocumentCondition, documents.columns["user_id"].map({ $0 == "uuid" }) ?? true,
              documents.columns["job_id"].map({ $0 == "uuid" }) ?? true
        else {
            throw TallyError.usage(
                "--push-down needs the service's column types in \(name)'s documents (uuid ids, timestamptz times, integer file_size); "
                    + "run without --push-down")
        }
        _ = try pushDownJobs()  // the jobs' types are checked too: documents are joined to them
        let joined = documents.has("job_id")
        if let type = documents.columns["processing_metadata"], type != "jsonb" {
            throw TallyError.usage("--push-down needs processing_metadata as jsonb in \(name) (it is \(type)); run without --push-down")
        }
        // The three keys of `processing_metadata` a report reads, taken apart once per row (alias `m`).
        let metadata = documents.has("processing_metadata")
            ? "CASE WHEN jsonb_typeof(d.processing_metadata) = 'object' THEN d.processing_metadata ELSE '{}'::jsonb END" : "'{}'::jsonb"
        let keys = "CROSS JOIN LATERAL jsonb_to_record(\(metadata)) AS m(processing_time jsonb, tokens_used jsonb, extraction_method jsonb)"
        // Seconds as the double Swift reads, clamped to [0, 2e12] (no float overflow; outside (0, 1e12) counts 0 either way), once per row.
        let number = "CASE WHEN jsonb_typeof(m.processing_time) = 'number' THEN m.processing_time::numeric END"
        let seconds = "CROSS JOIN LATERAL unnest(ARRAY[LEAST(GREATEST(\(number), 0), 2e12)::float8]) AS s(seconds)"
        let join = joined ? " LEFT JOIN \(jobsTable) AS j ON j.id = d.job_id" : ""
        let job = { (expression: String) in joined ? expression : "NULL" }
        let inRange = { (column: String) in "CASE WHEN \(column) > '-infinity' AND \(column) < '10000-01-01 00:00:00+00' THEN \(column) END" }
        let column = { (name: String) in documents.select(name, alias: "d") }
        // µs, rounded half away from zero as `DocumentMetrics.processingMicros` rounds.
        let micros = "(CASE WHEN s.seconds > 0 AND s.seconds < 1e12 THEN s.seconds * 1000000::float8 END)"
        // `tokens_used` when a 64-bit integer (as Swift reads one), at least 0.
        let tokens = "COALESCE(CASE WHEN jsonb_typeof(m.tokens_used) = 'number' AND m.tokens_used::text ~ '^-?[0-9]+$' "
            + "THEN CASE WHEN m.tokens_used::numeric <= 9223372036854775807 THEN GREATEST(m.tokens_used::numeric, 0)::int8 END END, 0)"
        let ownerOfJob = job("j.user_id")
        return PushDownDocuments(
            from: "\(documents.sql) AS d\(join)", withMetadata: "\(documents.sql) AS d \(keys) \(seconds)\(join)", usable: usable,
            owner: documents.has("user_id") ? "COALESCE(d.user_id, \(ownerOfJob))" : ownerOfJob,
            instant: "COALESCE(\(documents.has("processed_at") ? "d.processed_at" : "NULL"), \(job(inRange("j.created_at"))), "
                + "\(documents.has("created_at") ? "d.created_at" : "NULL"))",
            status: "COALESCE(\(column("status")), 'pending')",
            processingMicros: "COALESCE((CASE WHEN \(micros) - floor(\(micros)) >= 0.5 THEN ceil(\(micros)) ELSE floor(\(micros)) END)::int8, 0)",
            tokens: tokens,
            bytes: documents.has("file_size") ? "GREATEST(COALESCE(d.file_size::int8, 0), 0)" : "0::int8",
            sourceType: column("file_source_type"),
            extraction: "CASE WHEN jsonb_typeof(m.extraction_method) = 'string' THEN m.extraction_method #>> '{}' END")
    }
}
