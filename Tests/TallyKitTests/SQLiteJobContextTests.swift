import Foundation
import Testing

@testable import TallyKit

/// How the documents scan finds each document's job: point lookups with a cache
/// when `jobs.id` has an index, the join otherwise, with the same result.
@Suite struct SQLiteJobContextTests {
    static let created = "2026-11-14T16:11:30Z"

    /// Whether the documents scan of the database at `path` looks jobs up (rather than joins them).
    static func looksUpJobs(_ path: String) throws -> Bool {
        let connection = try SQLiteConnection(path: path, name: "h.db", busyTimeout: .seconds(1))
        return try connection.inReadTransaction { try SQLiteSchema(connection).looksUpJobs }
    }

    /// A database with `jobs (id, user_id, status, created_at)` plus `jobsExtra`
    /// DDL, and `documents (id, job_id)`, holding `jobs` (id, status) and documents with `jobIDs`.
    @discardableResult
    static func makeDatabase(
        _ path: String, jobsExtra: String = "", jobs: [(SQLiteTestValue, String)], jobIDs: [SQLiteTestValue]
    ) throws -> SQLiteTestDatabase {
        let db = try SQLiteTestDatabase(path: path)
        try db.execute(
            "CREATE TABLE jobs (id TEXT, user_id TEXT, status TEXT, created_at TEXT); \(jobsExtra);"
                + "CREATE TABLE documents (id TEXT, job_id TEXT)")
        for (id, status) in jobs {
            try db.insert("jobs", ["id": id, "user_id": .text("u-\(status)"), "status": .text(status), "created_at": .text(created)])
        }
        for (i, jobID) in jobIDs.enumerated() { try db.insert("documents", ["id": .text("d\(i)"), "job_id": jobID]) }
        return db
    }

    @Test(arguments: [1, 2, 3, 4096])
    func interleavedRepeatsMissingAndNullJobsResolveWhateverTheCacheKeeps(capacity: Int) throws {
        let dir = try makeSQLiteTestDirectory()
        let statuses = ["j0": "s0", "j1": "s1", "j2": "s2", "j3": "s3", "j4": "s4"]
        let ids: [String?] = [
            "j0", "j1", "j0", "j2", "j3", "j0", "gone", "j1", "gone", nil, "j4", "j0", "j0", nil, "j3", "gone", "j2",
            "j4", "j1",
        ]
        try Self.makeDatabase(
            dir + "/h.db", jobsExtra: "CREATE UNIQUE INDEX jobs_id ON jobs (id)",
            jobs: statuses.sorted { $0.key < $1.key }.map { (.text($0.key), $0.value) }, jobIDs: ids.map(SQLiteTestValue.optional))
        #expect(try Self.looksUpJobs(dir + "/h.db"))
        var source = SQLiteSource(path: dir + "/h.db", name: "h.db")
        source.jobCacheCapacity = capacity
        let read = try collect(source, ReadOptions(kinds: [.document]))
        let expected = ids.map { id in
            id.flatMap { statuses[$0] }.map {
                JobContext(userID: "u-\($0)", status: $0, createdAt: TimestampParser.parse(Self.created), completedAt: nil)
            }
        }
        #expect(read.documents.map(\.job) == expected)
    }

