/// How a column arrives in a binary COPY: the upstream's types natively, anything
/// else as its text output (the SELECT casts it with `::text`).
enum PostgresWire: Sendable, Equatable {
    case uuid, integer, timestamp, jsonb, bool, text

    /// The native wire form of PostgreSQL type `name` (`pg_type.typname`), `nil` for types read as text.
    static func native(_ name: String) -> PostgresWire? {
        switch name {
        case "uuid": return .uuid
        case "int2", "int4", "int8": return .integer
        case "timestamptz", "timestamp": return .timestamp
        case "jsonb": return .jsonb
        case "bool": return .bool
        case "text", "varchar", "bpchar", "json", "name": return .text
        default: return nil
        }
    }

    /// The wire forms a column named `column` is decoded from natively; any other type is cast to text.
    static func accepted(by column: String) -> Set<PostgresWire> {
        switch column {
        case "id", "user_id", "job_id": return [.uuid, .text]
        case "config", "processing_metadata": return [.jsonb, .text]
        case "total_documents", "processed_count", "failed_count", "file_size": return [.integer]
        case "started_at", "completed_at", "created_at", "updated_at", "processed_at": return [.timestamp]
        case "is_active": return [.bool, .integer]
        default: return [.text]
        }
    }
}

/// The history tables of a PostgreSQL database as the read's snapshot sees them.
///
/// Tables are found through the connection's `search_path` (set it with
/// `options=-csearch_path=...` in the address); only `jobs` with `id` and
/// `created_at` is required. Read once per run, inside the exported snapshot.
struct PostgresSchema: Sendable {
    /// One table: its name as SQL (schema-qualified when needed) and its columns.
    struct Table: Sendable {
        /// The relation, quoted for SQL (`jobs`, `"History".jobs`).
        var sql: String
        /// Column name to PostgreSQL type name (`pg_type.typname`).
        var columns: [String: String]
        /// Whether rows have a `ctid` tally may read and a TID range can split: a
        /// plain table (not a view) with SELECT granted on the whole table.
        var hasTIDs: Bool

        /// Whether the table has `column`.
        func has(_ column: String) -> Bool { columns[column] != nil }

        /// How `column` arrives; `nil` when the table lacks it.
        func wire(_ column: String) -> PostgresWire? {
            guard let type = columns[column] else { return nil }
            return PostgresWire.native(type).flatMap { PostgresWire.accepted(by: column).contains($0) ? $0 : nil } ?? .text
        }

        /// `alias."column"` as the COPY selects it (`::text` when read as text, `NULL` when absent).
        func select(_ column: String, alias: String) -> String {
            guard let type = columns[column] else { return "NULL" }
            let name = "\(alias).\(PostgresConnection.identifier(column))"
            return wire(column) == PostgresWire.native(type) ? name : "\(name)::text"
        }

        /// Whether `column` is present and arrives in its own type (not cast to text).
        func isNative(_ column: String) -> Bool {
            guard let type = columns[column] else { return false }
            return wire(column) == PostgresWire.native(type)
        }
    }

    var jobs: Table
    var documents: Table?
    var users: Table?
    /// Whether `jobs.id` is the primary key or has a unique index (so a join finds one job).
    var jobIDIsUnique: Bool
    /// Whether `jobs.id` and (when the table exists) `documents.id` are unique: no id can be read twice.
    var idsAreUnique: Bool
    /// The server's version number (`150004`).
    var serverVersion: Int

    /// Reads the catalog through `connection`.
    ///
    /// - Throws: `TallyError.cannotOpen` without a `jobs` table with `id` and `created_at`.
    init(_ connection: PostgresConnection) throws {
        let name = connection.address.displayName
        serverVersion = connection.serverVersion
        var tables: [String: Table] = [:]
        for table in ["jobs", "documents", "users"] {
            tables[table] = try Self.table(table, connection)
        }
        guard let jobs = tables["jobs"] else {
            throw TallyError.cannotOpen(file: name, message: "not a history: no jobs table (search_path: \(try Self.searchPath(connection)))")
        }
        for required in ["id", "created_at"] where !jobs.has(required) {
            throw TallyError.cannotOpen(file: name, message: "not a history: the jobs table has no \(required) column")
        }
        self.jobs = jobs
        documents = tables["documents"]
        users = tables["users"]
        jobIDIsUnique = try Self.hasUniqueID("jobs", connection)
        idsAreUnique = try jobIDIsUnique && (documents == nil || Self.hasUniqueID("documents", connection))
    }

    /// Whether `table.id` is the primary key or has a complete unique index of its own.
    private static func hasUniqueID(_ table: String, _ connection: PostgresConnection) throws -> Bool {
        let sql = """
            SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
              WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indnatts = 1 AND i.indpred IS NULL
                AND a.attname = 'id')
            """
        return try connection.query(sql, [table]).first?.first == "t"
    }

    private static func table(_ name: String, _ connection: PostgresConnection) throws -> Table? {
        let sql = """
            SELECT c.oid::regclass::text, c.relkind::text, a.attname::text, t.typname::text,
              has_table_privilege(c.oid, 'SELECT')
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.oid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            """
        let rows = try connection.query(sql, [name])
        guard let first = rows.first, let relation = first[0] else { return nil }
        var columns: [String: String] = [:]
        for row in rows {
            if let column = row[2], let type = row[3] { columns[column] = type }
        }
        // `ctid` needs SELECT on the whole table: a role granted only some columns reads without it.
        let tableGrant = first[4] == "t"
        return Table(sql: relation, columns: columns, hasTIDs: (first[1] == "r" || first[1] == "m") && tableGrant)
    }

    private static func searchPath(_ connection: PostgresConnection) throws -> String {
        try connection.query("SELECT current_setting('search_path')").first?.first.flatMap { $0 } ?? "?"
    }
}
