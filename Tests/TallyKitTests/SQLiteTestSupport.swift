import CSQLite3
import Foundation
import Testing

@testable import TallyKit

/// A value bound into a fixture row.
enum SQLiteTestValue: Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByNilLiteral
{
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
    init(floatLiteral value: Double) { self = .real(value) }
    init(nilLiteral: ()) { self = .null }

    /// Text, or NULL for `nil`.
    static func optional(_ text: String?) -> SQLiteTestValue { text.map { .text($0) } ?? .null }
    /// Integer, or NULL for `nil`.
    static func optional(_ number: Int64?) -> SQLiteTestValue { number.map { .integer($0) } ?? .null }
}

/// A writable database for building fixtures with the C API (no `sqlite3` CLI needed).
final class SQLiteTestDatabase {
    let handle: OpaquePointer
    let path: String

    /// Opens (creating) a database at `path`.
    init(path: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw SQLiteTestError(message: "cannot open \(path)")
        }
        self.handle = db
        self.path = path
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw SQLiteTestError(message: message.map { String(cString: $0) } ?? "error in \(sql)")
        }
    }

    /// Runs one statement with `?` parameters bound to `values`.
    func run(_ sql: String, _ values: [SQLiteTestValue]) throws {
        try withStatement(sql, values) { statement in
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw SQLiteTestError(message: String(cString: sqlite3_errmsg(handle)))
            }
        }
    }

    /// The first row of a query with `?` parameters bound to `values`.
    func queryRow(_ sql: String, _ values: [SQLiteTestValue]) throws -> [SQLiteTestValue] {
        try withStatement(sql, values) { statement in
            guard sqlite3_step(statement) == SQLITE_ROW else {
                throw SQLiteTestError(message: String(cString: sqlite3_errmsg(handle)))
            }
            return (0..<sqlite3_column_count(statement)).map { i in
                switch sqlite3_column_type(statement, i) {
                case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, i))
                case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, i))
                case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, i)))
                default: return .null
                }
            }
        }
    }

    private func withStatement<T>(_ sql: String, _ values: [SQLiteTestValue], _ body: (OpaquePointer) throws -> T)
        throws -> T
    {
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
            throw SQLiteTestError(message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in values.enumerated() {
            let i = Int32(offset + 1)
            switch value {
            case .null: sqlite3_bind_null(statement, i)
            case .integer(let n): sqlite3_bind_int64(statement, i, n)
            case .real(let x): sqlite3_bind_double(statement, i, x)
            case .text(let s): sqlite3_bind_text(statement, i, s, -1, transient)
            case .blob(let b): sqlite3_bind_blob(statement, i, b, Int32(b.count), transient)
            }
        }
        return try body(statement)
    }

    /// Inserts one row into `table`, naming its columns.
    func insert(_ table: String, _ row: KeyValuePairs<String, SQLiteTestValue>) throws {
        let names = row.map(\.key).joined(separator: ", ")
        let marks = Array(repeating: "?", count: row.count).joined(separator: ", ")
        try run("INSERT INTO \(table) (\(names)) VALUES (\(marks))", row.map(\.value))
    }
}

/// A fixture that could not be built.
struct SQLiteTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The upstream schema (`history-schema.sql`), as the service's SQLite copies have it.
let historySchemaSQL = """
    CREATE TABLE users (
      id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL,
      full_name TEXT, is_active INTEGER DEFAULT 1, is_verified INTEGER DEFAULT 0,
      created_at TEXT, updated_at TEXT);
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY, user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
      job_type TEXT NOT NULL DEFAULT 'batch', status TEXT NOT NULL DEFAULT 'pending',
      total_documents INTEGER DEFAULT 0, processed_count INTEGER DEFAULT 0,
      failed_count INTEGER DEFAULT 0, config TEXT, error_message TEXT,
      started_at TEXT, completed_at TEXT, created_at TEXT, updated_at TEXT);
    CREATE INDEX idx_jobs_user_id ON jobs(user_id);
    CREATE INDEX idx_jobs_status ON jobs(status);
    CREATE INDEX idx_jobs_created_at ON jobs(created_at);
    CREATE TABLE documents (
      id TEXT PRIMARY KEY, job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE,
      user_id TEXT REFERENCES users(id) ON DELETE SET NULL, title TEXT NOT NULL,
      file_path TEXT NOT NULL, file_source_type TEXT NOT NULL, file_size INTEGER,
      mime_type TEXT, status TEXT NOT NULL DEFAULT 'pending', tags TEXT DEFAULT '[]',
      extracted_text TEXT, processing_metadata TEXT, error_message TEXT,
      processed_at TEXT, created_at TEXT, updated_at TEXT);
    CREATE INDEX idx_documents_job_id ON documents(job_id);
    """

