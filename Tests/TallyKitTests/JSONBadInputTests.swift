import Testing
@testable import TallyKit

@Suite struct JSONBadInputTests {
    typealias F = JSONFixture

    /// The location and message of a `badData` error, or nil.
    static func badData(_ error: TallyError?) -> (location: String?, message: String)? {
        if case .badData(let file, let location, let message) = error, file == "h.json" { return (location, message) }
        return nil
    }

    @Test func truncatedArrayIsFatalWithItsLine() throws {
        let text = "[\n" + F.job("a") + ",\n" + F.job("b").dropLast(5)
        let error = try #require(Self.badData(F.error(String(text))))
        #expect(error.location == "line 3, byte \(text.utf8.count)")
        #expect(error.message.contains("unexpected end of input"))
    }

    @Test(arguments: ["[" + JSONFixture.job("a") + "] x", "[" + JSONFixture.job("a") + "]]", JSONFixture.job("a") + " 5"])
    func trailingGarbageIsFatal(text: String) throws {
        let error = try #require(Self.badData(F.error(text)))
        #expect(error.message.contains("trailing characters"))
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func nonFiniteNumbersAreInvalid(spelling: String) throws {
        let inArray = try #require(Self.badData(F.error("[" + F.job("a", #""total_documents":"# + spelling) + "]")))
        #expect(inArray.location?.hasPrefix("line 1, byte ") == true)
        let lines = try F.read(F.job("a", #""failed_count":"# + spelling) + "\n" + F.job("b"))
        #expect(lines.jobs.map(\.id) == ["b"])
        #expect(lines.skipped.map(\.reason) == [.malformedLine])
        #expect(lines.skipped.first?.location.position == .line(1))
    }

    @Test func invalidUTF8IsFatalInAnArrayAndSkippedInNDJSON() throws {
        let bad = Array(F.job("a").utf8).map { $0 == UInt8(ascii: "1") ? 0xFF : $0 }
        let inArray = [UInt8(ascii: "[")] + bad + [UInt8(ascii: "]")]
        let error = try #require(Self.badData(F.error(bytes: inArray)))
        let offset = try #require(inArray.firstIndex(of: 0xFF))
        #expect(error.location == "line 1, byte \(offset)")
        #expect(error.message.contains("UTF-8"))
        let lines = try F.read(bytes: bad + [0x0A] + Array(F.job("b").utf8))
        #expect(lines.jobs.map(\.id) == ["b"])
        #expect(lines.skipped.first?.reason == .malformedLine)
        #expect(lines.skipped.first?.detail.contains("UTF-8") == true)
    }

    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func rejectsOverlongSurrogateAndCutSequences(sequence: [UInt8]) throws {
        let text = Array(#"[{"id":""#.utf8) + sequence + Array(#""}]"#.utf8)
        #expect(Self.badData(F.error(bytes: text)) != nil)
    }

    @Test func deepNestingIsACleanError() throws {
        let depth = 100_000
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(Self.badData(F.error("[" + F.job("a", #""config":"# + deep) + "]")))
        #expect(error.message.contains("nesting deeper than 512"))
        let lines = try F.read(F.job("a", #""x":"# + deep) + "\n" + F.job("b"))
        #expect(lines.jobs.map(\.id) == ["b"])
        #expect(lines.skipped.first?.reason == .malformedLine)
    }

    @Test(arguments: ["", "  \n\t ", "\u{FEFF}\n"])
    func emptyFileIsNotAHistory(text: String) throws {
        #expect(F.error(text) == .cannotOpen(file: "h.json", message: "empty file: not a history"))
    }

    @Test(arguments: [#"{"name":"x","items":[]}"#, #"{"documents":[]}"#, #""just a string""#])
    func objectsWithoutJobsAreNotAHistory(text: String) throws {
        guard case .cannotOpen(_, let message) = F.error(text) else {
            Issue.record("expected cannotOpen")
            return
        }
        #expect(message.hasPrefix("not a history"))
    }

    @Test func truncatedGzipNamesTheFile() throws {
        let whole = try F.gzip((0..<2000).map { F.job("j\($0)") }.joined(separator: "\n"))
        let error = F.error(bytes: Array(whole.prefix(whole.count / 2)))
        #expect(error == .badData(file: "h.json", location: nil, message: "truncated gzip stream"))
        #expect(error?.exitStatus == .dataError)
    }

    @Test func recordLargerThanTheLimitIsFatal() throws {
        let big = F.job("big", #""error_message":""# + String(repeating: "x", count: 3 << 20) + #"""#)
        for text in ["[" + F.job("a") + "," + big + "]", F.job("a") + "\n" + big + "\n"] {
            var collector = Collector()
            let source = JSONSource(path: F.file(text), name: "h.json", part: .whole, recordLimit: 1 << 20)
            let error = #expect(throws: TallyError.self) { try source.read(ReadOptions(), into: &collector) }
            let message = try #require(Self.badData(error))
            #expect(message.message.contains("1 MB record limit"))
            let start = text.hasPrefix("[") ? F.job("a").utf8.count + 2 : F.job("a").utf8.count + 1
            #expect(message.location == "line \(text.hasPrefix("[") ? 1 : 2), byte \(start)")
        }
    }

    @Test func skipNotesNameTheirLocation() throws {
        let c = try F.read(#"{"jobs":[1,{"id":"x","created_at":"2026-11-14T16:11:30Z","total_documents":"3"}]}"#)
        #expect(c.skipped.map(\.description) == [
            "h.json: jobs[1] (byte 9): skipped job: not a JSON object (jobs[1]: 1)",
            #"h.json: jobs[2] (byte 11): skipped job: counter not an integer (total_documents: "3")"#,
        ])
    }
}
