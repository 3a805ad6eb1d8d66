import CSQLite3

/// The history tables a database has, their columns, and the SELECTs built from them.
///
/// Only `jobs` (with `id` and `created_at`) is required; a missing optional column
/// is selected as `NULL`, so the row decoders see one fixed column layout. JSON
/// columns are selected as text and read by `JSONTextFields`: parsing them in
/// Swift measured faster than `json_valid` / `json_extract` in the SELECT.
struct SQLiteSchema {
    /// Lowercased column names of `jobs`.
    var jobs: Set<String>
    /// Lowercased column names of `documents`, `nil` without the table.
    var documents: Set<String>?
    /// Lowercased column names of `users`, `nil` without the table.
    var users: Set<String>?
    /// Whether `jobs.id` is a primary key or has a unique index, so a join on it
    /// yields at most one job per document.
    var jobIDIsUnique: Bool
    /// Whether documents find their job with `jobLookupSQL` rather than a join:
    /// `documents.job_id` exists, SQLite searches an index for `jobs.id = ?`
    /// (without one every lookup would scan `jobs`, while the join builds an
    /// automatic index), and a bound id compares as the join compares it.
    var looksUpJobs: Bool

    /// Reads the schema inside the connection's current transaction.
    ///
    /// - Throws: `TallyError.cannotOpen` without a usable `jobs` table.
    init(_ connection: SQLiteConnection) throws {
        guard let jobs = try Self.columns(of: "jobs", connection) else {
            throw TallyError.cannotOpen(file: connection.name, message: "not a history: no jobs table")
        }
        for required in ["id", "created_at"] where !jobs.contains(required) {
            throw TallyError.cannotOpen(
                file: connection.name, message: "not a history: the jobs table has no \(required) column")
        }
        self.jobs = jobs
        self.documents = try Self.columns(of: "documents", connection)
        self.users = try Self.columns(of: "users", connection)
        self.jobIDIsUnique = try Self.hasUniqueID(connection)
        self.looksUpJobs = false
        if documents?.contains("job_id") == true {
            looksUpJobs = try Self.searchesIndex(jobLookupSQL(), connection) && Self.bindingComparesLikeJoin(connection)
        }
    }

