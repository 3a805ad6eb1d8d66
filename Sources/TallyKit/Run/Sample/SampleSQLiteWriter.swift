import CSQLite3

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `history.sqlite`: the upstream schema filled through the C API in one transaction.
///
/// Journal and syncing are off while generating (the file is a temporary one
/// until the rename); at the end the indexes are built, the journal mode is
/// set back to `DELETE`, small files are vacuumed, and the file is renamed into place.
final class SampleSQLiteWriter: SampleWriter {
    private let path: String
    private let temporaryPath: String
    private let vacuum: Bool
    private var db: OpaquePointer?
    private var userStatement: OpaquePointer?
    private var jobStatement: OpaquePointer?
    private var documentStatement: OpaquePointer?
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String, vacuum: Bool) throws {
        self.path = path
        self.vacuum = vacuum
        temporaryPath = SampleFile.temporaryPath(for: path)
        unlink(temporaryPath)
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(temporaryPath, &db, flags, nil) == SQLITE_OK else { throw failure() }
        for pragma in ["journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", "cache_size=-524288"] {
            try execute("PRAGMA \(pragma)")
        }
        for table in SampleSQLiteSchema.tables { try execute(table) }
        try execute("BEGIN")
        userStatement = try prepare(SampleSQLiteSchema.insertUser)
        jobStatement = try prepare(SampleSQLiteSchema.insertJob)
        documentStatement = try prepare(SampleSQLiteSchema.insertDocument)
    }

    deinit {
        let unfinished = db != nil
        closeAll()
        if unfinished { unlink(temporaryPath) }
    }

    func begin(users: [SampleUserRow]) throws {
        let s = userStatement
        for user in users {
            bind(s, 1, user.id)
            bind(s, 2, user.email)
            bind(s, 3, user.passwordHash)
            bind(s, 4, user.fullName)
            sqlite3_bind_int64(s, 5, user.isActive ? 1 : 0)
            sqlite3_bind_int64(s, 6, user.isVerified ? 1 : 0)
            bind(s, 7, user.createdAt)
            bind(s, 8, user.updatedAt)
            try step(s)
        }
    }

    func write(job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?) throws {
        let s = jobStatement
        bind(s, 1, job.id)
        bind(s, 2, job.userID)
        bind(s, 3, job.jobType)
        bind(s, 4, job.status)
        sqlite3_bind_int64(s, 5, Int64(job.totalDocuments))
        sqlite3_bind_int64(s, 6, Int64(job.processedCount))
        sqlite3_bind_int64(s, 7, Int64(job.failedCount))
        bind(s, 8, job.config)
        bind(s, 9, job.errorMessage)
        bind(s, 10, job.startedAt)
        bind(s, 11, job.completedAt)
        bind(s, 12, job.createdAt)
        bind(s, 13, job.updatedAt)
        try step(s)
        for document in documents ?? [] { try write(document: document) }
    }

    private func write(document d: SampleDocumentRow) throws {
        let s = documentStatement
        bind(s, 1, d.id)
        bind(s, 2, d.jobID)
        bind(s, 3, d.userID)
        bind(s, 4, d.title)
        bind(s, 5, d.filePath)
        bind(s, 6, d.fileSourceType)
        sqlite3_bind_int64(s, 7, Int64(d.fileSize))
        bind(s, 8, d.mimeType)
        bind(s, 9, d.status)
        bind(s, 10, d.tags)
        sqlite3_bind_null(s, 11)
        bind(s, 12, d.metadata)
        bind(s, 13, d.errorMessage)
        bind(s, 14, d.processedAt)
        bind(s, 15, d.createdAt)
        bind(s, 16, d.updatedAt)
        try step(s)
    }

    func finish() throws {
        for statement in [userStatement, jobStatement, documentStatement] { sqlite3_finalize(statement) }
        (userStatement, jobStatement, documentStatement) = (nil, nil, nil)
        for index in SampleSQLiteSchema.indexes { try execute(index) }
        try execute("COMMIT")
        try execute("PRAGMA locking_mode=NORMAL")
        try execute("PRAGMA journal_mode=DELETE")
        try execute("PRAGMA synchronous=FULL")
        if vacuum { try execute("VACUUM") }
        guard sqlite3_close_v2(db) == SQLITE_OK else { throw failure() }
        db = nil
        try SampleFile.rename(temporaryPath, to: path)
    }

    @inline(__always)
    private func bind(_ statement: OpaquePointer?, _ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(statement, index, "", 0, Self.transient)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                _ = sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
            }
        }
    }

    @inline(__always)
    private func step(_ statement: OpaquePointer?) throws {
        let status = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard status == SQLITE_DONE else { throw failure() }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw failure() }
        return statement
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
    }

    private func failure() -> TallyError {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
        return .cannotWrite(path: path, message: "SQLite: \(message)")
    }

    private func closeAll() {
        for statement in [userStatement, jobStatement, documentStatement] { sqlite3_finalize(statement) }
        if let db { sqlite3_close_v2(db) }
    }
}
