import Testing
@testable import TallyKit

@Suite struct JSONFormTests {
    typealias F = JSONFixture

    @Test func readsAnArrayOfJobs() throws {
        let c = try F.read("[\n" + F.job("a") + ",\n" + F.job("b") + "\n]\n")
        #expect(c.jobs.map(\.id) == ["a", "b"])
        #expect(c.jobs[0].createdAt == F.created)
        #expect(c.locations[1] == RecordLocation(source: "h.json", position: .item(array: "jobs", index: 2, byteOffset: 2 + F.job("a").utf8.count + 2)))
        #expect(c.skipped.isEmpty)
    }

    /// A dump larger than the first window is known by its first key: the window does not grow to hold it.
    @Test func aLargeDumpIsKnownByItsFirstKeyWithoutGrowingTheWindow() throws {
        let jobs = (0..<20_000).map { F.job("job-\($0)", #""error_message":"\#(String(repeating: "x", count: 200))""#) }
        let text = #"{"users": [{"id": "u1", "email": "a@example.com"}],\#n"jobs": [\#n"# + jobs.joined(separator: ",\n") + "\n]}\n"
        #expect(text.utf8.count > 5 << 20)
        let path = F.file(text)
        let source = JSONSource(path: path, name: "h.json")
        let stream = source.makeReader(
            try FileByteReader(path: path, name: "h.json"), JSONRecordDecoder(options: ReadOptions()), origin: 0,
            lineOf: { _ in nil })
        #expect(try stream.detect() == .wrapper)
        #expect(stream.window.capacity <= 4 << 20, "the window grew to \(stream.window.capacity) bytes")
        let c = try F.read(path: path)
        #expect(c.jobs.count == 20_000 && c.users.count == 1 && c.skipped.isEmpty)
    }

    @Test func readsNDJSONWithBlankLinesAndCRLF() throws {
        let c = try F.read(F.job("a") + "\r\n\r\n  \n" + F.job("b") + "\r\n" + F.job("c"))
        #expect(c.jobs.map(\.id) == ["a", "b", "c"])
        #expect(c.locations.map(\.position) == [.line(1), .line(4), .line(5)])
    }

    @Test func readsASingleJobObject() throws {
        let c = try F.read("\n  " + F.job("only") + "\n")
        #expect(c.jobs.map(\.id) == ["only"])
        #expect(c.locations.map(\.position) == [.line(2)])
    }

    @Test func readsAJobsPageIgnoringOtherKeys() throws {
        let text = #"{"total":2,"page":{"n":[1,{"x":2}]},"jobs":["# + F.job("a") + "," + F.job("b") + #"],"next":null}"#
        let c = try F.read(text)
        #expect(c.jobs.map(\.id) == ["a", "b"])
        #expect(c.skipped.isEmpty)
    }

    @Test func readsAFullDumpInAnyKeyOrder() throws {
        let text = #"{"documents":[{"id":"d1","job_id":"a","status":"success"}],"jobs":["# + F.job("a")
            + #"],"users":[{"id":"u1","email":"alice@example.com","is_active":1}]}"#
        let c = try F.read(text)
        #expect(c.jobs.map(\.id) == ["a"])
        #expect(c.documents.map(\.id) == ["d1"])
        #expect(c.documents[0].jobID == "a")
        #expect(c.documents[0].job == nil)
        #expect(c.users == [UserRecord(id: "u1", email: "alice@example.com", isActive: true)])
        #expect(c.locations[0].position == .item(array: "documents", index: 1, byteOffset: 14))
    }

    @Test func readsNestedDocumentsWithTheirJob() throws {
        let docs = #""documents":[{"id":"d1","status":"success"},{"id":"d2","user_id":null,"job_id":"other"}]"#
        let c = try F.read("[" + F.job("j1", docs) + "]")
        let job = try #require(c.jobs.first)
        #expect(c.documents.count == 2)
        #expect(c.documents[0].jobID == "j1")
        #expect(c.documents[0].userID == "u1")
        #expect(c.documents[0].job == JobContext(job))
        #expect(c.documents[1].userID == nil)
        #expect(c.documents[1].jobID == "other")
        guard case .item(let array, let index, _) = c.locations[2].position else {
            Issue.record("not an item location")
            return
        }
        #expect(array == "jobs[1].documents")
        #expect(index == 2)
    }

    @Test func nestedDocumentsOfASkippedJobAreSkippedToo() throws {
        let c = try F.read(#"[{"id":"j","created_at":"never","documents":[{"id":"d"}]}]"#)
        #expect(c.records.isEmpty)
        #expect(c.skipped.map(\.kind) == [.job, .document])
        #expect(c.skipped.map(\.reason) == [.badCreatedAt, .badCreatedAt])
    }

    @Test func readsOnlyTheKindsAsked() throws {
        let text = #"{"jobs":["# + F.job("a", #""documents":[{"id":"d"}]"#) + #"],"users":[{"id":"u1","email":"e"}]}"#
        let users = try F.read(text, options: ReadOptions(kinds: [.user]))
        #expect(users.records == [.user(UserRecord(id: "u1", email: "e"))])
        let documents = try F.read(text, options: ReadOptions(kinds: [.document]))
        #expect(documents.documents.map(\.id) == ["d"])
        #expect(documents.jobs.isEmpty)
    }

    @Test func emptyArrayIsNoRecords() throws {
        let c = try F.read(" [ ] ")
        #expect(c.records.isEmpty && c.skipped.isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let c = try F.read(bytes: [0xEF, 0xBB, 0xBF] + Array(("[" + F.job("a") + "]").utf8))
        #expect(c.jobs.map(\.id) == ["a"])
        let lines = try F.read(bytes: [0xEF, 0xBB, 0xBF] + Array((F.job("a") + "\n" + F.job("b")).utf8))
        #expect(lines.jobs.map(\.id) == ["a", "b"])
    }

    @Test func readsGzip() throws {
        let c = try F.read(bytes: try F.gzip(F.job("a") + "\n" + F.job("b") + "\n"))
        #expect(c.jobs.map(\.id) == ["a", "b"])
    }

    @Test func readsMultiMemberGzip() throws {
        let c = try F.read(bytes: try F.gzip("[" + F.job("a") + ",") + F.gzip(F.job("b") + "]"))
        #expect(c.jobs.map(\.id) == ["a", "b"])
    }

    @Test func streamsAcrossChunkBoundaries() throws {
        let jobs = (0..<3000).map { F.job("job-\($0)", #""error_message":"\#(String(repeating: "é", count: $0 % 2000))""#) }
        let text = "[" + jobs.joined(separator: ",") + "]"
        #expect(text.utf8.count > 4 << 20)  // more than one 4 MB chunk
        let c = try F.read(text)
        #expect(c.jobs.count == 3000)
        #expect(c.jobs[2999].errorMessage == String(repeating: "é", count: 2999 % 2000))
        let lines = try F.read(jobs.joined(separator: "\n"))
        #expect(lines.jobs.map(\.id) == c.jobs.map(\.id))
        #expect(lines.locations.last?.position == .line(3000))
    }

    @Test func streamsADumpLargerThanTheRecordLimit() throws {
        let jobs = (0..<4000).map { F.job("j\($0)", #""error_message":"\#(String(repeating: "x", count: 400))""#) }
        let text = #"{"documents":[{"id":"d1","job_id":"j1"}],"meta":{"n":1},"jobs":["# + jobs.joined(separator: ",")
            + #"],"users":[{"id":"u1","email":"e"}]}"#
        #expect(text.utf8.count > 1 << 20)
        var c = Collector()
        let source: any HistorySource = JSONSource(path: F.file(text), name: "h.json", part: .whole, recordLimit: 1 << 20)
        try source.read(ReadOptions(), into: &c)
        #expect(c.jobs.count == 4000 && c.documents.map(\.id) == ["d1"] && c.users.map(\.id) == ["u1"])
        #expect(c.skipped.isEmpty)
    }
}
