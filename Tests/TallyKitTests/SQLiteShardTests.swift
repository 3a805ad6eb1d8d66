import Testing

@testable import TallyKit

@Suite struct SQLiteShardTests {
    /// Every record and skip note of one read, as comparable lines.
    static func lines(_ read: SQLiteCollector) -> [String] {
        zip(read.records, read.locations).map { "\($1): \($0)" } + read.skipped.map(\.description)
    }

    static func makeFixture(_ path: String, jobs: Int, documentsPerJob: Int) throws {
        let db = try makeHistoryDatabase(
            at: path,
            jobs: (0..<jobs).map { SQLiteFaultTests.job($0) },
            documents: (0..<(jobs * documentsPerJob)).map {
                DocumentRecord(id: "doc-\($0)", jobID: "job-\($0 / documentsPerJob)", title: "t", tokensUsed: Int64($0))
            },
            users: (0..<7).map { UserRecord(id: "u\($0)", email: "u\($0)@example.com") })
        try db.execute("DELETE FROM jobs WHERE rowid % 13 = 0; DELETE FROM documents WHERE rowid % 17 = 0")
        try db.run("UPDATE jobs SET processed_count = 'x' WHERE rowid = ?", [.integer(Int64(jobs / 2))])
    }

    @Test(arguments: [2, 3, 8])
    func shardsTogetherReadExactlyWhatOnePassReads(count: Int) throws {
        let dir = try makeSQLiteTestDirectory()
        try Self.makeFixture(dir + "/h.db", jobs: 500, documentsPerJob: 3)
        let source = SQLiteSource(path: dir + "/h.db", name: "h.db")
        let single = try collect(source)
        let shards = try source.shards(count)
        #expect(shards.count == count)
        let reads = try shards.map { try collect($0) }
        #expect(reads.dropFirst().allSatisfy { $0.users.isEmpty })
        #expect(reads.allSatisfy { !$0.jobs.isEmpty && !$0.documents.isEmpty })
        #expect(Self.lines(single).sorted() == reads.flatMap(Self.lines).sorted())
        #expect(single.skipped.count == 1)
    }

    @Test func emptyAndTinyTablesSplitWithoutLosingRows() throws {
        let dir = try makeSQLiteTestDirectory()
        try makeHistoryDatabase(at: dir + "/h.db", jobs: [SQLiteFaultTests.job(1), SQLiteFaultTests.job(2)])
        let source = SQLiteSource(path: dir + "/h.db", name: "h.db")
        let shards = try source.shards(8)
        #expect(shards.count == 2)
        #expect(try shards.flatMap { try collect($0).jobs } == collect(source).jobs)
        #expect(try source.shards(1).count == 1)
    }

    @Test func splitCoversTheWholeRowidSpace() {
        let ranges = SQLiteSource.split(10...19, into: 3)
        #expect(ranges == [Int64.min...12, 13...15, 16...Int64.max])
        #expect(SQLiteSource.split(nil, into: 2) == [Int64.min...Int64.max, nil])
    }
}
