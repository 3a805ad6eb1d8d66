import CSQLite3

/// One user's jobs through an index on `jobs(user_id)`, for `tally stats --user`:
/// a few index searches instead of a scan of every job.
///
/// The readers lowercase UUIDs, so the jobs of user `3f2a…` are those whose
/// stored `user_id` is any upper/lower-case spelling of it. The spellings that
/// occur are found by walking the index one hex letter at a time (a range probe
/// per letter and case; about 25 probes when every id is lowercase), then read
/// with `user_id IN (...)`, together with any BLOB ids (they read as text but
/// compare as blobs; the accumulator drops other users' rows). Used only when
/// that is exact: a complete index with binary collation on a TEXT column
/// (which stores no numbers). Otherwise the caller scans as before.
struct SQLiteUserIndex {
    /// The index searched (`INDEXED BY`, so a plan can never fall back to a scan).
    let name: String

    /// The usable index of the database, `nil` when it has none. Depends on the
    /// schema only, so every shard of a read decides alike.
    static func find(_ connection: SQLiteConnection, schema: SQLiteSchema) throws -> SQLiteUserIndex? {
        guard schema.jobs.contains("user_id"), try columnIsText(connection),
              let name = try userIDIndex(connection)
        else { return nil }
        return SQLiteUserIndex(name: name)
    }

    /// The stored spellings of `userID`, found by probing the index.
    func spellings(of userID: String, _ connection: SQLiteConnection) throws -> [String] {
        try PrefixProbe(connection: connection, from: from).spellings(of: userID)
    }

    /// The jobs SELECT (`SQLiteSchema.jobsSQL` columns) for `spellings` bound from `?1`,
    /// BLOB ids, and the anonymous jobs when `anonymous`, in rowid order.
    func jobsSQL(_ schema: SQLiteSchema, spellings: Int, details: Bool, anonymous: Bool) -> String {
        var conditions = ["j.user_id >= x''"]
        if spellings > 0 {
            conditions.append("j.user_id IN (" + (1...spellings).map { "?\($0)" }.joined(separator: ", ") + ")")
        }
        if anonymous { conditions.append("j.user_id IS NULL") }
        return schema.jobsSQL(details: details, from: "jobs AS j " + indexedBy, where: conditions.joined(separator: " OR "))
    }

    private var indexedBy: String { "INDEXED BY \"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    private var from: String { "FROM jobs " + indexedBy }

    private static func columnIsText(_ connection: SQLiteConnection) throws -> Bool {
        let sql = "SELECT type FROM pragma_table_info('jobs') WHERE lower(name) = 'user_id'"
        return try connection.withStatement(sql) { statement in
            guard statement.step() == SQLITE_ROW else { return false }
            return Affinity(declared: statement.string(0) ?? "") == .text
        }
    }

    /// A complete index whose first column is `user_id` in binary collation.
    private static func userIDIndex(_ connection: SQLiteConnection) throws -> String? {
        let sql = """
            SELECT il.name FROM pragma_index_list('jobs') AS il
            WHERE il.partial = 0 AND EXISTS (SELECT 1 FROM pragma_index_xinfo(il.name) AS ix
              WHERE ix.seqno = 0 AND lower(ix.name) = 'user_id' AND ix.coll = 'BINARY')
            ORDER BY il.name LIMIT 1
            """
        return try connection.withStatement(sql) { statement in
            statement.step() == SQLITE_ROW ? statement.string(0) : nil
        }
    }
}

/// Range probes on the `user_id` index.
private struct PrefixProbe {
    let connection: SQLiteConnection
    /// `FROM jobs INDEXED BY ...`.
    let from: String

    /// The stored values that read as `userID`: its case variants when it is a
    /// lowercase UUID, else itself (an id with uppercase hex that is a UUID reads lowercased, so nothing).
    func spellings(of userID: String) throws -> [String] {
        let bytes = Array(userID.utf8)
        let isUUID = bytes.withUnsafeBufferPointer { IdentifierText.isUUID($0) }
        guard isUUID else { return try exists(bytes, exact: true) ? [userID] : [] }
        guard !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x46 }) else { return [] }
        var found: [String] = []
        try walk(bytes, prefix: [], &found)
        return found
    }

    /// Extends `prefix` with `id`'s next characters, branching on each hex letter's case.
    private func walk(_ id: [UInt8], prefix: [UInt8], _ found: inout [String]) throws {
        var prefix = prefix
        while prefix.count < id.count, !(id[prefix.count] >= 0x61 && id[prefix.count] <= 0x66) {
            prefix.append(id[prefix.count])
        }
        guard prefix.count < id.count else {
            if try exists(prefix, exact: true) { found.append(String(decoding: prefix, as: UTF8.self)) }
            return
        }
        let letter = id[prefix.count]
        for variant in [letter, letter - 0x20] where try exists(prefix + [variant], exact: false) {
            try walk(id, prefix: prefix + [variant], &found)
        }
    }

    /// Whether a stored `user_id` equals `bytes` (`exact`) or starts with them.
    private func exists(_ bytes: [UInt8], exact: Bool) throws -> Bool {
        let sql = exact ? "SELECT 1 \(from) WHERE user_id = ?1 LIMIT 1" : "SELECT 1 \(from) WHERE user_id >= ?1 AND user_id < ?2 LIMIT 1"
        return try connection.withStatement(sql) { statement in
            statement.bind(1, bytes)
            if !exact {
                var upper = bytes
                upper[upper.count - 1] += 1
                statement.bind(2, upper)
            }
            let rc = statement.step()
            guard rc == SQLITE_ROW || rc == SQLITE_DONE else { throw connection.failure(rc) }
            return rc == SQLITE_ROW
        }
    }
}
