import Foundation
import Testing
@testable import TallyKit

@Suite struct EndpointStatsTests {
    func scan(_ records: [HistoryRecord], capped: Bool, parallelism: Int = 1) throws -> EndpointStatsAccumulator {
        let source = RecordArraySource(name: "fixture", records: records)
        return try HistoryScan.run([source], options: ScanOptions(parallelism: parallelism, deduplicate: false)) {
            EndpointStatsAccumulator(capped: capped)
        }.aggregate
    }

    @Test func statusesAreOrderedByFirstSeenNewestFirstAndZeroStatusesAbsent() throws {
        let jobs: [HistoryRecord] = [
            .job(Fixture.job(1, user: Fixture.alice, status: "completed", created: "2026-01-01T00:00:00Z")),
            .job(Fixture.job(2, user: Fixture.alice, status: "failed", created: "2026-01-03T00:00:00Z")),
            .job(Fixture.job(3, user: Fixture.alice, status: "partial", created: "2026-01-02T00:00:00Z")),
            .job(Fixture.job(4, user: Fixture.alice, status: "completed", created: "2026-01-04T00:00:00Z")),
        ]
        let stats = try scan(jobs, capped: false).stats(for: Fixture.alice)
        #expect(stats.jobsByStatus.map(\.status) == ["completed", "failed", "partial"])
        #expect(stats.jobsByStatus.map(\.count) == [2, 1, 1])
        #expect(stats.recentActivity.map(\.id) == [Fixture.id(4), Fixture.id(2), Fixture.id(3), Fixture.id(1)])
    }

    @Test func tiesInCreatedAtBreakByIdDescending() throws {
        let jobs: [HistoryRecord] = (1...7).map {
            .job(Fixture.job($0, user: Fixture.alice, created: "2026-01-01T00:00:00Z"))
        }
        var rng = SampleRandom(seed: 3)
        let stats = try scan(jobs.shuffled(using: &rng), capped: true).stats(for: Fixture.alice)
        #expect(stats.recentActivity.map(\.id) == [7, 6, 5, 4, 3].map(Fixture.id))
    }

    @Test func theCapTakesTheNewest1000AmongOwnAndAnonymousJobs() throws {
        var records: [HistoryRecord] = []
        let base = Fixture.at("2026-01-01T00:00:00Z")
        func created(_ minutes: Int) -> String { base.adding(microseconds: Int64(minutes) * 60_000_000).apiString }
        for n in 0..<900 {  // Alice's jobs: minutes 0, 2, 4, ...
            records.append(.job(Fixture.job(n, user: Fixture.alice, created: created(n * 2), total: 1, processed: 1, failed: 0)))
        }
        for n in 0..<300 {  // anonymous jobs: minutes 1, 3, 5, ... (odd, interleaved)
            records.append(.job(Fixture.job(10_000 + n, user: nil, status: "failed", created: created(n * 2 + 1), total: 2, processed: 0, failed: 2)))
        }
        records.append(.job(Fixture.job(20_000, user: Fixture.bob, created: created(5000))))
        let aggregate = try scan(records, capped: true)
        let capped = aggregate.stats(for: Fixture.alice)
        #expect(capped.totalJobs == 1000)
        // The oldest 200 of 1200 drop out: minutes 0..199 hold 100 of Alice's and 100 anonymous jobs.
        #expect(capped.jobsByStatus.map(\.status) == ["completed", "failed"])
        #expect(capped.jobsByStatus.map(\.count) == [800, 200])
        #expect(capped.totalDocuments == 800 + 400)
        #expect(capped.recentActivity.first?.id == Fixture.id(899))

        let uncapped = try scan(records, capped: false).stats(for: Fixture.alice)
        #expect(uncapped.totalJobs == 900)
        #expect(uncapped.jobsByStatus.map(\.status) == ["completed"])

        let stranger = aggregate.stats(for: "nobody")
        #expect(stranger.totalJobs == 300, "a user without jobs still sees the anonymous jobs, as upstream")
    }

    /// Counters are 32-bit upstream, sums 64-bit: three jobs at 2e9 sum past 2^32.
    @Test func sumsPass2To31() throws {
        let big: Int64 = 2_000_000_000
        let jobs: [HistoryRecord] = (1...3).map {
            .job(Fixture.job($0, user: Fixture.alice, created: "2026-01-0\($0)T00:00:00Z", total: big, processed: big, failed: 0))
        }
        let stats = try scan(jobs, capped: false).stats(for: Fixture.alice)
        #expect(stats.totalDocuments == 6_000_000_000)
        let json = String(decoding: EndpointJSON.encode(stats, pretty: false), as: UTF8.self)
        #expect(json.contains("\"total_documents\":6000000000"))
    }

    @Test func parallelShardsGiveTheSameResultAsOnePass() throws {
        var generator = SampleRandom(seed: 7)
        let statuses = ["pending", "processing", "completed", "failed", "cancelled", "weird status 🚀"]
        let users = [Fixture.alice, Fixture.bob, nil]
        let records: [HistoryRecord] = (0..<3000).map { n in
            let minute = Int64(generator.next() % 5000)
            let created = Instant(seconds: 1_760_000_000 + minute * 60).apiString
            return .job(Fixture.job(
                n, user: users[Int(generator.next() % 3)], status: statuses[Int(generator.next() % 6)],
                created: created, total: Int64(generator.next() % 50), processed: 1, failed: 1))
        }
        for capped in [false, true] {
            let one = try scan(records, capped: capped, parallelism: 1)
            let many = try scan(records, capped: capped, parallelism: 4)
            let shuffled = try scan(records.shuffled(using: &generator), capped: capped, parallelism: 3)
            for user in [Fixture.alice, Fixture.bob] {
                #expect(one.stats(for: user) == many.stats(for: user))
                #expect(one.stats(for: user) == shuffled.stats(for: user))
            }
        }
    }

    @Test func aUserWithNoJobsGetsTheZeroObject() {
        let json = String(decoding: EndpointJSON.encode(EndpointStats(), pretty: false), as: UTF8.self)
        #expect(json == #"{"total_jobs":0,"total_documents":0,"documents_processed":0,"documents_failed":0,"jobs_by_status":{},"recent_activity":[]}"#)
    }
}
