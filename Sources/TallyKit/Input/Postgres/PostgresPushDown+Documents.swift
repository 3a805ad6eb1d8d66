extension PostgresSource {
    /// The documents of a push-down, joined to their jobs as a read joins them, and
    /// each value a report takes from a document, as SQL over aliases `d` and `j`.
    package struct PushDownDocuments: Sendable {
        /// `documents AS d LEFT JOIN jobs AS j ON ...`.
        package var from: String
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
        /// `error_message` (NULL when absent).
        package var errorMessage: String
        /// The job's status as the joined context reads it (`pending` when NULL), NULL without a job.
        package var jobStatus: String
        /// The job's usable `completed_at`, NULL without a job.
        package var jobCompletedAt: String
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
        let jobs = try pushDownJobs()
        let joined = documents.has("job_id")
        let metadata = documents.has("processing_metadata") ? "d.processing_metadata" : "NULL::jsonb"
        let seconds = "(\(metadata)->'processing_time')"
        let number = "CASE WHEN jsonb_typeof(\(seconds)) = 'number' THEN (\(seconds))::numeric END"
        let tokens = "(\(metadata)->'tokens_used')"
        let integer = "CASE WHEN jsonb_typeof(\(tokens)) = 'number' AND (\(tokens))::text ~ '^-?[0-9]+$' "
            + "AND (\(tokens))::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 THEN (\(tokens))::numeric END"
        // `processing_time` as the double Swift reads, clamped to [0, 2e12] (no float overflow; out of
        // (0, 1e12) counts 0 either way), and `tokens_used` when a 64-bit integer: each JSON value read once.
        let table = "(SELECT d.*, LEAST(GREATEST(\(number), 0), 2e12)::float8 AS tally_seconds, "
            + "GREATEST(\(integer), 0)::int8 AS tally_tokens FROM \(documents.sql) AS d)"
        let from = joined ? "\(table) AS d LEFT JOIN \(jobsTable) AS j ON j.id = d.job_id" : "\(table) AS d"
        let job = { (expression: String) in joined ? expression : "NULL" }
        let inRange = { (column: String) in "CASE WHEN \(column) > '-infinity' AND \(column) < '10000-01-01 00:00:00+00' THEN \(column) END" }
        let column = { (name: String) in documents.select(name, alias: "d") }
        if let type = documents.columns["processing_metadata"], type != "jsonb" {
            throw TallyError.usage("--push-down needs processing_metadata as jsonb in \(name) (it is \(type)); run without --push-down")
        }
        // Seconds kept only in (0, 1e12) as Swift keeps them; then µs rounded half away from zero.
        let micros = "(CASE WHEN d.tally_seconds > 0 AND d.tally_seconds < 1e12 THEN d.tally_seconds * 1000000::float8 END)"
        let ownerOfJob = job("j.user_id")
        return PushDownDocuments(
            from: from, usable: usable,
            owner: documents.has("user_id") ? "COALESCE(d.user_id, \(ownerOfJob))" : ownerOfJob,
            instant: "COALESCE(\(documents.has("processed_at") ? "d.processed_at" : "NULL"), \(job(inRange("j.created_at"))), "
                + "\(documents.has("created_at") ? "d.created_at" : "NULL"))",
            status: "COALESCE(\(column("status")), 'pending')",
            processingMicros: "COALESCE((CASE WHEN \(micros) - floor(\(micros)) >= 0.5 THEN ceil(\(micros)) ELSE floor(\(micros)) END)::int8, 0)",
            tokens: "COALESCE(d.tally_tokens, 0)",
            bytes: documents.has("file_size") ? "GREATEST(COALESCE(d.file_size::int8, 0), 0)" : "0::int8",
            sourceType: column("file_source_type"),
            extraction: try Self.jsonString(documents, "processing_metadata", "extraction_method", alias: "d", name: name),
            errorMessage: column("error_message"),
            jobStatus: job("CASE WHEN j.id IS NOT NULL THEN \(jobs.status) END"),
            jobCompletedAt: job(inRange("j.completed_at")))
    }
}
