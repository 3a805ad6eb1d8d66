import CSQLite3

/// A history in a SQLite file in the upstream schema, read through the C API.
///
/// Each read opens its own read-only connection and reads users, jobs and
/// documents inside one read transaction, so a service writing in WAL mode never
/// gives a torn view. Only `jobs` (with `id` and `created_at`) is required.
package struct SQLiteSource: HistorySource {
    /// The name the user gave the file (a path, or `-`), used in every message.
    package let name: String
    /// The file to open (for `-`, the spooled copy of standard input).
    package let path: String
    /// How long a read waits for a writer's lock (rollback-journal mode) before failing.
    package var busyTimeout: Duration
    /// The rowids of `jobs` this value reads (all of them unless it is a shard; `nil`: none).
    var jobRows: ClosedRange<Int64>? = Int64.min...Int64.max
    /// The rowids of `documents` this value reads (`nil`: none).
    var documentRows: ClosedRange<Int64>? = Int64.min...Int64.max
    /// Whether this value reads the users table (only the first shard does).
    var readsUsers = true
    /// How many recently resolved job ids the documents scan remembers (tests make it small).
    var jobCacheCapacity = 4096
    /// The file when the source was made: a shard that opens another file (one renamed
    /// in its place) fails rather than mix two files' rows.
    let opened: FileSnapshot?
    /// `sqlite`.
    package var formatName: String { "sqlite" }
    /// False: `id` is the primary key of `jobs` and of `documents`.
    package var idsMayRepeat: Bool { false }

    /// Makes a source; nothing is opened until `read`.
    package init(path: String, name: String, busyTimeout: Duration = .seconds(5)) {
        self.path = path
        self.name = name
        self.busyTimeout = busyTimeout
        opened = FileSnapshot(path: path)
    }

    /// Reads users, then jobs, then documents (each in rowid order), of the kinds asked for.
    ///
    /// - Throws: `TallyError.cannotOpen` when the file is not a SQLite history or
    ///   stays locked past `busyTimeout`; `TallyError.badData` when a table breaks mid-scan.
    package func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        let connection = try SQLiteConnection(path: path, name: name, busyTimeout: busyTimeout)
        var watch: SQLiteFileWatch?
        do {
            try read(connection, options, &watch, into: &visitor)
        } catch {
            if let changed = watch?.changed() { throw changed }
            // Failed before the watch began (a file cut or copied over while the schema was
            // read looks like "no jobs table"): the change is the cause to report.
            if watch == nil, let opened, let now = FileSnapshot(path: path), now != opened {
                throw opened.changedError(name, now: now)
            }
            throw error
        }
        if let changed = watch?.changed() { throw changed }
    }

    /// The read itself, in one transaction; `watch` starts once the schema is read.
    private func read(
        _ connection: SQLiteConnection, _ options: ReadOptions, _ watch: inout SQLiteFileWatch?,
        into visitor: inout some RecordVisitor
    ) throws {
        try connection.inReadTransaction {
            let schema = try SQLiteSchema(connection)
            watch = try SQLiteFileWatch(connection, path: path, name: name, opened: opened)
            #if DEBUG
            ReadPause.here("read \(name)")
            #endif
            var decoder = SQLiteRowDecoder(schema: schema, options: options)
            if options.kinds.contains(.user), readsUsers, schema.users != nil {
                try scan(connection, schema.usersSQL(), table: "users", kind: .user, rows: nil, &visitor) {
                    decoder.user($0)
                }
            }
            if options.kinds.contains(.job), let jobRows {
                if let filter = options.onlyJobsFor, let index = try SQLiteUserIndex.find(connection, schema: schema) {
                    // The first shard reads the user's jobs from every rowid; the others read none.
                    if readsUsers {
                        let spellings = try index.spellings(of: filter.userID, connection)
                        let sql = index.jobsSQL(
                            schema, spellings: spellings.count, details: options.jobDetails, anonymous: filter.includesAnonymous)
                        try scan(connection, sql, table: "jobs", kind: .job, bind: { statement in
                            for (i, spelling) in spellings.enumerated() { statement.bind(Int32(i + 1), Array(spelling.utf8)) }
                        }, &visitor) { decoder.job($0) }
                    }
                } else {
                    try scan(connection, schema.jobsSQL(details: options.jobDetails), table: "jobs", kind: .job, rows: jobRows, &visitor) {
                        decoder.job($0)
                    }
                }
            }
            if options.kinds.contains(.document), schema.documents != nil, let documentRows {
                let sql = schema.documentsSQL()
                if schema.looksUpJobs {
                    decoder.jobLookup = try SQLiteJobLookup(
                        connection, schema: schema, options: options, cacheCapacity: jobCacheCapacity)
                }
                try scan(connection, sql, table: "documents", kind: .document, rows: documentRows, &visitor) {
                    (row) throws(SQLiteLookupFailure) in try decoder.document(row)
                }
            }
        }
    }

    /// Steps one SELECT over a rowid range (`?1`, `?2`), handing each decoded row or skip note to the visitor.
    private func scan(
        _ connection: SQLiteConnection, _ sql: String, table: String, kind: RecordKind,
        rows: ClosedRange<Int64>?, _ visitor: inout some RecordVisitor,
        decode: (SQLiteStatement) throws(SQLiteLookupFailure) -> DecodedRow<HistoryRecord>
    ) throws {
        try scan(connection, sql, table: table, kind: kind, bind: { statement in
            if let rows {
                statement.bind(1, rows.lowerBound)
                statement.bind(2, rows.upperBound)
            }
        }, &visitor, decode: decode)
    }

    /// Steps one SELECT with parameters bound by `bind`, handing each decoded row or skip note to the visitor.
    private func scan(
        _ connection: SQLiteConnection, _ sql: String, table: String, kind: RecordKind,
        bind: (SQLiteStatement) -> Void, _ visitor: inout some RecordVisitor,
        decode: (SQLiteStatement) throws(SQLiteLookupFailure) -> DecodedRow<HistoryRecord>
    ) throws {
        try connection.withStatement(sql) { statement in
            bind(statement)
            var last: Int64?
            while true {
                let rc = statement.step()
                if rc == SQLITE_DONE { return }
                guard rc == SQLITE_ROW else { throw connection.failure(rc, table: table, after: last) }
                let rowid = statement.int64(0)
                let location = RecordLocation(source: name, position: .row(table: table, rowid: rowid))
                let decoded: DecodedRow<HistoryRecord>
                do throws(SQLiteLookupFailure) {
                    decoded = try decode(statement)
                } catch {
                    throw connection.failure(error.code, table: table, after: last)
                }
                switch consume decoded {
                case .record(let record):
                    try visitor.visit(record, at: location)
                case .skip(let reason, let detail):
                    try visitor.skip(SkippedRecord(location: location, kind: kind, reason: reason, detail: detail))
                }
                last = rowid
            }
        }
    }
}
