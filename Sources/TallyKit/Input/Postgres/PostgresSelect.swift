/// A SELECT a reader streams with `COPY (...) TO STDOUT (FORMAT binary)`, and
/// how each of its columns arrives.
///
/// Column order is fixed per table (the row decoder's), with the row's `ctid`
/// first; a column the table lacks is `NULL`. JSON columns come as `jsonb`
/// text and are read by `JSONTextFields`, as the SQLite reader reads them.
struct PostgresSelect: Sendable {
    var sql: String
    /// The wire form of each column (`nil`: always NULL).
    var wires: [PostgresWire?]

    /// The COPY statement that streams the rows.
    var copy: String { "COPY (\(sql)) TO STDOUT (FORMAT binary)" }
}

/// Rows of a table between two `ctid` blocks, the unit a shard reads (a TID
/// range scan, PostgreSQL 14 and later). `nil` bounds are open.
struct BlockRange: Sendable, Equatable {
    var from: Int64?
    var to: Int64?

    /// Every row.
    static let all = BlockRange(from: nil, to: nil)

    /// The WHERE condition on `alias.ctid`, `nil` for every row.
    func condition(_ alias: String) -> String? {
        let parts = [from.map { "\(alias).ctid >= '(\($0),0)'::tid" }, to.map { "\(alias).ctid < '(\($0),0)'::tid" }]
        let present = parts.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " AND ")
    }
}

extension PostgresSchema {
    /// Jobs (the rows matching `condition`, if any); without `details`, `config`
    /// and `error_message` stay NULL.
    func jobsSelect(details: Bool, where condition: String?) -> PostgresSelect {
        let names = [
            "id", "user_id", "job_type", "status", "total_documents", "processed_count", "failed_count", "config",
            "error_message", "started_at", "completed_at", "created_at", "updated_at",
        ]
        let skipped: Set<String> = details ? [] : ["config", "error_message"]
        let columns = Self.columns(jobs, alias: "j", names.map { skipped.contains($0) ? nil : $0 })
        return Self.select(jobs, alias: "j", columns, from: "\(jobs.sql) AS j", where: condition)
    }

    /// Documents (the rows matching `condition`), each with its job's context
    /// joined; without `details`, `title` and `job_id` stay NULL.
    func documentsSelect(details: Bool, where condition: String?) -> PostgresSelect {
        let documents = self.documents ?? Table(sql: "documents", columns: [:], hasTIDs: false)
        let names = [
            "id", "job_id", "user_id", "title", "file_source_type", "file_size", "mime_type", "status",
            "processing_metadata", "error_message", "processed_at", "created_at",
        ]
        let skipped: Set<String> = details ? [] : ["title", "job_id"]
        var columns = Self.columns(documents, alias: "d", names.map { skipped.contains($0) ? nil : $0 })
        let jobNames: [String?] = ["user_id", "status", "created_at", "started_at", "completed_at"]
        guard documents.has("job_id"), jobs.has("id") else {
            columns.sql += ["NULL::bool"] + Array(repeating: "NULL", count: jobNames.count)
            columns.wires += [PostgresWire.bool] + Array(repeating: nil, count: jobNames.count)
            return Self.select(documents, alias: "d", columns, from: "\(documents.sql) AS d", where: condition)
        }
        let job = Self.columns(jobs, alias: "j", jobNames)
        columns.sql += ["(j.id IS NOT NULL)"] + job.sql
        columns.wires += [PostgresWire.bool] + job.wires
        let sameType = documents.columns["job_id"] == jobs.columns["id"]
        let match = sameType ? "j.id = d.job_id" : "j.id::text = d.job_id::text"
        let join =
            jobIDIsUnique
            ? "LEFT JOIN \(jobs.sql) AS j ON \(match)"
            : "LEFT JOIN LATERAL (SELECT * FROM \(jobs.sql) AS j WHERE \(match) ORDER BY j.ctid DESC LIMIT 1) AS j ON true"
        return Self.select(documents, alias: "d", columns, from: "\(documents.sql) AS d \(join)", where: condition)
    }

    /// Every user.
    func usersSelect() -> PostgresSelect {
        let users = self.users ?? Table(sql: "users", columns: [:], hasTIDs: false)
        let columns = Self.columns(users, alias: "u", ["id", "email", "full_name", "is_active"])
        return Self.select(users, alias: "u", columns, from: "\(users.sql) AS u", where: nil)
    }

    /// The select-list entries for `names` (a `nil` name, or one the table lacks, is NULL).
    private static func columns(_ table: Table, alias: String, _ names: [String?]) -> (sql: [String], wires: [PostgresWire?]) {
        (names.map { $0.map { table.select($0, alias: alias) } ?? "NULL" }, names.map { $0.flatMap(table.wire) })
    }

    /// `SELECT alias.ctid, <columns> FROM from [WHERE condition]`.
    private static func select(
        _ table: Table, alias: String, _ columns: (sql: [String], wires: [PostgresWire?]), from: String, where condition: String?
    ) -> PostgresSelect {
        let ctid = table.hasTIDs ? "\(alias).ctid" : "NULL::tid"
        let sql = "SELECT " + ([ctid] + columns.sql).joined(separator: ", ") + " FROM \(from)" + (condition.map { " WHERE \($0)" } ?? "")
        return PostgresSelect(sql: sql, wires: [nil] + columns.wires)
    }
}
