import CSQLite3

/// A read-write SQLite connection for the ledger, with the few calls it needs.
///
/// (The history reader's connection is read-only and lives in Input; the ledger is an output.)
final class LedgerDatabase {
    let handle: OpaquePointer
    /// The file, for messages.
    let path: String

    /// Opens (creating when `create`) the database at `path`.
    ///
    /// - Throws: `TallyError.cannotOpen` (66), or `cannotWrite` (73) when it cannot be created.
    init(path: String, create: Bool, busyMilliseconds: Int32) throws {
        var db: OpaquePointer?
        let flags = (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            if create { throw TallyError.cannotWrite(path: path, message: "cannot open the ledger: \(message)") }
            throw TallyError.cannotOpen(file: path, message: "cannot open the ledger: \(message)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyMilliseconds)
        sqlite3_extended_result_codes(db, 1)
    }

    /// Prepared statements by their text, reused (a ledger write runs the same few millions of times).
    private var statements: [String: OpaquePointer] = [:]
    /// Statements being stepped now: a nested use of one gets a statement of its own.
    private var busy: Set<String> = []

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw failure(rc) }
    }

    /// Prepares `sql`, binds `arguments` (text, integer or nil), and calls `row` for each result row
    /// until it returns false.
    func query(_ sql: String, _ arguments: [LedgerValue] = [], row: (LedgerRow) throws -> Bool = { _ in true }) throws {
        let shared = !busy.contains(sql)
        var raw = shared ? statements[sql] : nil
        if raw == nil {
            let rc = sqlite3_prepare_v2(handle, sql, -1, &raw, nil)
            guard rc == SQLITE_OK, raw != nil else { throw failure(rc) }
            if shared { statements[sql] = raw }
        }
        guard let raw else { throw failure(SQLITE_ERROR) }
        if shared { busy.insert(sql) }
        defer {
            if shared {
                sqlite3_reset(raw)
                sqlite3_clear_bindings(raw)
                busy.remove(sql)
            } else {
                sqlite3_finalize(raw)
            }
        }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch argument {
            case .text(let text?): sqlite3_bind_text(raw, position, text, -1, ledgerTransient)
            case .text(nil): sqlite3_bind_null(raw, position)
            case .integer(let value): sqlite3_bind_int64(raw, position, value)
            }
        }
        while true {
            let step = sqlite3_step(raw)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw failure(step) }
            if try !row(LedgerRow(raw: raw)) { return }
        }
    }

    /// The error for a failed call: busy is another run (73), read-only or full disks are 73, the rest 65/66.
    func failure(_ rc: Int32) -> TallyError {
        let detail = String(cString: sqlite3_errmsg(handle))
        switch rc & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .cannotWrite(path: path, message: "the ledger is in use by another tally run; try again when it has finished")
        case SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM:
            return .cannotWrite(path: path, message: "cannot write the ledger: \(detail)")
        case SQLITE_NOTADB:
            return .cannotOpen(file: path, message: "not a ledger (not a SQLite database)")
        case SQLITE_CONSTRAINT:
            return .badData(file: path, location: nil, message: "the ledger refused a change: \(detail)")
        default:
            return .badData(file: path, location: nil, message: "ledger error: \(detail)")
        }
    }
}

/// A value bound to a statement.
enum LedgerValue {
    case text(String?)
    case integer(Int64)
}

/// The current row of a query.
struct LedgerRow {
    let raw: OpaquePointer

    func text(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(raw, column) else { return nil }
        return String(cString: text)
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(raw, column) }
}

/// SQLite's `SQLITE_TRANSIENT`: it copies bound text before the call returns.
nonisolated(unsafe) let ledgerTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
