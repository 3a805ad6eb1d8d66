import Foundation
import Testing

@testable import TallyKit

@Suite struct SQLiteSourceTests {
    static func at(_ text: String) -> Instant { TimestampParser.parse(text)! }

    static let alice = UserRecord(
        id: "0b7c2f4e-1111-4a4a-9a9a-000000000001", email: "alice@example.com",
        fullName: "Alice", isActive: true)
    static let jobA = JobRecord(
        id: "9f1e2d3c-aaaa-4bbb-8ccc-000000000001", userID: alice.id, jobType: "single", status: "completed",
        totalDocuments: 3_000_000_000, processedCount: 2, failedCount: 1, modelName: "gpt-4o-mini",
        errorMessage: "one failed", startedAt: at("2026-11-14T16:11:31Z"), completedAt: at("2026-11-14T16:12:00.5Z"),
        createdAt: at("2026-11-14T16:11:30.030529Z"), updatedAt: at("2026-11-14T16:12:00Z"))
    static let jobB = JobRecord(
        id: "legacy-7", userID: nil, status: "weird status ✨", createdAt: at("2025-01-01T00:00:00Z"))

    @Test func readsTheFullSchemaAsRecords() throws {
        let dir = try makeSQLiteTestDirectory()
        let document = DocumentRecord(
            id: "d0c00000-0000-4000-8000-000000000001", jobID: Self.jobA.id, userID: Self.alice.id, title: "Q3.pdf",
            fileSourceType: "upload", fileSize: 12_345, mimeType: "application/pdf", status: "success",
            processingTime: 1.25, tokensUsed: 812, extractionMethod: "ocr",
            processedAt: Self.at("2026-11-14T16:11:59Z"),
            createdAt: Self.at("2026-11-14T16:11:30Z"))
        var uppercased = Self.jobA
        uppercased.id = uppercased.id.uppercased()
        uppercased.userID = uppercased.userID?.uppercased()
        var stored = document
        stored.jobID = uppercased.id
        try makeHistoryDatabase(
            at: dir + "/h.db", jobs: [uppercased, Self.jobB], documents: [stored], users: [Self.alice])

        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.skipped.isEmpty)
        #expect(read.users == [Self.alice])
        #expect(read.jobs == [Self.jobA, Self.jobB])
        var expected = document
        expected.job = JobContext(Self.jobA)
        #expect(read.documents == [expected])
        #expect(
            read.locations.map(\.description) == [
                "h.db: users rowid 1", "h.db: jobs rowid 1", "h.db: jobs rowid 2",
                "h.db: documents rowid 1",
            ])
    }

    @Test func readsOnlyTheKindsAskedFor() throws {
        let dir = try makeSQLiteTestDirectory()
        try makeHistoryDatabase(
            at: dir + "/h.db", jobs: [Self.jobA], documents: [DocumentRecord(id: "d1", jobID: Self.jobA.id)],
            users: [Self.alice])
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"), ReadOptions(kinds: [.document]))
        #expect(read.jobs.isEmpty && read.users.isEmpty)
        #expect(read.documents.map(\.id) == ["d1"])
    }

    @Test func documentsWithoutDetailsLeaveOnlyTitleAndJobIDOut() throws {
        let dir = try makeSQLiteTestDirectory()
        let document = DocumentRecord(
            id: "d1", jobID: Self.jobA.id, userID: Self.alice.id, title: "Q3.pdf", status: "success",
            tokensUsed: 3, extractionMethod: "ocr", createdAt: Self.at("2026-11-14T16:11:30Z"))
        try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.jobA], documents: [document], users: [Self.alice])
        let source = SQLiteSource(path: dir + "/h.db", name: "h.db")
        let full = try collect(source, ReadOptions(kinds: [.document]))
        let lean = try collect(source, ReadOptions(kinds: [.document], documentDetails: false))
        var expected = try #require(full.documents.first)
        #expect(expected.title == "Q3.pdf" && expected.jobID == Self.jobA.id)
        expected.title = nil
        expected.jobID = nil
        #expect(lean.documents == [expected])
    }

    @Test func documentsWithoutIDsStillSkipRowsThatHaveNone() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.jobA])
        for id: SQLiteTestValue in ["d1", "", .null, "d4"] {
            try db.insert(
                "documents",
                ["id": id, "job_id": .text(Self.jobA.id), "title": "t", "file_path": "p", "file_source_type": "url"])
        }
        var options = ReadOptions(kinds: [.document])
        let full = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"), options)
        options.documentIDs = false
        let lean = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"), options)
        #expect(full.documents.map(\.id) == ["d1", "d4"])
        #expect(lean.documents.map(\.id) == ["", ""])
        #expect(lean.documents.map(\.status) == full.documents.map(\.status))
        #expect(lean.skipped.map(\.reason) == [.missingID, .missingID])
    }

    @Test func optionalTablesMayBeMissing() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute("CREATE TABLE jobs (id TEXT, created_at TEXT)")
        try db.insert("jobs", ["id": "j1", "created_at": "2026-11-14T16:11:30Z"])
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.records == [.job(JobRecord(id: "j1", userID: nil, createdAt: Self.at("2026-11-14T16:11:30Z")))])
    }

    @Test func missingColumnsTakeDefaultsAndAnAbsentUserIDTheOwner() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute("CREATE TABLE jobs (created_at TEXT, ID TEXT); CREATE TABLE documents (id TEXT, job_id TEXT)")
        try db.insert("jobs", ["ID": "j1", "created_at": "2026-11-14 16:11:30"])
        try db.insert("documents", ["id": "d1", "job_id": "j1"])
        let read = try collect(
            SQLiteSource(path: dir + "/h.db", name: "h.db"), ReadOptions(ownerOfUnownedRecords: "bob"))
        let job = JobRecord(
            id: "j1", userID: "bob", jobType: "batch", status: "pending", createdAt: Self.at("2026-11-14T16:11:30Z"))
        #expect(read.jobs == [job])
        #expect(
            read.documents == [
                DocumentRecord(id: "d1", jobID: "j1", userID: "bob", status: "pending", job: JobContext(job))
            ])
    }

    @Test func extraColumnsAreIgnored() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.jobB])
        try db.execute("ALTER TABLE jobs ADD COLUMN priority INTEGER DEFAULT 7; ALTER TABLE jobs ADD COLUMN notes BLOB")
        #expect(try collect(SQLiteSource(path: dir + "/h.db", name: "h.db")).jobs == [Self.jobB])
    }

    static let spellings = [
        "2026-11-14T16:11:30Z", "2026-11-14T16:11:30.030529Z", "2026-11-14 16:11:30.030529+00",
        "2026-11-14T16:11:30.030529+00:00", "2026-11-14T21:41:30+05:30", "2026-11-14 09:11:30-07:00",
        "2026-11-14T16:11:30.030Z", "2026-11-14 16:11:30.030529", "1794672690", "1794672690.030529",
    ]

    @Test func acceptsEveryTimestampSpellingAndUnixSeconds() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute("CREATE TABLE jobs (id TEXT, created_at TEXT, started_at, completed_at)")
        for (i, spelling) in Self.spellings.enumerated() {
            try db.insert("jobs", ["id": .text("t\(i)"), "created_at": .text(spelling)])
        }
        try db.insert(
            "jobs",
            [
                "id": "int", "created_at": "2026-11-14T16:11:30Z", "started_at": 1_794_672_690,
                "completed_at": 1_794_672_690.5,
            ])
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.skipped.isEmpty)
        let seconds = Self.at("2026-11-14T16:11:30Z")
        let exact = Set([seconds, seconds.adding(microseconds: 30_529), seconds.adding(microseconds: 30_000)])
        #expect(read.jobs.count == Self.spellings.count + 1)
        for job in read.jobs { #expect(exact.contains(job.createdAt), "\(job.id)") }
        let last = try #require(read.jobs.last)
        #expect(last.startedAt == seconds && last.completedAt == seconds.adding(microseconds: 500_000))
    }

    @Test func unusableRowsAreSkippedWithTheirRow() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try makeHistoryDatabase(at: dir + "/h.db", jobs: [Self.jobB])
        try db.insert("jobs", ["id": "c1", "created_at": "2026-11-14T16:11:30Z", "processed_count": "twelve"])
        try db.insert("jobs", ["id": "c2", "created_at": "2026-11-14T16:11:30Z", "failed_count": 1.5])
        try db.insert("jobs", ["created_at": "2026-11-14T16:11:30Z"])
        try db.insert("jobs", ["id": "c4", "created_at": "yesterday"])
        try db.insert("jobs", ["id": "c5", "created_at": nil, "total_documents": nil])
        try db.insert("jobs", ["id": "c6", "created_at": "2026-11-14T16:11:30Z", "completed_at": "soon"])
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.jobs == [Self.jobB])
        #expect(
            read.skipped.map(\.description) == [
                "h.db: jobs rowid 2: skipped job: counter not an integer (processed_count: \"twelve\")",
                "h.db: jobs rowid 3: skipped job: counter not an integer (failed_count: 1.5)",
                "h.db: jobs rowid 4: skipped job: missing id (id: NULL)",
                "h.db: jobs rowid 5: skipped job: unparseable created_at (created_at: \"yesterday\")",
                "h.db: jobs rowid 6: skipped job: unparseable created_at (created_at: NULL)",
                "h.db: jobs rowid 7: skipped job: value of the wrong type (completed_at: \"soon\")",
            ])
    }

    @Test func jsonColumnsAreReadFromTextAndIgnoredWhenTheyDoNotParse() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try makeHistoryDatabase(at: dir + "/h.db", jobs: [])
        let configs: [SQLiteTestValue] = [
            #"{"model_name": "m\"1", "num_pages": 3}"#, #"{"model_name": 5}"#, "{not json",
            #"{"model_name": {"a": 1}}"#, nil,
        ]
        for (i, config) in configs.enumerated() {
            try db.insert("jobs", ["id": .text("j\(i)"), "created_at": "2026-11-14T16:11:30Z", "config": config])
        }
        let metadata: [SQLiteTestValue] = [
            #"{"processing_time": 2, "tokens_used": 40, "extraction_method": "pdf", "is_scanned": false}"#,
            #"{"processing_time": "slow", "tokens_used": 1.5, "extraction_method": ["x"]}"#, "[1, 2", "[]",
        ]
        for (i, value) in metadata.enumerated() {
            try db.insert(
                "documents",
                [
                    "id": .text("d\(i)"), "job_id": "j0", "title": "t", "file_path": "p",
                    "file_source_type": "url", "processing_metadata": value,
                ])
        }
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.jobs.map(\.modelName) == [#"m"1"#, nil, nil, nil, nil])
        let documents = read.documents
        #expect(documents.map(\.processingTime) == [2.0, nil, nil, nil])
        #expect(documents.map(\.tokensUsed) == [40, nil, nil, nil])
        #expect(documents.map(\.extractionMethod) == ["pdf", nil, nil, nil])
    }

    @Test func documentsCarryTheirJobsContext() throws {
        let dir = try makeSQLiteTestDirectory()
        let documents = [
            DocumentRecord(id: "d1", jobID: Self.jobA.id.uppercased(), title: "a", status: "failed"),
            DocumentRecord(id: "d2", jobID: Self.jobB.id, title: "b"),
            DocumentRecord(id: "d3", jobID: "gone", title: "c"),
            DocumentRecord(id: "d4", jobID: nil, title: "d"),
        ]
        var storedA = Self.jobA
        storedA.id = storedA.id.uppercased()
        try makeHistoryDatabase(at: dir + "/h.db", jobs: [storedA, Self.jobB], documents: documents)
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.documents.map(\.jobID) == [Self.jobA.id, Self.jobB.id, "gone", nil])
        #expect(read.documents.map(\.job) == [JobContext(Self.jobA), JobContext(Self.jobB), nil, nil])
    }

    @Test func aDocumentJoinsOneJobEvenWhenJobIDsRepeat() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute("CREATE TABLE jobs (id TEXT, status TEXT, created_at TEXT); CREATE TABLE documents (id, job_id)")
        try db.insert("jobs", ["id": "j1", "status": "failed", "created_at": "2026-11-14T16:11:30Z"])
        try db.insert("jobs", ["id": "j1", "status": "completed", "created_at": "2026-11-14T16:11:31Z"])
        try db.insert("documents", ["id": "d1", "job_id": "j1"])
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"), ReadOptions(kinds: [.document]))
        #expect(read.documents.map(\.job?.status) == ["completed"])
    }

    @Test func emptyTextIsAValueAndAnEmptyIDIsMissing() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try makeHistoryDatabase(at: dir + "/h.db", jobs: [])
        for id in ["e1", "e2", ""] {
            try db.insert(
                "jobs",
                [
                    "id": .text(id), "created_at": "2026-11-14T16:11:30Z", "status": "", "job_type": "",
                    "config": #"{"": 1, "model_name": ""}"#,
                ])
        }
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"))
        #expect(read.jobs.map(\.id) == ["e1", "e2"])
        #expect(read.jobs.allSatisfy { $0.status == "" && $0.jobType == "" && $0.modelName == "" })
        #expect(read.skipped.map(\.reason) == [.missingID])
    }
}
