#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CSQLite3

/// Finds each document's job on the documents scan's own connection (so inside
/// its read transaction) instead of joining `jobs` into the scan.
///
/// A document with the previous document's job id reuses its context; other
/// recently seen ids (found or not) come from a `JobContextCache`. The rest are
/// read ahead in rowid order from where the last job was found (jobs and their
/// documents are written together, so the next job is usually the one wanted),
/// up to `readAhead` rows; only then does a point SELECT look the id up. A point
/// SELECT costs ~10k instructions (step and reset), a job read in rowid order
/// ~1k; the join probed `jobs` again for each of a job's ~3.3 documents.
struct SQLiteJobLookup {
    private let statements: SQLiteJobStatements
    private var cache: JobContextCache
    private var decoder: JobContextDecoder
    private var previousType = SQLITE_NULL
    private var previousBytes: [UInt8] = []
    private var previousContext: JobContext?
    /// Whether the rowid-order SELECT has a row to step to.
    private var reading = false
    /// How many rows one miss reads ahead before the point SELECT.
    private let readAhead: Int

    /// Prepares the lookups for a database with `schema` (which `looksUpJobs`).
    ///
    /// Reading ahead needs `jobs.id` unique: the first match in rowid order is
    /// then the only one. Otherwise every miss runs the point SELECT, which
    /// picks the largest rowid.
    ///
    /// - Throws: `TallyError.cannotOpen` when SQLite cannot prepare them.
    init(_ connection: SQLiteConnection, schema: SQLiteSchema, options: ReadOptions, cacheCapacity: Int) throws {
        self.statements = try SQLiteJobStatements(
            connection, point: schema.jobLookupSQL(), sequential: schema.jobIDIsUnique ? schema.jobsInOrderSQL() : nil)
        self.cache = JobContextCache(capacity: cacheCapacity)
        self.decoder = JobContextDecoder(schema: schema, options: options)
        self.readAhead = max(1, min(64, cacheCapacity / 2))
        previousBytes.reserveCapacity(JobContextCache.maxKeyLength)
    }

