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
        let array = F.file("[" + F.job("a") + "," + F.job("b") + "]")
        #expect(try JSONSource(path: array, name: "a").shards(4, minimumBytes: 0).count == 1)
        let gzip = F.file(try F.gzip(Self.lines(50)))
        #expect(try JSONSource(path: gzip, name: "g").shards(4, minimumBytes: 0).count == 1)
        let small = F.file(Self.lines(50))
        #expect(try JSONSource(path: small, name: "s").shards(4).count == 1)
    }
}
