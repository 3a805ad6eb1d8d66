import CTallySupport
import Foundation
import Testing

@testable import TallyKit

/// Issue 17, "bounded everything": the structures a report fills stay small however long
/// the period and however many distinct job types or error messages the history holds.
///
/// Sizes are measured, not timed: the bytes the C heap holds for the accumulator
/// (`tally_heap_bytes_in_use`: glibc's `mallinfo2`, every arena; 0 elsewhere) after it
/// has counted the fixture.
/// The fixtures are made here, in memory.
@Suite(.serialized) struct BoundedMemoryTests {
    static let budget = 150 << 20
    static let asOf = TimestampParser.parse("2026-11-29T00:00:00Z")!

    /// The bytes the heap holds while `build`'s result is alive, beyond what it held before.
    func heapGrowth<T>(_ build: () -> T) -> (T, Int) {
        let before = Int(tally_heap_bytes_in_use())
        let value = build()
        return (value, Int(tally_heap_bytes_in_use()) - before)
    }

    func scope(_ spec: PeriodSpec, zone: String = "Europe/Berlin") throws -> ReportScope {
        let calendar = ZonedCalendar(zone: try #require(TimeZone(identifier: zone)))
        let period = try PeriodResolver.resolve(spec, calendar: calendar, asOf: Self.asOf, stuckAfterMicros: 6 * 3_600_000_000)
        return ReportScope(period: period, calendar: calendar, users: nil)
    }

    func job(_ n: Int, at instant: Instant, type: String = "batch", status: String = "completed", error: String? = nil) -> JobRecord {
        JobRecord(
            id: String(format: "00000000-0000-4000-8000-%012x", n), userID: "9974d75b-3338-44fe-a179-0134676b1b69",
            jobType: type, status: status, totalDocuments: 3, processedCount: 2, failedCount: 1, errorMessage: error,
            startedAt: instant.adding(microseconds: 1_000_000), completedAt: instant.adding(microseconds: 60_000_000),
            createdAt: instant)
    }

    /// `tally report --from 0001-01-01 --to 9999-12-31` grew to 8.1 GB (a bucket per day of
    /// 10,000 years); now the buckets follow the period's length, 400 at most.
    @Test func aTenThousandYearPeriodStaysSmall() throws {
        let scope = try scope(.range(from: CivilDate(year: 1, month: 1, day: 1), to: CivilDate(year: 9999, month: 12, day: 31)))
        let (accumulator, bytes) = heapGrowth { () -> UsageAccumulator in
            var usage = UsageAccumulator(scope: scope)
            let span = usage.scope.period.to.microseconds - usage.scope.period.from.microseconds
            for n in 0..<20_000 {
                usage.add(job(n, at: usage.scope.period.from.adding(microseconds: span / 20_000 * Int64(n))))
            }
            return usage
        }
        #expect(bytes < Self.budget, "\(bytes >> 20) MB")
        #expect(accumulator.scope.bucketStarts.count <= TimeBuckets.limit && accumulator.scope.dayStarts.count <= TimeBuckets.limit)
        #expect(accumulator.scope.granularity == .year)
        let report = accumulator.report(users: UserDirectory(), diagnostics: ScanDiagnostics(), sources: [], userFilter: [])
        #expect(report.timeSeries.buckets.reduce(0) { $0 + $1.jobsCreated } == 20_000)
        #expect(report.timeSeries.buckets.first?.label == "0001–0025")
    }

    /// Every period length gets the finest buckets that number at most 400.
    @Test(arguments: [
        ("2026-11-01", "2026-11-04", TimeSeries.Granularity.hour), ("2026-11-01", "2026-11-05", .day),
        ("2026-01-01", "2027-02-04", .day), ("2026-01-01", "2027-02-06", .week), ("2000-01-01", "2033-01-01", .month),
        ("2000-01-01", "2034-01-01", .year), ("1600-01-01", "2000-01-01", .year), ("0001-01-01", "9999-12-31", .year),
    ])
    func granularityFollowsThePeriodsLength(from: String, to: String, expected: TimeSeries.Granularity) throws {
        let scope = try scope(.range(from: try #require(PeriodSpec.parseDate(from)), to: try #require(PeriodSpec.parseDate(to))))
        #expect(scope.granularity == expected)
        #expect(scope.bucketStarts.count <= TimeBuckets.limit)
        #expect(scope.bucketStarts.first == scope.period.from && scope.bucketStarts == scope.bucketStarts.sorted())
        #expect(scope.bucketStarts.allSatisfy { $0 < scope.period.to })
    }

    /// 1M distinct job types: 100 kept by name, the rest under "(other job types)", in every table.
    @Test func aMillionDistinctJobTypesStaySmall() throws {
        let scope = try scope(.month(year: 2026, month: 11))
        let types = (0..<1_000_000).map { String(format: "type-%07d", ($0 * 7_919) % 1_000_000) }
        let (accumulator, bytes) = heapGrowth { () -> UsageAccumulator in
            var usage = UsageAccumulator(scope: scope)
            for (n, type) in types.enumerated() {
                usage.add(job(n, at: scope.period.from.adding(microseconds: Int64(n) * 1_000_000), type: type))
            }
            return usage
        }
        #expect(bytes < Self.budget, "\(bytes >> 20) MB")
        let report = accumulator.report(users: UserDirectory(), diagnostics: ScanDiagnostics(), sources: [], userFilter: [])
        #expect(report.totals.jobsByType.count == FewKeyDictionary<String, Int64>.nameLimit + 1)
        #expect(report.totals.jobsByType.first == NamedCount(name: "(other job types)", count: 999_900))
        #expect(report.totals.jobsByType.contains(NamedCount(name: "type-0000000", count: 1)))
        #expect(report.durations.byJobType.count == 101 && report.errors.byJobType.count == 101)
        #expect(report.dataQuality.cappedGroups.map(\.what) == ["job types"])
    }

    /// 1M distinct error messages: 10,000 groups kept by message, the rest under "(other messages)".
    @Test func aMillionDistinctErrorMessagesStaySmall() throws {
        let scope = try scope(.month(year: 2026, month: 11))
        // Letters g to z only, so no word is a hex number the normaliser would mask.
        func word(_ n: Int) -> String {
            var n = n, out = ""
            for _ in 0..<5 { out.unicodeScalars.append(Unicode.Scalar(UInt8(103 + n % 20))); n /= 20 }
            return out
        }
        let (accumulator, bytes) = heapGrowth { () -> UsageAccumulator in
            var usage = UsageAccumulator(scope: scope)
            for n in 0..<1_000_000 {
                usage.add(job(n, at: scope.period.from.adding(microseconds: Int64(n) * 1_000_000), status: "failed", error: "worker \(word((n * 7_919) % 1_000_000)) lost"))
            }
            return usage
        }
        #expect(bytes < Self.budget, "\(bytes >> 20) MB")
        let errors = accumulator.errors.section
        #expect(errors.clusterCount == Int64(ErrorTally.clusterLimit) + 1)
        #expect(errors.totalFailures == 1_000_000 && errors.clusters.reduce(0) { $0 + $1.count } == 1_000_000)
        #expect(errors.clusters.first?.normalizedMessage == ErrorTally.other)
    }
}
