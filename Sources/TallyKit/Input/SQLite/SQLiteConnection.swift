import CSQLite3

/// A read-only connection to a history database, closed when released.
///
/// Opened with `SQLITE_OPEN_NOMUTEX` (Debian's libsqlite3 otherwise takes a mutex
/// on every column read): a connection is used by one thread at a time.
final class SQLiteConnection {
    let handle: OpaquePointer
    /// The source's name, for messages.
    let name: String
    /// How long a read waits for a writer's lock before giving up.
    let busyTimeout: Duration

    /// Opens `path` read-only with a busy timeout.
    ///
    /// - Throws: `TallyError.cannotOpen` when SQLite cannot open the file.
    init(path: String, name: String, busyTimeout: Duration) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw TallyError.cannotOpen(file: name, message: "cannot open SQLite database: \(message)")
        }
        self.handle = db
        self.name = name
        self.busyTimeout = busyTimeout
        sqlite3_busy_timeout(db, Int32(clamping: Self.milliseconds(busyTimeout)))
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs `body` inside one read transaction, so every SELECT sees one snapshot.
    func inReadTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    /// Runs a statement that returns no rows.
    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw failure(rc) }
    }

    /// Prepares `sql`, hands the statement to `body`, then finalizes it.
    func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &raw, nil)
        guard rc == SQLITE_OK, let raw else { throw failure(rc) }
        defer { sqlite3_finalize(raw) }
        return try body(SQLiteStatement(raw))
    }

    /// The error for a failed call, with `table` and the last `rowid` read when a scan broke.
    func failure(_ rc: Int32, table: String? = nil, after rowid: Int64? = nil) -> TallyError {
        let detail = String(cString: sqlite3_errmsg(handle))
        switch rc & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .cannotOpen(
                file: name, message: "database is locked by another process (waited \(Self.describe(busyTimeout)))")
        case SQLITE_NOTADB:
            return .cannotOpen(file: name, message: "not a SQLite database, or an encrypted one (\(detail))")
        case SQLITE_CORRUPT where table == nil:
            // A SQLite file by its header (its magic and SQLite's own checks): a broken page is bad data.
            return .badData(file: name, location: nil, message: "corrupt SQLite database (\(detail))")
        case SQLITE_CORRUPT:
            return .badData(
                file: name, location: Self.position(table, rowid),
                message: "corrupt SQLite database: the rest of the table cannot be read (\(detail))")
        default:
            guard let table else { return .cannotOpen(file: name, message: "SQLite error: \(detail)") }
            return .badData(file: name, location: Self.position(table, rowid), message: "SQLite error: \(detail)")
        }
    }

    private static func position(_ table: String?, _ rowid: Int64?) -> String {
        let table = table ?? "?"
        return rowid.map { "\(table) after rowid \($0)" } ?? "\(table) before the first row"
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    /// `5 s`, `0.25 s`.
    static func describe(_ duration: Duration) -> String {
        let ms = milliseconds(duration)
        if ms % 1000 == 0 { return "\(ms / 1000) s" }
        var fraction = String(ms % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(ms / 1000).\(fraction) s"
    }
}

/// A prepared statement being stepped; valid only inside `withStatement`.
struct SQLiteStatement {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) { self.raw = raw }

    /// Binds an integer parameter (numbered from 1).
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(raw, index, value)
    }

    /// Binds a text parameter (numbered from 1); SQLite copies the bytes.
    func bind(_ index: Int32, _ text: [UInt8]) {
        sqlite3_bind_text(raw, index, text, Int32(text.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    /// Advances; `SQLITE_ROW`, `SQLITE_DONE` or an error code.
    @inline(__always) func step() -> Int32 { sqlite3_step(raw) }

    /// The storage class of a column of the current row.
    @inline(__always) func type(_ column: Int32) -> Int32 { sqlite3_column_type(raw, column) }

    @inline(__always) func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }

    @inline(__always) func double(_ column: Int32) -> Double { sqlite3_column_double(raw, column) }

    /// The column's bytes as text (valid until the next step); empty for NULL.
    @inline(__always) func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(raw, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, column)))
    }

    /// The column's bytes as text (valid until the next step); `nil` for NULL.
    ///
    /// One C call where `type` then `bytes` took three (`sqlite3_column_text`
    /// is NULL only for a NULL cell, or when out of memory).
    @inline(__always) func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(raw, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, column)))
    }

    /// The column as a new string, `nil` for NULL.
    func string(_ column: Int32) -> String? {
        text(column).map { String(decoding: $0, as: UTF8.self) }
    }
}
