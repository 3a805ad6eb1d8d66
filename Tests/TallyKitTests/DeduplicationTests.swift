import Testing
@testable import TallyKit

@Suite struct DeduplicationTests {
    func scan(_ sources: [RecordArraySource], parallelism: Int = 1) throws -> ScanResult<EndpointStatsAccumulator> {
        try HistoryScan.run(sources, options: ScanOptions(parallelism: parallelism)) { EndpointStatsAccumulator(capped: false) }
    }

    @Test func theLatestUpdatedAtWinsAcrossSources() throws {
        let old = Fixture.job(1, user: Fixture.alice, status: "processing", created: "2026-01-01T00:00:00Z", updated: "2026-01-01T00:05:00Z")
        let new = Fixture.job(1, user: Fixture.alice, status: "completed", created: "2026-01-01T00:00:00Z", updated: "2026-01-01T01:00:00+01:00")
        let newer = Fixture.job(1, user: Fixture.alice, status: "failed", created: "2026-01-01T00:00:00Z", updated: "2026-01-01T00:30:00Z")
        for order in [[new, old, newer], [old, newer, new], [newer, new, old]] {
            let sources = order.enumerated().map { RecordArraySource(name: "s\($0.offset)", records: [.job($0.element)]) }
            let result = try scan(sources)
            #expect(result.aggregate.stats(for: Fixture.alice).jobsByStatus.map(\.status) == ["failed"])
            #expect(result.diagnostics.duplicatesMerged[.job] == 2)
        }
    }

    @Test func withoutUpdatedAtTheLastOneReadWins() throws {
        let first = Fixture.job(1, user: Fixture.alice, status: "processing", created: "2026-01-01T00:00:00Z")
        let second = Fixture.job(1, user: Fixture.alice, status: "completed", created: "2026-01-01T00:00:00Z")
        let result = try scan([
            RecordArraySource(name: "a", records: [.job(first), .job(Fixture.job(2, user: Fixture.bob, created: "2026-01-02T00:00:00Z"))]),
            RecordArraySource(name: "b", records: [.job(second)]),
        ], parallelism: 2)
        let stats = result.aggregate.stats(for: Fixture.alice)
        #expect(stats.totalJobs == 1)
        #expect(stats.jobsByStatus.map(\.status) == ["completed"])
        #expect(result.aggregate.stats(for: Fixture.bob).totalJobs == 1, "rows with unique ids are untouched")
    }

    @Test func fingerprintsOfDifferentIdsNeverMergeRows() throws {
        let records: [HistoryRecord] = (0..<5000).map { .job(Fixture.job($0, user: Fixture.alice, created: "2026-01-01T00:00:00Z")) }
        let result = try scan([RecordArraySource(name: "a", records: records), RecordArraySource(name: "b", records: [])])
        #expect(result.aggregate.stats(for: Fixture.alice).totalJobs == 5000)
        #expect(result.diagnostics.duplicatesMerged[.job] == nil)
    }

    @Test func skippedRowsAreCountedAndFatalUnderStrict() throws {
        let note = SkippedRecord(
            location: RecordLocation(source: "a.ndjson", position: .line(3)), kind: .job, reason: .badCreatedAt,
            detail: "created_at: \"yesterday\"")
        var source = RecordArraySource(name: "a.ndjson", records: [.job(Fixture.job(1, user: Fixture.alice, created: "2026-01-01T00:00:00Z"))])
        source.skips = [note]
        let result = try scan([source])
        #expect(result.diagnostics.totalSkipped == 1)
        #expect(result.diagnostics.warningLines.first == "warning: a.ndjson: line 3: skipped job: unparseable created_at (created_at: \"yesterday\")")
        #expect(throws: TallyError.badData(
            file: "a.ndjson", location: "line 3",
            message: "job unparseable created_at (created_at: \"yesterday\"); fatal under --strict")
        ) {
            try HistoryScan.run([source], options: ScanOptions(strict: true)) { EndpointStatsAccumulator(capped: false) }
        }
    }

    /// One source alone is deduplicated exactly when it says its ids may repeat (`HistorySource.idsMayRepeat`).
    @Test(arguments: [false, true])
    func aSingleSourceIsDeduplicatedWhenItsIdsMayRepeat(idsMayRepeat: Bool) throws {
        let first = Fixture.job(1, user: Fixture.alice, status: "processing", created: "2026-01-01T00:00:00Z")
        let second = Fixture.job(1, user: Fixture.alice, status: "completed", created: "2026-01-01T00:00:00Z")
        let source = RecordArraySource(name: "a", records: [.job(first), .job(second)], idsMayRepeat: idsMayRepeat)
        let result = try scan([source], parallelism: 2)
        #expect(result.aggregate.stats(for: Fixture.alice).totalJobs == (idsMayRepeat ? 1 : 2))
        #expect(result.diagnostics.duplicatesMerged[.job] == (idsMayRepeat ? 1 : nil))
    }
}
