import CSQLite3

/// Finds each document's job with one prepared point SELECT
/// (`SQLiteSchema.jobLookupSQL`) on the documents scan's own connection, so
/// inside the same read transaction, instead of joining `jobs` into the scan.
///
/// A document with the previous document's job id reuses its context; other
/// recently resolved ids (found or not) come from a `JobContextCache`; only the
/// rest run the SELECT. The measured join cost 2.6 CPU-s per 1M jobs: it looked
/// the job up again for each of a job's ~3.3 documents.
final class SQLiteJobLookup {
    private let statement: SQLiteStatement
    private var cache: JobContextCache
    private var previousType = SQLITE_NULL
    private var previousBytes: [UInt8] = []
    private var previousContext: JobContext?
    /// How many times the SELECT ran (tests check the cache with it).
    private(set) var queries = 0

    /// Prepares `sql` (one `?1` parameter, the job id) on `connection`.
    ///
    /// - Throws: `TallyError.cannotOpen` when SQLite cannot prepare it.
    init(_ connection: SQLiteConnection, sql: String, cacheCapacity: Int) throws {
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else {
            sqlite3_finalize(raw)
            throw connection.failure(rc)
        }
        self.statement = SQLiteStatement(raw)
        self.cache = JobContextCache(capacity: cacheCapacity)
        previousBytes.reserveCapacity(JobContextCache.maxKeyLength)
    }

    deinit { sqlite3_finalize(statement.raw) }

    /// The context of the job whose id is in `column` of a document row; `nil`
    /// when the id is NULL or names no job. `decode` turns the SELECT's row
    /// (rowid, user_id, status, created_at, started_at, completed_at) into a context.
    ///
    /// - Throws: the SQLite error code when the SELECT fails.
    func context(
        of row: SQLiteStatement, _ column: Int32, decode: (SQLiteStatement) -> JobContext
    ) throws(SQLiteLookupFailure) -> JobContext? {
        // The storage class first: reading a BLOB or number as text converts the cell.
        let type = row.type(column)
        if type == SQLITE_NULL { return nil }
        let bytes = type == SQLITE_BLOB ? Self.blob(row, column) : row.bytes(column)
        if type == previousType, ByteInterner.equal(previousBytes, bytes) { return previousContext }
        let hash = JobContextCache.hash(type: type, bytes)
        let context: JobContext?
        switch cache.find(type: type, bytes, hash: hash) {
        case .known(let known):
            context = known
        case .unknown:
            context = try query(row, column, type, bytes, decode)
            cache.insert(type: type, bytes, hash: hash, context: context)
        }
        previousType = type
        previousBytes.removeAll(keepingCapacity: true)
        previousBytes.append(contentsOf: bytes)
        previousContext = context
        return context
    }

    /// Runs the SELECT with the id bound with its storage class, so it compares as the join compared it.
    private func query(
        _ row: SQLiteStatement, _ column: Int32, _ type: Int32, _ bytes: UnsafeBufferPointer<UInt8>,
        _ decode: (SQLiteStatement) -> JobContext
    ) throws(SQLiteLookupFailure) -> JobContext? {
        queries += 1
        let raw = statement.raw
        defer { sqlite3_reset(raw) }
        switch type {
        case SQLITE_INTEGER: sqlite3_bind_int64(raw, 1, row.int64(column))
        case SQLITE_FLOAT: sqlite3_bind_double(raw, 1, row.double(column))
        case SQLITE_BLOB: sqlite3_bind_blob(raw, 1, bytes.baseAddress, Int32(bytes.count), Self.transient)
        default: sqlite3_bind_value(raw, 1, sqlite3_column_value(row.raw, column))
        }
        switch statement.step() {
        case SQLITE_ROW: return decode(statement)
        case SQLITE_DONE: return nil
        case let rc: throw SQLiteLookupFailure(code: rc)
        }
    }

    private static func blob(_ row: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        let count = Int(sqlite3_column_bytes(row.raw, column))
        guard let base = sqlite3_column_blob(row.raw, column), count > 0 else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A job lookup's SELECT failed with this SQLite result code.
struct SQLiteLookupFailure: Error {
    var code: Int32
}
