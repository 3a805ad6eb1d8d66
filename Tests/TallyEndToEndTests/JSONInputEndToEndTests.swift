import Foundation
import Testing

/// Issue 5's bad JSON inputs, through the binary: exit status, one stderr line naming
/// the file and where, and no output on a fatal error.
@Suite struct JSONInputEndToEndTests {
    let dir = TempDir()
    let job = jobJSON()

    @Test func truncatedFile() throws {
        let path = dir.write("trunc.json", "[" + job)
        try expectReportFails([path], in: dir, 65, mentions: ["trunc.json", "byte ", "end of input"])
    }

    @Test func trailingGarbage() throws {
        let path = dir.write("garbage.json", "[" + job + "] xyz")
        try expectReportFails([path], in: dir, 65, mentions: ["garbage.json", "byte ", "trailing"])
    }

    @Test func invalidUTF8() throws {
        let path = dir.write("utf8.json", Array("[".utf8) + Array(job.utf8).map { $0 == UInt8(ascii: "b") ? 0xFF : $0 } + Array("]".utf8))
        try expectReportFails([path], in: dir, 65, mentions: ["utf8.json", "byte ", "UTF-8"])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let path = dir.write("bom.json", [0xEF, 0xBB, 0xBF] + Array(("[" + job + "]").utf8))
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0)
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1, "\(usage["totals"] ?? "")")
    }

    @Test(arguments: [#""12""#, "1.5", "true", "99999999999999999999", "-9223372036854775809"])
    func wrongTypesAndPastInt64AreCountedSkips(value: String) throws {
        let bad = jobJSON(id: "00000000-0000-4000-8000-000000000002", ["total_documents": value])
        let path = dir.write("types.json", "[" + job + ",\n" + bad + "]")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.errorLines.contains { $0.contains("types.json") && $0.contains("jobs[2]") && $0.contains("total_documents") }, "\(result.stderr)")
        let skipped = (usage["data_quality"] as? [String: Any])?["skipped"] as? [[String: Any]] ?? []
        #expect(skipped.first?["count"] as? Int == 1, "\(skipped)")
        let strict = try Tally.run(reportArguments([path], out: dir("strict"), ["--strict"]))
        expectFatal(strict, 65, mentions: ["types.json", "jobs[2]"])
        #expect(!exists(dir("strict")))
    }

    @Test func nullCounterMeansZero() throws {
        let path = dir.write("null.json", "[" + jobJSON(["total_documents": "null", "processed_count": "0", "failed_count": "0"]) + "]")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(((usage["data_quality"] as? [String: Any])?["skipped"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func nanAndInfinityAreFatal(value: String) throws {
        let path = dir.write("nan.json", "[" + jobJSON(["total_documents": value]) + "]")
        try expectReportFails([path], in: dir, 65, mentions: ["nan.json", "byte "])
    }

    @Test func duplicateKeysLastOneWins() throws {
        // Documented: like the upstream's Python json module, the last duplicate wins.
        let path = dir.write("dup.json", "[" + jobJSON(["status": #""completed", "status": "failed""#]) + "]")
        let out = dir("out")
        let (result, _) = try runReport([path], out: out)
        #expect(result.status == 0)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats/11111111-1111-4111-8111-111111111111.json"))) as? [String: Any])
        #expect((stats["jobs_by_status"] as? [String: Int]) == ["failed": 1])
    }

    @Test func nesting100000DeepIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let path = dir.write("deep.json", "[" + jobJSON(["config": deep]) + "]")
        try expectReportFails([path], in: dir, 65, mentions: ["deep.json", "byte ", "nesting"])
    }

    @Test func lineLongerThanTheRecordLimit() throws {
        // Stands in for the 1 GB single line: the reader's limit is 64 MB per record.
        let big = jobJSON(["error_message": "\"" + String(repeating: "x", count: 65 << 20) + "\""])
        let path = dir.write("big.ndjson", big + "\n")
        try expectReportFails([path], in: dir, 65, mentions: ["big.ndjson", "line 1", "record limit"])
    }

    @Test func emptyFileIsNotAHistory() throws {
        let path = dir.write("empty.json", "")
        try expectReportFails([path], in: dir, 66, mentions: ["empty.json", "empty"])
    }

    @Test func emptyArrayIsAnEmptyReport() throws {
        let path = dir.write("none.json", "[]\n")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0)
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 0)
    }

    @Test func ndjsonWithBlankLinesAndCRLF() throws {
        let second = jobJSON(id: "00000000-0000-4000-8000-000000000002")
        let path = dir.write("crlf.ndjson", job + "\r\n\r\n\r\n" + second + "\r\n")
        let (result, usage) = try runReport([path], out: dir("out"))
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 2)
    }

    @Test func gzipCutShort() throws {
        let plain = dir.write("jobs.ndjson", ndjson((1...200).map { jobJSON(id: String(format: "00000000-0000-4000-8000-%012d", $0)) }))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let whole = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
        let cut = dir.write("cut.ndjson.gz", Array(whole.prefix(whole.count / 2)))
        try expectReportFails([cut], in: dir, 65, mentions: ["cut.ndjson.gz", "gzip"])
    }
}
