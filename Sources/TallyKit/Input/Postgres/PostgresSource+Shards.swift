extension PostgresSource {
    /// Splits `jobs` and `documents` into `count` ranges of table blocks, each
    /// read by its own connection inside the same snapshot; the first shard also
    /// reads `users` (and, for `tally stats --user`, the user's jobs).
    ///
    /// The first range starts at block 0 and the last is open-ended, so together
    /// they cover every row the snapshot sees. A range is a TID range scan
    /// (PostgreSQL 14 and later): each shard reads only its own blocks. Older
    /// servers, and relations without blocks (a view), read as one shard.
    ///
    /// - Throws: `TallyError.cannotOpen` when the table sizes cannot be read.
    package func shards(_ count: Int) throws -> [any HistorySource] {
        let schema = snapshot.schema
        guard count > 1, schema.serverVersion >= 140_000, schema.jobs.hasTIDs else { return [self] }
        let documents = schema.documents.flatMap { $0.hasTIDs ? $0 : nil }
        let (jobBlocks, documentBlocks) = try snapshot.withExporter { connection in
            (try Self.blocks(of: schema.jobs, connection), try documents.map { try Self.blocks(of: $0, connection) } ?? 0)
        }
        let n = Int(min(Int64(count), max(jobBlocks, documentBlocks, 1)))
        guard n > 1 else { return [self] }
        let jobRanges = Self.split(jobBlocks, into: n)
        let documentRanges: [BlockRange?] =
            documents == nil ? [BlockRange.all] + Array(repeating: nil, count: n - 1) : Self.split(documentBlocks, into: n)
        return (0..<n).map { i in
            var shard = self
            shard.jobBlocks = jobRanges[i]
            shard.documentBlocks = documentRanges[i]
            shard.isFirstShard = i == 0
            return shard
        }
    }

    /// The number of blocks a table has now (rows the snapshot sees lie in them).
    private static func blocks(of table: PostgresSchema.Table, _ connection: PostgresConnection) throws -> Int64 {
        let sql = "SELECT pg_relation_size($1::regclass) / current_setting('block_size')::bigint"
        return try connection.query(sql, [table.sql]).first?.first.flatMap { $0.flatMap { Int64($0) } } ?? 0
    }

    /// `n` consecutive block ranges over `blocks` blocks, the first from block 0
    /// and the last open-ended.
    static func split(_ blocks: Int64, into n: Int) -> [BlockRange?] {
        let bounds = (0...n).map { blocks * Int64($0) / Int64(n) }
        return (0..<n).map { i in
            BlockRange(from: i == 0 ? nil : bounds[i], to: i == n - 1 ? nil : bounds[i + 1])
        }
    }
}
