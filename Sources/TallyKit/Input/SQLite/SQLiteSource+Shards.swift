import CSQLite3

extension SQLiteSource {
    /// Splits the jobs and documents scans into `count` equal rowid ranges, each
    /// read by its own connection in its own read transaction; the first shard also
    /// reads `users`.
    ///
    /// The first range starts at the smallest possible rowid and the last ends at
    /// the largest, so the shards together cover every row, including rows added
    /// after the split.
    ///
    /// Limitation: the shards cannot share one snapshot. That needs
    /// `sqlite3_snapshot_get` / `sqlite3_snapshot_open`, which exist only in builds
    /// with `SQLITE_ENABLE_SNAPSHOT`, and Debian's libsqlite3 3.40.1 is built
    /// without it (the symbols are absent from `libsqlite3.so.0`). Each shard is
    /// consistent in itself; when a service commits to the file while shards run,
    /// two shards may see different commits. On a file nobody writes to, the
    /// shards read exactly what one pass reads.
    ///
    /// - Throws: what `read` throws when the file cannot be opened or is not a history.
    package func shards(_ count: Int) throws -> [any HistorySource] {
        guard count > 1 else { return [self] }
        let connection = try SQLiteConnection(path: path, name: name, busyTimeout: busyTimeout)
        let (jobs, documents) = try connection.inReadTransaction {
            let schema = try SQLiteSchema(connection)
            let jobs = try Self.rowidBounds(of: "jobs", connection)
            let documents = schema.documents == nil ? nil : try Self.rowidBounds(of: "documents", connection)
            return (jobs, documents)
        }
        let widest = max(Self.width(jobs), Self.width(documents))
        let n = Int(min(UInt64(count), max(widest, 1)))
        let jobRanges = Self.split(jobs, into: n)
        let documentRanges = Self.split(documents, into: n)
        return (0..<n).map { i in
            var shard = self
            shard.jobRows = jobRanges[i]
            shard.documentRows = documentRanges[i]
            shard.readsUsers = i == 0
            return shard
        }
    }

    /// The smallest and largest rowid of a table, `nil` when it is empty.
    ///
    /// Two subqueries: SQLite answers a lone `min(rowid)` or `max(rowid)` from
    /// the b-tree's ends, but `min(rowid), max(rowid)` together scan the table.
    private static func rowidBounds(of table: String, _ connection: SQLiteConnection) throws -> ClosedRange<Int64>? {
        try connection.withStatement("SELECT (SELECT min(rowid) FROM \(table)), (SELECT max(rowid) FROM \(table))") { statement in
            let rc = statement.step()
            guard rc == SQLITE_ROW else { throw connection.failure(rc) }
            guard statement.type(0) == SQLITE_INTEGER else { return nil }
            return statement.int64(0)...statement.int64(1)
        }
    }

    private static func width(_ bounds: ClosedRange<Int64>?) -> UInt64 {
        guard let bounds else { return 0 }
        return UInt64(bitPattern: bounds.upperBound &- bounds.lowerBound) &+ 1
    }

    /// `n` consecutive ranges of equal width over `bounds`, the outer ones open-ended.
    /// An empty table gives its whole rowid space to the first shard and nothing to the others.
    static func split(_ bounds: ClosedRange<Int64>?, into n: Int) -> [ClosedRange<Int64>?] {
        guard let bounds else { return [Int64.min...Int64.max] + Array(repeating: nil, count: n - 1) }
        let step = max(width(bounds) / UInt64(n), 1)
        var ranges: [ClosedRange<Int64>?] = []
        var lower = Int64.min
        for i in 1...n {
            if i == n {
                ranges.append(lower...Int64.max)
            } else {
                let next = bounds.lowerBound &+ Int64(bitPattern: step &* UInt64(i))
                ranges.append(lower <= next - 1 ? lower...(next - 1) : nil)
                lower = max(lower, next)
            }
        }
        return ranges
    }
}
