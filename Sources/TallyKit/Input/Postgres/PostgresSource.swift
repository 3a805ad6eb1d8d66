/// A history in the service's own PostgreSQL database, read live through libpq.
///
/// Every read of one source value (and of its shards) sees one snapshot
/// (`PostgresSnapshot`); rows stream with binary `COPY (SELECT ...) TO STDOUT`,
/// one row in memory at a time. Shards are ranges of table blocks (TID range
/// scans). `tally stats --user` reads only that user's jobs through the
/// `jobs(user_id)` index (`PostgresSchema.userJobsSelect`). Only `jobs` (with
/// `id` and `created_at`) is required.
package struct PostgresSource: HistorySource {
    /// The snapshot every read of this source and its shards shares.
    let snapshot: PostgresSnapshot
    /// The blocks of `jobs` this value reads (`nil`: none).
    var jobBlocks: BlockRange? = .all
    /// The blocks of `documents` this value reads (`nil`: none).
    var documentBlocks: BlockRange? = .all
    /// Whether this value reads `users` and the one-user jobs (only the first shard does).
    var isFirstShard = true

    /// Connects and takes the snapshot the run will read.
    ///
    /// - Throws: `TallyError.cannotOpen` (exit 66) when the database cannot be
    ///   reached, refuses the role, or has no `jobs` table; the message never holds a password.
    package init(_ address: PostgresAddress) throws {
        snapshot = try PostgresSnapshot(address)
    }

    /// The address without its password.
    package var name: String { snapshot.address.displayName }

    /// `postgresql`, in the report's sources section.
    package var formatName: String { "postgresql" }

    /// False when `jobs.id` and `documents.id` are primary keys (or unique), as upstream.
    package var idsMayRepeat: Bool { !snapshot.schema.idsAreUnique }

    /// Reads users, then jobs, then documents, of the kinds asked for, on one
    /// connection inside the snapshot (none when this shard has nothing to read).
    ///
    /// - Throws: `TallyError.cannotOpen` when a table cannot be read (no
    ///   privilege) or the read breaks off; `badData` for COPY data out of format.
    package func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        let schema = snapshot.schema
        var selects: [(select: PostgresSelect, table: String, kind: RecordKind)] = []
        if options.kinds.contains(.user), isFirstShard, schema.users != nil {
            selects.append((schema.usersSelect(), "users", .user))
        }
        // One user's jobs: narrowed on the connection that streams them (`newestJobsBound`), so inside the snapshot.
        var userJobs: JobOwnerFilter?
        if options.kinds.contains(.job) {
            if let filter = options.onlyJobsFor, schema.userJobsSelect(filter, details: options.jobDetails) != nil {
                if isFirstShard { userJobs = filter }
            } else if let blocks = jobBlocks {
                let condition = Self.conjunction(blocks.condition("j"), options.onlySkippedRows ? schema.usableJobCondition : nil)
                selects.append((schema.jobsSelect(details: options.jobDetails, where: condition), "jobs", .job))
            }
        }
        if options.kinds.contains(.document), schema.documents != nil, let blocks = documentBlocks {
            let skipped = options.onlySkippedRows ? schema.usableDocumentCondition : nil
            let select = schema.documentsSelect(details: options.documentDetails, where: Self.conjunction(blocks.condition("d"), skipped))
            selects.append((select, "documents", .document))
        }
        guard !selects.isEmpty || userJobs != nil else { return }
        try snapshot.withConnection { connection in
            for (select, table, kind) in selects where kind == .user {
                try stream(connection, select, table: table, kind: kind, options, &visitor)
            }
            if let filter = userJobs { try streamUserJobs(filter, connection, options, &visitor) }
            for (select, table, kind) in selects where kind != .user {
                try stream(connection, select, table: table, kind: kind, options, &visitor)
            }
        }
    }

    /// `range AND NOT usable` (usable NULL counts as not usable): the rows a read would skip in the range.
    private static func conjunction(_ range: String?, _ usable: String?) -> String? {
        guard let usable else { return range }
        let skipped = "NOT COALESCE(\(usable), false)"
        return range.map { "\($0) AND \(skipped)" } ?? skipped
    }

    /// Streams one SELECT, handing each decoded row or skip note to the visitor; returns how many rows came.
    @discardableResult
    func stream(
        _ connection: PostgresConnection, _ select: PostgresSelect, table: String, kind: RecordKind, _ options: ReadOptions,
        _ visitor: inout some RecordVisitor
    ) throws -> Int {
        var decoder = PostgresRowDecoder(select, schema: snapshot.schema, options: options)
        var rows = PostgresCopyStream(fieldCount: select.wires.count)
        let name = self.name
        var count = 0
        try connection.copyOut(select.copy) { message in
            do {
                try rows.rows(in: message) { row in
                    count += 1
                    let location = row.location(source: name, table: table)
                    let decoded: DecodedRow<HistoryRecord>
                    switch kind {
                    case .user: decoded = decoder.user(row)
                    case .job: decoded = decoder.job(row)
                    case .document: decoded = decoder.document(row)
                    }
                    switch consume decoded {
                    case .record(let record):
                        try visitor.visit(record, at: location)
                    case .skip(let reason, let detail):
                        try visitor.skip(SkippedRecord(location: location, kind: kind, reason: reason, detail: detail))
                    }
                }
            } catch let malformed as PostgresCopyStream.Malformed {
                throw TallyError.badData(file: name, location: table, message: "unexpected COPY data: \(malformed.what)")
            }
        }
        return count
    }
}
