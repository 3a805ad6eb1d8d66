import Testing
@testable import TallyKit

@Suite struct EndpointJSONTests {
    static var fixture: [HistoryRecord] {
        [
            .job(Fixture.job(1, user: Fixture.alice, status: "pending", created: "2026-11-29T14:21:59.314+00:00", total: 27, processed: 26, failed: 1)),
            .job(Fixture.job(2, user: Fixture.alice, status: "failed", created: "2026-11-29 14:21:59.314000+00", total: 27, processed: 26, failed: 1)),
            .job(Fixture.job(3, user: nil, status: "cancelled", created: "2026-11-29T19:51:59+05:30", total: 1, processed: 0, failed: 0)),
            .job(Fixture.job(4, user: Fixture.alice, status: "zoë \"quoted\"\n", type: "single", created: "2026-11-25 13:47:43.623744", total: 1, processed: 1, failed: 0)),
            .job(Fixture.job(5, user: Fixture.alice, status: "completed", type: "webhook", created: "2026-11-20T08:00:00Z")),
            .job(Fixture.job(6, user: Fixture.alice, status: "completed", created: "2026-11-19T08:00:00.000001Z")),
            .job(Fixture.job(7, user: Fixture.bob, status: "completed", created: "2026-11-30T08:00:00Z")),
        ]
    }

    func stats(capped: Bool) throws -> EndpointStats {
        try HistoryScan.run([RecordArraySource(name: "fixture", records: Self.fixture)], options: ScanOptions()) {
            EndpointStatsAccumulator(capped: capped)
        }.aggregate.stats(for: Fixture.alice)
    }

    @Test func apiCompatOutputMatchesGoldenBytes() throws {
        try GoldenFile.check(EndpointJSON.encode(try stats(capped: true), pretty: false), "stats/alice.api-compat.json")
        try GoldenFile.check(EndpointJSON.encode(try stats(capped: false), pretty: false), "stats/alice.full.json")
        try GoldenFile.check(EndpointJSON.encode(try stats(capped: false), pretty: true), "stats/alice.pretty.json")
    }

    @Test func compactFormHasNoSpacesOrTrailingNewline() throws {
        let bytes = EndpointJSON.encode(try stats(capped: true), pretty: false)
        #expect(bytes.last == UInt8(ascii: "}"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains(": "))
        #expect(text.hasPrefix(#"{"total_jobs":6,"total_documents":62,"#))
        #expect(text.contains(#""created_at":"2026-11-29T14:21:59.314000Z""#))
        #expect(text.contains(#""completed_at":null"#))
    }

    @Test func stringsAreEscapedAsThePythonServiceEscapesThem() {
        #expect(JSONText.quoted("zoë \"q\"\n\t\u{1}/") == #""zoë \"q\"\n\t\u0001/""#)
    }
}