/// Writes a history database in the upstream schema holding exactly these records.
///
/// Timestamps are written in the endpoint's spelling, `config` and
/// `processing_metadata` as JSON text; NOT NULL text columns the records leave
/// `nil` (a document's title, file source) are written as empty strings.
/// `journalMode` is `DELETE` (rollback journal) or `WAL`.
@discardableResult
func makeHistoryDatabase(
    at path: String, jobs: [JobRecord], documents: [DocumentRecord] = [], users: [UserRecord] = [],
    journalMode: String = "DELETE"
) throws -> SQLiteTestDatabase {
    let db = try SQLiteTestDatabase(path: path)
    try db.execute("PRAGMA journal_mode=\(journalMode); PRAGMA foreign_keys=OFF;")
    try db.execute(historySchemaSQL)
    try db.execute("BEGIN")
    for user in users {
        try db.insert(
            "users",
            [
                "id": .text(user.id), "email": .text(user.email ?? "\(user.id)@invalid"), "password_hash": "x",
                "full_name": .optional(user.fullName), "is_active": .optional(user.isActive.map { $0 ? 1 : 0 }),
            ])
    }
    for job in jobs { try insertJob(job, into: db) }
    for document in documents { try insertDocument(document, into: db) }
    try db.execute("COMMIT")
    return db
}

/// Inserts a job record as the upstream service stores it.
func insertJob(_ job: JobRecord, into db: SQLiteTestDatabase) throws {
    try db.insert(
        "jobs",
        [
            "id": .text(job.id), "user_id": .optional(job.userID), "job_type": .text(job.jobType),
            "status": .text(job.status), "total_documents": .integer(job.totalDocuments),
            "processed_count": .integer(job.processedCount), "failed_count": .integer(job.failedCount),
            "config": .optional(try job.modelName.map { try jsonText(["model_name": $0]) }),
            "error_message": .optional(job.errorMessage), "started_at": .optional(job.startedAt?.apiString),
            "completed_at": .optional(job.completedAt?.apiString), "created_at": .text(job.createdAt.apiString),
            "updated_at": .optional(job.updatedAt?.apiString),
        ])
}

/// Inserts a document record as the upstream service stores it (its `job` context is ignored).
func insertDocument(_ document: DocumentRecord, into db: SQLiteTestDatabase) throws {
    var metadata: [String: Any] = [:]
    metadata["processing_time"] = document.processingTime
    metadata["tokens_used"] = document.tokensUsed
    metadata["extraction_method"] = document.extractionMethod
    try db.insert(
        "documents",
        [
            "id": .text(document.id), "job_id": .optional(document.jobID), "user_id": .optional(document.userID),
            "title": .text(document.title ?? ""), "file_path": "/uploads/x.pdf",
            "file_source_type": .text(document.fileSourceType ?? ""), "file_size": .optional(document.fileSize),
            "mime_type": .optional(document.mimeType), "status": .text(document.status),
            "processing_metadata": .optional(metadata.isEmpty ? nil : try jsonText(metadata)),
            "error_message": .optional(document.errorMessage),
            "processed_at": .optional(document.processedAt?.apiString),
            "created_at": .optional(document.createdAt?.apiString),
        ])
}

private func jsonText(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}

/// A new empty directory under the system temporary directory.
func makeSQLiteTestDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "tally-sqlite-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Collects what a source delivers, in order.
struct SQLiteCollector: RecordVisitor {
    var records: [HistoryRecord] = []
    var locations: [RecordLocation] = []
    var skipped: [SkippedRecord] = []

    var jobs: [JobRecord] { records.compactMap { if case .job(let j) = $0 { j } else { nil } } }
    var documents: [DocumentRecord] { records.compactMap { if case .document(let d) = $0 { d } else { nil } } }
    var users: [UserRecord] { records.compactMap { if case .user(let u) = $0 { u } else { nil } } }

    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws {
        records.append(record)
        locations.append(location)
    }

    mutating func skip(_ skipped: SkippedRecord) throws { self.skipped.append(skipped) }
}

/// Reads a source completely into a collector.
func collect(_ source: some HistorySource, _ options: ReadOptions = ReadOptions()) throws -> SQLiteCollector {
    var collector = SQLiteCollector()
    try source.read(options, into: &collector)
    return collector
}