    /// The context of the job whose id is in `column` of a document row; `nil`
    /// when the id is NULL or names no job.
    ///
    /// - Throws: the SQLite error code when a SELECT fails.
    mutating func context(of row: SQLiteStatement, _ column: Int32) throws(SQLiteLookupFailure) -> JobContext? {
        // The storage class first: reading a number as text converts the cell.
        let type = row.type(column)
        if type == SQLITE_NULL { return nil }
        // A REAL's text does not tell every double apart: looked up each time (no history has them).
        if type == SQLITE_FLOAT { return try pointLookup(row, column, type, UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = Self.key(row, column, type)
        if type == previousType, ByteInterner.equal(previousBytes, bytes) { return previousContext }
        let context = try resolve(row, column, type, bytes)
        previousType = type
        previousBytes.removeAll(keepingCapacity: true)
        previousBytes.append(contentsOf: bytes)
        previousContext = context
        return context
    }

    private mutating func resolve(
        _ row: SQLiteStatement, _ column: Int32, _ type: Int32, _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(SQLiteLookupFailure) -> JobContext? {
        let hash = JobContextCache.hash(type: type, bytes)
        if case .known(let context) = cache.find(type: type, bytes, hash: hash) { return context }
        if let found = try readAhead(type, bytes, hash) { return found }
        let context = try pointLookup(row, column, type, bytes)
        cache.insert(type: type, bytes, hash: hash, context: context)
        return context
    }

    /// Steps the rowid-order SELECT up to `readAhead` rows, remembering each job, until one has the id.
    private mutating func readAhead(_ type: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt64)
        throws(SQLiteLookupFailure) -> JobContext?
    {
        guard reading, let sequential = statements.sequential else { return nil }
        for _ in 0..<readAhead {
            switch sequential.step() {
            case SQLITE_ROW: break
            case SQLITE_DONE:
                reading = false
                return nil
            case let rc: throw SQLiteLookupFailure(code: rc)
            }
            let idType = sequential.type(SQLiteJobStatements.id)
            guard idType != SQLITE_NULL, idType != SQLITE_FLOAT else { continue }  // never a cache key
            let id = Self.key(sequential, SQLiteJobStatements.id, idType)
            let idHash = JobContextCache.hash(type: idType, id)
            guard case .unknown = cache.find(type: idType, id, hash: idHash) else { continue }
            let context = decoder.context(sequential)
            cache.insert(type: idType, id, hash: idHash, context: context)
            if idHash == hash, idType == type, Self.equal(id, bytes) { return context }
        }
        return nil
    }

    /// Runs the point SELECT with the id bound with its storage class, so it
    /// compares as the join compared it; a found job restarts reading ahead after it.
    private mutating func pointLookup(
        _ row: SQLiteStatement, _ column: Int32, _ type: Int32, _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(SQLiteLookupFailure) -> JobContext? {
        let point = statements.point
        defer { sqlite3_reset(point.raw) }
        switch type {
        case SQLITE_INTEGER: sqlite3_bind_int64(point.raw, 1, row.int64(column))
        case SQLITE_FLOAT: sqlite3_bind_double(point.raw, 1, row.double(column))
        // The bytes outlive the step (the document row stays put), so SQLite need not copy them;
        // a nil pointer would bind NULL, so an empty value binds a zero-length one.
        case SQLITE_BLOB where bytes.isEmpty: sqlite3_bind_zeroblob(point.raw, 1, 0)
        case SQLITE_BLOB: sqlite3_bind_blob(point.raw, 1, bytes.baseAddress, Int32(bytes.count), nil)
        case _ where bytes.isEmpty: sqlite3_bind_text(point.raw, 1, "", 0, Self.transient)
        default:
            let text = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(point.raw, 1, text, Int32(bytes.count), nil)
        }
        switch point.step() {
        case SQLITE_ROW:
            if let sequential = statements.sequential {
                sqlite3_reset(sequential.raw)
                sequential.bind(1, point.int64(0) &+ 1)
                reading = point.int64(0) < Int64.max
            }
            return decoder.context(point)
        case SQLITE_DONE:
            return nil
        case let rc:
            throw SQLiteLookupFailure(code: rc)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    @inline(__always) private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// A cell's bytes as a cache key: a BLOB's own bytes, an INTEGER or TEXT as text.
    private static func key(_ row: SQLiteStatement, _ column: Int32, _ type: Int32) -> UnsafeBufferPointer<UInt8> {
        guard type == SQLITE_BLOB else { return row.bytes(column) }
        let count = Int(sqlite3_column_bytes(row.raw, column))
        guard let base = sqlite3_column_blob(row.raw, column), count > 0 else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }
}

/// The prepared SELECTs of a `SQLiteJobLookup`, finalized with it.
final class SQLiteJobStatements {
    /// One job by id (`?1`): rowid, user_id, status, created_at, started_at, completed_at.
    let point: SQLiteStatement
    /// Jobs from rowid `?1` on, in rowid order: the same columns, then `id`.
    let sequential: SQLiteStatement?
    /// The `id` column of `sequential`.
    static let id: Int32 = 6

    init(_ connection: SQLiteConnection, point: String, sequential: String?) throws {
        self.point = try Self.prepare(point, connection)
        do {
            self.sequential = try sequential.map { try Self.prepare($0, connection) }
        } catch {
            sqlite3_finalize(self.point.raw)
            throw error
        }
    }

    deinit {
        sqlite3_finalize(point.raw)
        if let sequential { sqlite3_finalize(sequential.raw) }
    }

    private static func prepare(_ sql: String, _ connection: SQLiteConnection) throws -> SQLiteStatement {
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else {
            sqlite3_finalize(raw)
            throw connection.failure(rc)
        }
        return SQLiteStatement(raw)
    }
}

/// A job lookup's SELECT failed with this SQLite result code.
struct SQLiteLookupFailure: Error {
    var code: Int32
}
