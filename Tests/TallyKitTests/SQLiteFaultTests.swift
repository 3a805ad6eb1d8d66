import Foundation
import Testing

@testable import TallyKit

@Suite struct SQLiteFaultTests {
    static func job(_ i: Int, note: String? = nil) -> JobRecord {
        JobRecord(
            id: "job-\(i)", userID: "u\(i % 7)", status: i % 3 == 0 ? "failed" : "completed",
            totalDocuments: Int64(i), errorMessage: note, createdAt: Instant(seconds: 1_700_000_000 + Int64(i)))
    }

    /// The error a read throws, or `nil` when it succeeds.
    static func readError(_ source: SQLiteSource) -> TallyError? {
        do {
            _ = try collect(source)
            return nil
        } catch {
            return error as? TallyError
        }
    }

    @Test func aDatabaseWithoutJobsIsNotAHistory() throws {
        let dir = try makeSQLiteTestDirectory()
        try SQLiteTestDatabase(path: dir + "/h.db").execute("CREATE TABLE users (id TEXT)")
        #expect(
            Self.readError(SQLiteSource(path: dir + "/h.db", name: "h.db"))
                == .cannotOpen(file: "h.db", message: "not a history: no jobs table"))
        try SQLiteTestDatabase(path: dir + "/j.db").execute("CREATE TABLE jobs (id TEXT, status TEXT)")
        #expect(
            Self.readError(SQLiteSource(path: dir + "/j.db", name: "j.db"))
                == .cannotOpen(file: "j.db", message: "not a history: the jobs table has no created_at column"))
    }

    @Test func randomBytesBehindTheHeaderAreNotADatabase() throws {
        let dir = try makeSQLiteTestDirectory()
        var generator = SystemRandomNumberGenerator()
        let bytes =
            Array("SQLite format 3\0".utf8) + (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(FileManager.default.createFile(atPath: dir + "/x.db", contents: Data(bytes)))
        let error = try #require(Self.readError(SQLiteSource(path: dir + "/x.db", name: "x.db")))
        guard case .cannotOpen(let file, let message) = error else {
            Issue.record("expected cannotOpen, got \(error)")
            return
        }
        #expect(file == "x.db")
        #expect(!message.contains("\n"))
    }

    @Test func aRollbackJournalDatabaseLockedByAWriterFailsAfterTheTimeout() throws {
        let dir = try makeSQLiteTestDirectory()
        let writer = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.job(1)])
        try writer.execute("BEGIN EXCLUSIVE")
        let source = SQLiteSource(path: dir + "/h.db", name: "h.db", busyTimeout: .milliseconds(50))
        #expect(
            Self.readError(source)
                == .cannotOpen(file: "h.db", message: "database is locked by another process (waited 0.05 s)"))
        try writer.execute("COMMIT")
        #expect(try collect(source).jobs == [Self.job(1)])
    }

    @Test func aWALDatabaseIsReadAtItsLastCommitWhileAWriterHoldsATransaction() throws {
        let dir = try makeSQLiteTestDirectory()
        let writer = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.job(1)], journalMode: "WAL")
        try writer.execute("BEGIN IMMEDIATE")
        try insertJob(Self.job(2), into: writer)
        try writer.execute("UPDATE jobs SET status = 'cancelled' WHERE id = 'job-1'")
        let source = SQLiteSource(path: dir + "/h.db", name: "h.db", busyTimeout: .milliseconds(50))
        #expect(try collect(source).jobs == [Self.job(1)])
        try writer.execute("COMMIT")
        #expect(try collect(source).jobs.map(\.id) == ["job-1", "job-2"])
    }

    @Test func aCorruptedPageIsACleanErrorNamingTheTable() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute("CREATE TABLE jobs (id TEXT, created_at TEXT, error_message TEXT); BEGIN")
        for i in 0..<4000 {
            try db.insert(
                "jobs",
                [
                    "id": .text("job-\(i)"), "created_at": "2026-11-14T16:11:30Z",
                    "error_message": .text(String(repeating: "e", count: 60)),
                ])
        }
        try db.execute("COMMIT")
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/h.db")))
        let pageSize = 4096
        let middle = bytes.count / pageSize / 2 * pageSize
        for i in middle..<(middle + pageSize) { bytes[i] = 0xFF }
        #expect(FileManager.default.createFile(atPath: dir + "/broken.db", contents: Data(bytes)))

        let error = try #require(Self.readError(SQLiteSource(path: dir + "/broken.db", name: "broken.db")))
        guard case .badData(let file, let location, let message) = error else {
            Issue.record("expected badData, got \(error)")
            return
        }
        #expect(file == "broken.db")
        #expect(location?.hasPrefix("jobs after rowid ") == true)
        #expect(message.hasPrefix("corrupt SQLite database"))
    }

    @Test func aVisitorErrorStopsTheReadAndEndsTheTransaction() throws {
        struct Stop: Error {}
        struct Stopper: RecordVisitor {
            mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws { throw Stop() }
            mutating func skip(_ skipped: SkippedRecord) throws {}
        }
        let dir = try makeSQLiteTestDirectory()
        let writer = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.job(1), Self.job(2)])
        var stopper = Stopper()
        #expect(throws: Stop.self) {
            try SQLiteSource(path: dir + "/h.db", name: "h.db").read(ReadOptions(), into: &stopper)
        }
        try writer.execute("BEGIN EXCLUSIVE; COMMIT")
    }
}
