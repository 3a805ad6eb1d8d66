import Foundation
import Testing
@testable import TallyKit

/// Per-customer detail and error-group rows: bounded, and the same whatever the reading order or sharding.
@Suite struct CustomerDetailTests {
    static func job(_ n: Int, user: String?) -> JobRecord {
        var job = Fixture.job(n, user: user, status: n % 3 == 0 ? "failed" : "completed", created: "2026-11-02T10:00:00Z", total: 2, processed: 1, failed: 1)
        job.jobType = "type-\(n % 11)"
        return job
    }

    /// Adds `jobs` to details split into `shards` by position, merged in order.
    static func details(_ jobs: [(Int, JobRecord)], shards: Int, limit: Int) -> CustomerDetails {
        var parts = Array(repeating: CustomerDetails(limit: limit, buckets: 3), count: shards)
        for (i, (n, job)) in jobs.enumerated() {
            parts[i % shards].update(job.userID) { $0.add(job, bucket: n % 3, errorKey: job.status == "failed" ? "e\(n % 13)" : nil) }
        }
        var merged = parts[0]
        for part in parts.dropFirst() { merged.merge(part) }
        return merged
    }

    @Test func theSmallestIdsAreKeptCompleteWhateverTheOrder() throws {
        let users: [String?] = [nil] + (0..<40).map { String(format: "u%02d", $0) }
        let jobs = (0..<600).map { ($0, Self.job($0, user: users[($0 * 7) % users.count])) }
        let reference = Self.details(jobs, shards: 1, limit: 10_000)
        for (shards, order) in [(1, Array(jobs.reversed())), (3, jobs), (4, jobs.shuffled())] {
            let got = Self.details(order, shards: shards, limit: 10)
            #expect(got.capped)
            #expect(Set(got.byUser.keys) == Set(users.prefix(10)), "the anonymous customer and u00...u08")
            for (user, tally) in got.byUser {
                let full = try #require(reference.byUser[user])
                #expect(tally.jobsCreated == full.jobsCreated && tally.jobFailed == full.jobFailed)
                #expect(tally.jobTypes.ranked == full.jobTypes.ranked && tally.errors.ranked == full.errors.ranked)
            }
        }
        #expect(!reference.capped)
    }

    @Test func cappedCountsKeepTheSmallestNamesAndPutTheRestInOther() {
        var a = CappedCounts(), b = CappedCounts()
        let names = (0..<100).map { "n\(String(format: "%03d", $0))" }
        for (i, name) in names.enumerated() { a.add(name, Int64(i + 1)) }
        for (i, name) in names.enumerated().reversed() { b.add(name, Int64(i + 1)) }
        #expect(a.counts == b.counts && a.other == b.other)
        #expect(a.counts.count == CappedCounts.keptLimit)
        #expect(a.counts.values.reduce(0, +) + a.other == Int64(100 * 101 / 2))
        let ranked = a.ranked
        #expect(ranked.count == CustomerDetail.listLimit + 1 && ranked.last?.name == CappedCounts.other)
        #expect(ranked.reduce(0) { $0 + $1.count } == Int64(100 * 101 / 2))
    }

    @Test func errorGroupsKeepTheirEarliestRowsAcrossShards() throws {
        var one = ErrorTally(), parts = [ErrorTally(), ErrorTally(), ErrorTally()]
        for n in 0..<100 {
            var job = Fixture.job(n, user: "u", status: "failed", created: "2026-11-02T10:00:00Z", total: 1, processed: 0, failed: 1)
            job.completedAt = Instant(seconds: 1_793_000_000 + Int64((n * 37) % 100))
            job.errorMessage = "Timeout after \(n)s"
            one.add(job)
            parts[n % 3].add(job)
        }
        var merged = parts[0]
        merged.merge(parts[1])
        merged.merge(parts[2])
        let cluster = try #require(one.section.clusters.first)
        #expect(cluster.count == 100)
        #expect(cluster.rows.count == ErrorTally.rowLimit)
        #expect(cluster.rows == cluster.rows.sorted() && cluster.rows.first?.at == Instant(seconds: 1_793_000_000))
        #expect(merged.section.clusters.first?.rows == cluster.rows)
    }
}
