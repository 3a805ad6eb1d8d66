import CSQLite3
import Foundation
import Testing
@testable import TallyKit

/// A generated history in a temporary directory, with helpers to read it back.
struct SampleFixture {
    let directory: String
    let summary: SampleSummary

    init(jobs: Int = 400, users: Int = 8, seed: UInt64 = 42, formats: [SampleOptions.Format] = SampleOptions.Format.allCases,
         anomalies: Bool = true, nestDocuments: Bool = false) throws {
        directory = NSTemporaryDirectory() + "tally-sample-\(UUID().uuidString)"
        summary = try SampleGenerator.write(SampleOptions(
            outputDirectory: directory, jobs: jobs, users: users, seed: seed, formats: formats,
            anomalies: anomalies, nestDocuments: nestDocuments))
    }

    func path(_ format: SampleOptions.Format) -> String { directory + "/" + format.fileName }

    func bytes(_ format: SampleOptions.Format) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(format)))
    }

    /// Every row of a query as text cells (`nil` for NULL), in the order SQLite returns them.
    func rows(_ sql: String) throws -> [[String?]] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path(.sqlite), &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw TallyError.cannotOpen(file: path(.sqlite), message: "open")
        }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw TallyError.badData(file: path(.sqlite), location: nil, message: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var result: [[String?]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            result.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

@Suite struct SampleGeneratorTests {
    @Test func sameSeedGivesIdenticalFiles() throws {
        let a = try SampleFixture(jobs: 300)
        let b = try SampleFixture(jobs: 300)
        defer { a.remove(); b.remove() }
        for format in [SampleOptions.Format.ndjson, .json, .dump] {
            #expect(try a.bytes(format) == b.bytes(format), "\(format) differs between runs")
        }
        for table in ["users", "jobs", "documents"] {
            #expect(try a.rows("SELECT * FROM \(table) ORDER BY rowid") == b.rows("SELECT * FROM \(table) ORDER BY rowid"))
        }
        let c = try SampleFixture(jobs: 300, seed: 43)
        defer { c.remove() }
        #expect(try a.bytes(.ndjson) != c.bytes(.ndjson))
    }

    /// Values from an independent reference (SplitMix64-seeded xoshiro256**, written in Python).
    @Test func randomStreamMatchesTheReference() {
        var rng = SampleRandom(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        #expect(SampleRandom(seed: 42).peekFirst == 0x1578_0B2E_0C2E_C716)
        var uuids = SampleRandom(seed: 42)
        #expect(uuids.uuid() == "15780b2e-0c2e-4716-a104-d9866d113a7e")
    }

    @Test func sqliteHasTheUpstreamSchema() throws {
        let fixture = try SampleFixture(jobs: 50, formats: [.sqlite])
        defer { fixture.remove() }
        let expected: [String: [String]] = [
            "users": ["id", "email", "password_hash", "full_name", "is_active", "is_verified", "created_at", "updated_at"],
            "jobs": ["id", "user_id", "job_type", "status", "total_documents", "processed_count", "failed_count",
                     "config", "error_message", "started_at", "completed_at", "created_at", "updated_at"],
            "documents": ["id", "job_id", "user_id", "title", "file_path", "file_source_type", "file_size", "mime_type",
                          "status", "tags", "extracted_text", "processing_metadata", "error_message", "processed_at",
                          "created_at", "updated_at"],
        ]
        for (table, columns) in expected {
            #expect(try fixture.rows("SELECT name FROM pragma_table_info('\(table)')").map { $0[0] } == columns)
        }
        let indexes = try fixture.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        #expect(indexes.map { $0[0] } == ["idx_documents_job_id", "idx_jobs_created_at", "idx_jobs_status", "idx_jobs_user_id"])
        #expect(try fixture.rows("PRAGMA journal_mode") == [["delete"]])
        #expect(try fixture.rows("PRAGMA integrity_check") == [["ok"]])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory)
        #expect(leftovers == ["history.sqlite"])
    }

    @Test func ndjsonHasTheSQLiteJobsWithConfigAsString() throws {
        let fixture = try SampleFixture(jobs: 200)
        defer { fixture.remove() }
        let text = String(decoding: try fixture.bytes(.ndjson), as: UTF8.self)
        let lines = text.split(separator: "\n")
        var ids: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            ids.append(try #require(object["id"] as? String))
            let config = try #require(object["config"] as? String)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any])
            #expect(parsed["model_name"] is String)
            #expect(object["documents"] == nil)
        }
        #expect(ids == (try fixture.rows("SELECT id FROM jobs ORDER BY rowid").map { $0[0]! }))
        #expect(fixture.summary.jobs == 200 && ids.count == 200)
    }

    @Test func dumpAndArrayParseWithNestedColumns() throws {
        let fixture = try SampleFixture(jobs: 120, nestDocuments: true)
        defer { fixture.remove() }
        let dump = try #require(try JSONSerialization.jsonObject(with: fixture.bytes(.dump)) as? [String: Any])
        let users = try #require(dump["users"] as? [[String: Any]])
        let jobs = try #require(dump["jobs"] as? [[String: Any]])
        let documents = try #require(dump["documents"] as? [[String: Any]])
        #expect(users.count == 8 && jobs.count == 120 && documents.count == fixture.summary.documents)
        #expect(jobs.allSatisfy { $0["config"] is [String: Any] })
        #expect(documents.allSatisfy { $0["tags"] is [Any] })
        #expect(documents.contains { $0["processing_metadata"] is [String: Any] })
        let array = try #require(try JSONSerialization.jsonObject(with: fixture.bytes(.json)) as? [[String: Any]])
        let nestedCount = array.reduce(0) { $0 + (($1["documents"] as? [Any])?.count ?? 0) }
        #expect(nestedCount == fixture.summary.documents)
        let ndjsonFirst = try #require(String(decoding: try fixture.bytes(.ndjson), as: UTF8.self).split(separator: "\n").first)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(ndjsonFirst.utf8)) as? [String: Any])
        #expect((first["documents"] as? [[String: Any]])?.first?["processing_metadata"] is String?)
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(throws: TallyError.self) {
            try SampleGenerator.write(SampleOptions(outputDirectory: "/tmp/unused", jobs: 1, users: 0, seed: 1))
        }
        #expect(throws: TallyError.self) { try SampleGenerator.formats("sqlite,csv") }
        #expect(try SampleGenerator.formats("dump, sqlite") == [.dump, .sqlite])
    }
}