    @Test(arguments: [true, false])
    func theJobWithTheLargestRowidWinsWhenIDsRepeat(indexed: Bool) throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try Self.makeDatabase(
            dir + "/h.db", jobsExtra: indexed ? "CREATE INDEX jobs_id ON jobs (id)" : "", jobs: [],
            jobIDs: ["j1", "j2", "j1"])
        try db.execute(
            """
            INSERT INTO jobs (rowid, id, status, created_at) VALUES (10, 'j1', 'newest', '\(Self.created)');
            INSERT INTO jobs (rowid, id, status, created_at) VALUES (5, 'j1', 'older', '\(Self.created)');
            INSERT INTO jobs (rowid, id, status, created_at) VALUES (7, 'j2', 'only', '\(Self.created)');
            """)
        #expect(try Self.looksUpJobs(dir + "/h.db") == indexed)
        let read = try collect(SQLiteSource(path: dir + "/h.db", name: "h.db"), ReadOptions(kinds: [.document]))
        #expect(read.documents.map(\.job?.status) == ["newest", "only", "newest"])
    }

    @Test func onlyAnIndexLeadingWithIDMakesLookupsWorthwhile() throws {
        let dir = try makeSQLiteTestDirectory()
        let cases: [(String, Bool)] = [
            ("", false), ("CREATE INDEX jobs_si ON jobs (status, id)", false),
            ("CREATE INDEX jobs_is ON jobs (id, status)", true), ("CREATE UNIQUE INDEX jobs_i ON jobs (ID)", true),
        ]
        for (i, (ddl, expected)) in cases.enumerated() {
            let path = dir + "/h\(i).db"
            try Self.makeDatabase(path, jobsExtra: ddl, jobs: [("j1", "done")], jobIDs: ["j1", "x"])
            #expect(try Self.looksUpJobs(path) == expected, "\(ddl)")
            let read = try collect(SQLiteSource(path: path, name: "h.db"), ReadOptions(kinds: [.document]))
            #expect(read.documents.map(\.job?.status) == ["done", nil], "\(ddl)")
        }
    }

    @Test func jobsWithoutAUserIDColumnGiveTheOwner() throws {
        let dir = try makeSQLiteTestDirectory()
        let db = try SQLiteTestDatabase(path: dir + "/h.db")
        try db.execute(
            """
            CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT, created_at TEXT);
            CREATE TABLE documents (id TEXT, job_id TEXT);
            INSERT INTO jobs VALUES ('j1', 'done', '\(Self.created)');
            INSERT INTO documents VALUES ('d1', 'j1'), ('d2', NULL);
            """)
        #expect(try Self.looksUpJobs(dir + "/h.db"))
        let read = try collect(
            SQLiteSource(path: dir + "/h.db", name: "h.db"),
            ReadOptions(kinds: [.document], ownerOfUnownedRecords: "bob"))
        let job = JobContext(userID: "bob", status: "done", createdAt: TimestampParser.parse(Self.created), completedAt: nil)
        #expect(read.documents.map(\.job) == [job, nil])
    }

    @Test func aBoundIDComparesAsTheJoinComparesIt() throws {
        let dir = try makeSQLiteTestDirectory()
        // A blob never equals text; an untyped 7 or 1.5 takes jobs.id's TEXT affinity.
        let db = try SQLiteTestDatabase(path: dir + "/untyped.db")
        try db.execute(
            """
            CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT, created_at TEXT);
            CREATE TABLE documents (id TEXT, job_id);
            INSERT INTO jobs VALUES ('j1', 'text', '\(Self.created)'), ('7', 'seven', '\(Self.created)'),
              ('1.5', 'real', '\(Self.created)'), ('', 'empty', '\(Self.created)'), (x'', 'no bytes', '\(Self.created)');
            INSERT INTO documents VALUES ('d1', CAST('j1' AS BLOB)), ('d2', 'j1'), ('d3', 7), ('d4', CAST('j1' AS BLOB)),
              ('d5', 1.5), ('d6', 1.5), ('d7', '7'), ('d8', ''), ('d9', x'');
            """)
        #expect(try Self.looksUpJobs(dir + "/untyped.db"))
        let read = try collect(SQLiteSource(path: dir + "/untyped.db", name: "h.db"), ReadOptions(kinds: [.document]))
        #expect(read.documents.map(\.job?.status) == [nil, "text", "seven", nil, "real", "real", "seven", "empty", "no bytes"])

        // An INTEGER job_id makes the join compare jobs.id numerically ('01' = 1): lookups would not.
        let numeric = try SQLiteTestDatabase(path: dir + "/numeric.db")
        try numeric.execute(
            """
            CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT, created_at TEXT);
            CREATE TABLE documents (id TEXT, job_id INTEGER);
            INSERT INTO jobs VALUES ('01', 'padded', '\(Self.created)');
            INSERT INTO documents VALUES ('d1', 1);
            """)
        #expect(try !Self.looksUpJobs(dir + "/numeric.db"))
        let joined = try collect(SQLiteSource(path: dir + "/numeric.db", name: "h.db"), ReadOptions(kinds: [.document]))
        #expect(joined.documents.map(\.job?.status) == ["padded"])
    }

    @Test func affinityFollowsSQLitesRules() {
        #expect(Affinity(declared: "BIGINT") == .integer && Affinity(declared: "varchar(36)") == .text)
        #expect(Affinity(declared: "") == .blob && Affinity(declared: "BLOB") == .blob)
        #expect(Affinity(declared: "DOUBLE PRECISION") == .real && Affinity(declared: "DECIMAL(10,2)") == .numeric)
        #expect(Affinity.bindingComparesLikeJoin(job: .text, document: .text))
        #expect(Affinity.bindingComparesLikeJoin(job: .text, document: .blob))
        #expect(Affinity.bindingComparesLikeJoin(job: .integer, document: .text))
        #expect(!Affinity.bindingComparesLikeJoin(job: .text, document: .integer))
        #expect(!Affinity.bindingComparesLikeJoin(job: .blob, document: .text))
    }

    @Test(arguments: [1, 3])
    func lookupsReadWhatTheJoinReads(shards: Int) throws {
        let dir = try makeSQLiteTestDirectory()
        var random = SampleRandom(seed: 41)
        let jobs = (0..<60).map { SQLiteFaultTests.job($0, note: $0 % 5 == 0 ? "n" : nil) }
        var documents: [DocumentRecord] = []
        for i in 0..<400 {
            let job = random.below(70)  // some name no job
            let jobID = i % 37 == 0 ? nil : "job-\(job)"
            documents.append(DocumentRecord(id: "doc-\(i)", jobID: jobID, title: "t", tokensUsed: Int64(i)))
        }
        try makeHistoryDatabase(at: dir + "/indexed.db", jobs: jobs, documents: documents)
        let plain = try makeHistoryDatabase(at: dir + "/plain.db", jobs: jobs, documents: documents)
        try plain.execute(
            """
            ALTER TABLE jobs RENAME TO old_jobs; CREATE TABLE jobs AS SELECT * FROM old_jobs ORDER BY rowid;
            DROP TABLE old_jobs;
            """)
        #expect(try Self.looksUpJobs(dir + "/indexed.db"))
        #expect(try !Self.looksUpJobs(dir + "/plain.db"))
        var indexed = SQLiteSource(path: dir + "/indexed.db", name: "h.db")
        indexed.jobCacheCapacity = 8
        let joined = try collect(SQLiteSource(path: dir + "/plain.db", name: "h.db"))
        let reads = try indexed.shards(shards).map { try collect($0) }
        #expect(reads.count == shards)
        #expect(joined.documents.contains { $0.job != nil } && joined.documents.contains { $0.job == nil })
        #expect(reads.flatMap(SQLiteShardTests.lines).sorted() == SQLiteShardTests.lines(joined).sorted())
    }

    @Test func theCacheForgetsTheOldestFirstAndMatchesAReferenceModel() throws {
        let capacity = 8
        var cache = JobContextCache(capacity: capacity)
        var model: [(key: String, context: JobContext?)] = []
        var random = SampleRandom(seed: 7)
        for step in 0..<5000 {
            let key = "job-\(random.below(30))"
            let context = step % 3 == 0 ? nil : JobContext(userID: nil, status: "s\(step)", createdAt: nil, completedAt: nil)
            try Array(key.utf8).withUnsafeBufferPointer { bytes in
                let hash = JobContextCache.hash(type: 3, bytes)
                let known = model.first { $0.key == key }.map { JobContextCache.Lookup.known($0.context) } ?? .unknown
                try #require(cache.find(type: 3, bytes, hash: hash) == known, "step \(step)")
                #expect(cache.find(type: 4, bytes, hash: JobContextCache.hash(type: 4, bytes)) == .unknown)
                if known == .unknown {
                    cache.insert(type: 3, bytes, hash: hash, context: context)
                    model.append((key, context))
                    if model.count > capacity { model.removeFirst() }
                }
            }
            #expect(cache.count == model.count)
        }
        let long = Array(repeating: UInt8(0x61), count: JobContextCache.maxKeyLength + 1)
        long.withUnsafeBufferPointer { bytes in
            let hash = JobContextCache.hash(type: 3, bytes)
            cache.insert(type: 3, bytes, hash: hash, context: nil)
            #expect(cache.find(type: 3, bytes, hash: hash) == .unknown)
        }
    }
}