    private static func columns(of table: String, _ connection: SQLiteConnection) throws -> Set<String>? {
        try connection.withStatement("SELECT lower(name) FROM pragma_table_info('\(table)')") { statement in
            var names: Set<String> = []
            while true {
                let rc = statement.step()
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw connection.failure(rc) }
                if let name = statement.string(0) { names.insert(name) }
            }
            return names.isEmpty ? nil : names
        }
    }

    private static func hasUniqueID(_ connection: SQLiteConnection) throws -> Bool {
        let sql = """
            SELECT (SELECT count(*) = 1 AND max(lower(name)) = 'id' FROM pragma_table_info('jobs') WHERE pk > 0)
                OR EXISTS (SELECT 1 FROM pragma_index_list('jobs') AS il WHERE il."unique"
                    AND (SELECT group_concat(lower(name)) FROM pragma_index_info(il.name)) = 'id')
            """
        return try connection.withStatement(sql) { statement in
            let rc = statement.step()
            guard rc == SQLITE_ROW else { throw connection.failure(rc) }
            return statement.int64(0) != 0
        }
    }

    /// Whether every step of the plan of `sql` searches an index rather than scans a table.
    private static func searchesIndex(_ sql: String, _ connection: SQLiteConnection) throws -> Bool {
        try connection.withStatement("EXPLAIN QUERY PLAN " + sql) { statement in
            var searches = false
            while true {
                let rc = statement.step()
                if rc == SQLITE_DONE { return searches }
                guard rc == SQLITE_ROW else { throw connection.failure(rc) }
                let detail = statement.string(3) ?? ""
                if detail.hasPrefix("SCAN") { return false }
                if detail.hasPrefix("SEARCH") { searches = true }
            }
        }
    }

    /// Whether `jobs.id = ?1` with a `documents.job_id` value bound converts the
    /// operands as `jobs.id = documents.job_id` does: the column affinities
    /// decide, and a bound value has none.
    private static func bindingComparesLikeJoin(_ connection: SQLiteConnection) throws -> Bool {
        let sql = """
            SELECT (SELECT type FROM pragma_table_info('jobs') WHERE lower(name) = 'id'),
              (SELECT type FROM pragma_table_info('documents') WHERE lower(name) = 'job_id')
            """
        let (job, document) = try connection.withStatement(sql) { statement in
            let rc = statement.step()
            guard rc == SQLITE_ROW else { throw connection.failure(rc) }
            return (Affinity(declared: statement.string(0) ?? ""), Affinity(declared: statement.string(1) ?? ""))
        }
        return Affinity.bindingComparesLikeJoin(job: job, document: document)
    }

    // MARK: SELECTs (column order is the decoders' `Column` enums)

    /// The jobs scan over a rowid range bound to `?1` and `?2` (or the rows of
    /// `condition` in `from`); without `details`, `config` and `error_message` are
    /// not read (NULL in their places).
    func jobsSQL(details: Bool = true, from: String = "jobs AS j", where condition: String = "j.rowid BETWEEN ?1 AND ?2") -> String {
        let c = Self.column(in: jobs, table: "j")
        let d = details ? c : { _ in "NULL" }
        return """
            SELECT j.rowid, \(c("id")), \(c("user_id")), \(c("job_type")), \(c("status")),
              \(c("total_documents")), \(c("processed_count")), \(c("failed_count")), \(d("config")),
              \(d("error_message")), \(c("started_at")), \(c("completed_at")), \(c("created_at")), \(c("updated_at"))
            FROM \(from) WHERE \(condition) ORDER BY j.rowid
            """
    }

    /// The documents scan over a rowid range; each joined to its job unless `looksUpJobs`.
    func documentsSQL() -> String {
        let columns = documents ?? []
        let d = Self.column(in: columns, table: "d")
        let j = Self.column(in: jobs, table: "j")
        let document = """
            SELECT d.rowid, \(d("id")), \(d("job_id")), \(d("user_id")), \(d("title")), \(d("file_source_type")),
              \(d("file_size")), \(d("mime_type")), \(d("status")), \(d("processing_metadata")),
              \(d("error_message")), \(d("processed_at")), \(d("created_at"))
            """
        if looksUpJobs { return "\(document)\nFROM documents AS d WHERE d.rowid BETWEEN ?1 AND ?2 ORDER BY d.rowid" }
        let joined = columns.contains("job_id")
        let join =
            !joined
            ? ""
            : jobIDIsUnique
                ? "LEFT JOIN jobs AS j ON j.id = d.job_id"
                : "LEFT JOIN jobs AS j ON j.rowid = (SELECT max(rowid) FROM jobs WHERE id = d.job_id)"
        let job =
            joined
            ? "j.rowid, \(j("user_id")), \(j("status")), \(j("created_at")), \(j("started_at")), \(j("completed_at"))"
            : "NULL, NULL, NULL, NULL, NULL, NULL"
        return "\(document), \(job)\nFROM documents AS d \(join) WHERE d.rowid BETWEEN ?1 AND ?2 ORDER BY d.rowid"
    }

    /// A document's job by its id bound to `?1`: the job with the largest rowid,
    /// which is the one job when `jobs.id` is unique (both join forms' choice).
    func jobLookupSQL() -> String {
        let j = Self.column(in: jobs, table: "j")
        return """
            SELECT j.rowid, \(j("user_id")), \(j("status")), \(j("created_at")), \(j("started_at")), \(j("completed_at"))
            FROM jobs AS j WHERE j.id = ?1 ORDER BY j.rowid DESC LIMIT 1
            """
    }

    /// Jobs in rowid order from the rowid bound to `?1`: `jobLookupSQL`'s columns, then `id`.
    func jobsInOrderSQL() -> String {
        let j = Self.column(in: jobs, table: "j")
        return """
            SELECT j.rowid, \(j("user_id")), \(j("status")), \(j("created_at")), \(j("started_at")), \(j("completed_at")),
              j.id
            FROM jobs AS j WHERE j.rowid >= ?1 ORDER BY j.rowid
            """
    }

    /// The users scan (never sharded).
    func usersSQL() -> String {
        let u = Self.column(in: users ?? [], table: "u")
        return """
            SELECT u.rowid, \(u("id")), \(u("email")), \(u("full_name")), \(u("is_active"))
            FROM users AS u ORDER BY u.rowid
            """
    }

    private static func column(in columns: Set<String>, table: String) -> (String) -> String {
        { name in columns.contains(name) ? "\(table).\"\(name)\"" : "NULL" }
    }
}
