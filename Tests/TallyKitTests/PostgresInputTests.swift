import Foundation
import Testing
@testable import TallyKit

/// The parts of the PostgreSQL source that need no server: addresses and their
/// redaction, the binary COPY framing, uuid spelling, table splits.
@Suite struct PostgresInputTests {
    @Test(arguments: [
        ("postgresql://tally:s3cret@db.example.com:5432/history?sslmode=require", "postgresql://tally@db.example.com:5432/history?sslmode=require"),
        ("postgres://tally:p%40ss@/history?host=/run/postgresql", "postgres://tally@/history?host=/run/postgresql"),
        ("postgresql://db.example.com/history?user=tally&password=s3cret&sslmode=verify-full", "postgresql://db.example.com/history?user=tally&sslmode=verify-full"),
        ("postgresql://db/h?pass%77ord=s3cret", "postgresql://db/h"),
        ("postgresql://tally@db/h", "postgresql://tally@db/h"),
        ("postgresql:///history", "postgresql:///history"),
        ("service=nightly", "service=nightly"),
        ("service=nightly password=s3cret sslpassword=other", "service=nightly"),
    ])
    func addressesAreShownWithoutPasswords(_ given: String, _ shown: String) throws {
        let address = try #require(PostgresAddress.parse(given))
        #expect(address.displayName == shown)
        #expect(!address.displayName.contains("s3cret"))
        #expect(address.scrub("FATAL: s3cret") == (given.contains("s3cret") ? "FATAL: ***" : "FATAL: s3cret"))
    }

    @Test func scrubRemovesThePasswordAsWrittenAndAsDecoded() throws {
        let address = try #require(PostgresAddress.parse("postgres://tally:p%40ss@/history?host=/run/postgresql"))
        #expect(address.scrub("token p%40ss, password p@ss") == "token ***, password ***")
    }

    @Test func pathsAreNotAddresses() {
        for path in ["history.sqlite", "/data/postgresql/export.ndjson", "-", "./service=x", "postgresql:/x"] {
            #expect(PostgresAddress.parse(path) == nil, "\(path)")
        }
    }

    @Test func scrubRemovesPasswordsFromTheEnvironmentToo() throws {
        setenv("PGPASSWORD", "env-secret-1", 1)
        defer { unsetenv("PGPASSWORD") }
        let address = try #require(PostgresAddress.parse("postgresql://u@h/db"))
        #expect(address.scrub("auth failed for env-secret-1") == "auth failed for ***")
    }

    @Test func configSourcesKeepAddressesAsTheyAre() throws {
        let config = try ConfigFixture.parse("sources: [history.sqlite, 'postgresql://tally@db/history', 'service=nightly']")
        #expect(config.sources == ["/etc/tally/history.sqlite", "postgresql://tally@db/history", "service=nightly"])
    }

    @Test func uuidsAreSpelledLowercaseWithHyphens() {
        for _ in 0..<200 {
            let uuid = UUID()
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            let spelled = bytes.withUnsafeBytes { UUIDInterner.spell($0) }
            #expect(spelled == uuid.uuidString.lowercased())
        }
        var interner = UUIDInterner(capacity: 2)
        let a: [UInt8] = Array(repeating: 0xAB, count: 16), b: [UInt8] = Array(0..<16)
        let first = a.withUnsafeBytes { interner.string($0) }
        #expect(b.withUnsafeBytes { interner.string($0) } == "00010203-0405-0607-0809-0a0b0c0d0e0f")
        #expect(a.withUnsafeBytes { interner.string($0) } == first)
        #expect(first == "abababab-abab-abab-abab-abababababab")
    }

    /// A binary COPY message: header (when `header`), then rows of fields (`nil` is NULL).
    private func message(header: Bool, rows: [[[UInt8]?]], end: Bool = false) -> [UInt8] {
        var out: [UInt8] = header ? Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0] : []
        func int32(_ v: Int32) { out += withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        for row in rows {
            out += withUnsafeBytes(of: Int16(row.count).bigEndian) { Array($0) }
            for field in row {
                if let field { int32(Int32(field.count)); out += field } else { int32(-1) }
            }
        }
        if end { out += [0xFF, 0xFF] }
        return out
    }

    @Test func copyRowsAreSplitIntoFields() throws {
        var stream = PostgresCopyStream(fieldCount: 3)
        var seen: [[String?]] = []
        let collect = { (row: PostgresRow) in
            seen.append((0..<3).map { i in row.bytes(i).map { String(decoding: $0, as: UTF8.self) } })
        }
        try message(header: true, rows: [[Array("a".utf8), nil, []]]).withUnsafeBytes { try stream.rows(in: $0, collect) }
        try message(header: false, rows: [[nil, Array("bc".utf8), Array("d".utf8)]], end: true).withUnsafeBytes {
            try stream.rows(in: $0, collect)
        }
        #expect(seen == [["a", nil, ""], [nil, "bc", "d"]])
        #expect(stream.finished)
    }

    @Test func malformedCopyDataIsReportedNotGuessed() {
        var stream = PostgresCopyStream(fieldCount: 2)
        #expect(throws: PostgresCopyStream.Malformed.self) {
            try Array("not copy data at all".utf8).withUnsafeBytes { try stream.rows(in: $0) { _ in } }
        }
        var wrongWidth = PostgresCopyStream(fieldCount: 2)
        #expect(throws: PostgresCopyStream.Malformed.self) {
            try message(header: true, rows: [[[1]]]).withUnsafeBytes { try wrongWidth.rows(in: $0) { _ in } }
        }
        var truncated = PostgresCopyStream(fieldCount: 1)
        #expect(throws: PostgresCopyStream.Malformed.self) {
            try Array(message(header: true, rows: [[[1, 2, 3]]]).dropLast()).withUnsafeBytes { try truncated.rows(in: $0) { _ in } }
        }
    }

    @Test func timestampsKeepMicrosecondsAndRejectInfinity() throws {
        func field(_ micros: Int64) -> [UInt8] { withUnsafeBytes(of: micros.bigEndian) { Array($0) } }
        let values: [Int64] = [0, 847_456_290_030_529, .max, .min]
        var stream = PostgresCopyStream(fieldCount: values.count)
        var cells: [Cell<Instant>] = []
        try message(header: true, rows: [values.map(field)]).withUnsafeBytes {
            try stream.rows(in: $0) { row in cells = (0..<values.count).map { row.instant($0, .timestamp) } }
        }
        guard case .value(let epoch) = cells[0], case .value(let later) = cells[1] else {
            Issue.record("\(cells)")
            return
        }
        #expect(epoch.isoString == "2000-01-01T00:00:00Z")
        #expect(later.isoString == "2026-11-08T12:31:30.030529Z")
        for cell in cells[2...] {
            guard case .bad = cell else { Issue.record("infinity must be a bad value"); continue }
        }
    }

    @Test func blocksSplitIntoRangesCoveringTheTable() {
        let ranges = PostgresSource.split(10, into: 3)
        #expect(ranges == [BlockRange(from: nil, to: 3), BlockRange(from: 3, to: 6), BlockRange(from: 6, to: nil)])
        #expect(ranges[0]?.condition("j") == "j.ctid < '(3,0)'::tid")
        #expect(ranges[1]?.condition("j") == "j.ctid >= '(3,0)'::tid AND j.ctid < '(6,0)'::tid")
        #expect(BlockRange.all.condition("j") == nil)
    }
}
