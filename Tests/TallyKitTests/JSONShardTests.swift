import CJSONIndex
import Testing
@testable import TallyKit

@Suite struct JSONShardTests {
    typealias F = JSONFixture

    static func lines(_ n: Int) -> String {
        (0..<n).map { i in
            (i % 97 == 13 ? "not json" : F.job("job-\(i)", #""total_documents":\#(i)"#)) + (i % 2 == 0 ? "\n" : "\r\n")
        }.joined()
    }

    @Test(arguments: [2, 3, 7])
    func shardsReadExactlyTheRecordsOfOnePass(count: Int) throws {
        let path = F.file(Self.lines(1000))
        let whole = try F.read(path: path)
        let shards = try JSONSource(path: path, name: "h.json").shards(count, minimumBytes: 0)
        #expect(shards.count == count)
        var jobs: [JobRecord] = []
        var skipped = 0
        for shard in shards {
            var c = Collector()
            try shard.read(ReadOptions(), into: &c)
            jobs += c.jobs
            skipped += c.skipped.count
            #expect(c.locations.allSatisfy { if case .byteOffset = $0.position { true } else { false } })
        }
        #expect(jobs == whole.jobs)
        #expect(skipped == whole.skipped.count && skipped > 0)
    }

    @Test func shardLocationsAreAbsoluteByteOffsets() throws {
        let text = F.job("a") + "\n" + F.job("b") + "\n" + F.job("c") + "\n"
        let path = F.file(text)
        let shards = try JSONSource(path: path, name: "h.json").shards(2, minimumBytes: 0)
        var c = Collector()
        for shard in shards { try shard.read(ReadOptions(), into: &c) }
        let starts = [0, F.job("a").utf8.count + 1, 2 * (F.job("a").utf8.count + 1)]
        #expect(c.locations.map(\.position) == starts.map { .byteOffset($0) })
    }

    @Test func otherFormsAreNotSplit() throws {
        let page = F.file(#"{"jobs": ["# + F.job("a") + "," + F.job("b") + "]}")
        #expect(try JSONSource(path: page, name: "p").shards(4, minimumBytes: 0).count == 1)
        let gzip = F.file(try F.gzip(Self.lines(50)))
        #expect(try JSONSource(path: gzip, name: "g").shards(4, minimumBytes: 0).count == 1)
        let small = F.file(Self.lines(50))
        #expect(try JSONSource(path: small, name: "s").shards(4).count == 1)
    }

    /// Everything a read delivers, in order, for comparing a sharded read with one pass.
    static func readAll(_ sources: [any HistorySource], options: ReadOptions = ReadOptions()) throws -> ([HistoryRecord], [String]) {
        var records: [HistoryRecord] = []
        var notes: [String] = []
        for source in sources {
            var c = Collector()
            try source.read(options, into: &c)
            records += c.records
            notes += c.skipped.map(\.description)
        }
        return (records, notes)
    }

    static func tricky(_ n: Int, pretty: Bool) -> String {
        let elements = (0..<n).map { i -> String in
            switch i % 11 {
            case 3: return "42"  // not an object: a counted skip naming jobs[i]
            case 5: return F.job("job-\(i)", #""error_message":"a ] } [ { , \" \\ \\\" x","config":{"model_name":"m","n":[[1],{"a":[]}]}"#)
            case 7: return F.job("job-\(i)", #""total_documents":"twelve""#)  // a wrong type: a skip
            default: return F.job("job-\(i)", #""documents":[{"id":"d\#(i)","file_size":1},{"id":"e\#(i)"}]"#)
            }
        }
        if pretty {
            return "[\n  " + elements.map { $0.replacingOccurrences(of: ",\"", with: ",\n    \"") }.joined(separator: ",\n  ") + "\n]\n"
        }
        return "\u{FEFF}[\n" + elements.joined(separator: ",\n") + "\n]"
    }

    @Test(arguments: [2, 3, 7], [false, true])
    func arrayShardsReadWhatOnePassReadsWithItsLocations(count: Int, pretty: Bool) throws {
        let path = F.file(Self.tricky(300, pretty: pretty))
        let whole = try Self.readAll([JSONSource(path: path, name: "h.json")])
        let shards = try JSONSource(path: path, name: "h.json").shards(count, minimumBytes: 0)
        #expect(shards.count == count)
        let parts = try Self.readAll(shards)
        #expect(parts.0 == whole.0)
        #expect(parts.1 == whole.1)
        #expect(whole.1.contains { $0.contains("jobs[4] (byte ") })
        let documents = try Self.readAll(shards, options: ReadOptions(kinds: [.document]))
        #expect(documents.0.count > 300)
        #expect(documents.0 == (try Self.readAll([JSONSource(path: path, name: "h.json")], options: ReadOptions(kinds: [.document]))).0)
    }

    @Test func ndjsonShardsLocateSkipsByLineAsOnePassDoes() throws {
        let path = F.file(Self.lines(1000))
        let whole = try Self.readAll([JSONSource(path: path, name: "h.json")])
        let parts = try Self.readAll(try JSONSource(path: path, name: "h.json").shards(3, minimumBytes: 0))
        #expect(parts.1 == whole.1)
        #expect(whole.1.first?.contains("h.json: line 14:") == true)
    }

    @Test(arguments: [
        "{\"id\":\"x\" \"created_at\":1}",  // a missing comma
        "{\"id\":\"x\",\"created_at\":1",  // cut short: the next element's `{` follows
        "tru",
    ])
    func arraySyntaxErrorsAreThoseOfOnePass(bad: String) throws {
        var elements = (0..<200).map { F.job("job-\($0)") }
        elements[137] = bad
        let path = F.file("[" + elements.joined(separator: ",\n") + "]")
        func message(_ sources: [any HistorySource]) -> String {
            do {
                _ = try Self.readAll(sources)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let whole = message([JSONSource(path: path, name: "h.json")])
        #expect(whole.contains("line 13"))
        for count in [2, 3, 5] {
            #expect(message(try JSONSource(path: path, name: "h.json").shards(count, minimumBytes: 0)) == whole)
        }
    }

    @Test func arrayBoundsGiveLaterShardsLessToRead() {
        let bounds = JSONSource.arrayBounds(start: 1, size: 1_000_001, count: 2)
        #expect(bounds.count == 3 && bounds[0] == 1 && bounds[2] == 1_000_001)
        #expect(bounds[1] > 500_001 && bounds[1] < 560_000)
        let many = JSONSource.arrayBounds(start: 0, size: 1000, count: 7)
        #expect(many == many.sorted() && many.count == 8)
    }

    /// The element starts of a valid array, by the validating scanner: where every seek must land.
    static func elementStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
            defer { stack.deallocate() }
            var members: [JSONMember] = []
            var scanner = JSONScanner(base: buffer.baseAddress!, start: 1, end: buffer.count, hardEnd: true)
            var starts: [Int] = []
            while !scanner.atEndAfterWhitespace(), buffer[scanner.i] != 0x5D {
                starts.append(scanner.i)
                try? scanner.scanValue(collect: false, into: &members, stack: stack)
                if !scanner.atEndAfterWhitespace(), buffer[scanner.i] == 0x2C { scanner.i += 1 }
            }
            return starts
        }
    }

    @Test(arguments: [
        #"[1, "a,]", [2,[3]], {"x":"]","y":[{}]} , true,null,"\\",-0.5e3, "\"]" ,[]]"#,
        "[ ]", "[[]]", "[\n  {\"a\": [1,\n 2]},\n  \"x\"\n]", tricky(12, pretty: true),
    ])
    func seekFindsEveryElementAsTheScannerDoes(text: String) {
        let bytes = Array(text.utf8)
        let starts = Self.elementStarts(bytes)
        for piece in [64, 128, 4096] {
            for level in [TALLY_JSON_LEVEL_PORTABLE, TALLY_JSON_LEVEL_SSE2, TALLY_JSON_LEVEL_AVX2] {
                for target in 0...bytes.count {
                    var cursor = tally_json_array_cursor_make()
                    var offset = 0
                    var found: (Int, Int)?
                    bytes.withUnsafeBufferPointer { buffer in
                        while offset < buffer.count, found == nil {
                            let n = min(piece, buffer.count - offset)
                            if tally_json_array_seek_level(level, &cursor, buffer.baseAddress! + offset, n, offset, target) != 0 {
                                found = (cursor.found, cursor.elements)
                            }
                            offset += n
                        }
                    }
                    let expected = starts.firstIndex { $0 >= target }.map { (starts[$0], $0 + 1) }
                    #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "level \(level), target \(target) in \(text)")
                }
            }
        }
    }
}
