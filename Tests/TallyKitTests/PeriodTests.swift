import Foundation
import Testing
@testable import TallyKit

@Suite struct PeriodTests {
    let berlin = ZonedCalendar(zone: TimeZone(identifier: "Europe/Berlin")!)
    let asOf = TimestampParser.parse("2026-11-29T06:00:00Z")!

    func resolve(_ spec: PeriodSpec, _ calendar: ZonedCalendar? = nil, asOf: Instant? = nil) throws -> ReportPeriod {
        try PeriodResolver.resolve(spec, calendar: calendar ?? berlin, asOf: asOf ?? self.asOf, stuckAfterMicros: 0)
    }

    @Test func monthBoundariesAreLocalMidnightsAcrossDST() throws {
        let march = try resolve(.month(year: 2026, month: 3))
        #expect(march.from.apiString == "2026-02-28T23:00:00Z")  // CET, UTC+1
        #expect(march.to.apiString == "2026-03-31T22:00:00Z")  // CEST, UTC+2
        #expect(march.previousFrom.apiString == "2026-01-31T23:00:00Z")
        #expect(march.label == "2026-03")
        let october = try resolve(.month(year: 2026, month: 10))
        #expect(october.to.apiString == "2026-10-31T23:00:00Z")
    }

    @Test func dstDaysAreTwentyThreeAndTwentyFiveHoursLong() throws {
        let spring = try resolve(.day(CivilDate(year: 2026, month: 3, day: 29)))
        #expect(spring.to.microseconds - spring.from.microseconds == 23 * 3_600_000_000)
        let autumn = try resolve(.day(CivilDate(year: 2026, month: 10, day: 25)))
        #expect(autumn.to.microseconds - autumn.from.microseconds == 25 * 3_600_000_000)
        let scope = ReportScope(period: autumn, calendar: berlin, users: nil)
        #expect(scope.granularity == .hour)
        #expect(scope.bucketStarts.count == 25)
    }

    @Test(arguments: [
        ("yesterday", "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z", "2026-11-28"),
        ("last-month", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-10"),
        ("this-month", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11"),
        ("last-7-days", "2026-11-22T00:00:00Z", "2026-11-29T00:00:00Z", "2026-11-22 – 2026-11-28"),
        ("2026-W01", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z", "2026-W01"),
        ("2026-02", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-02"),
        ("2024-02-29", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z", "2024-02-29"),
    ])
    func relativeAndNamedPeriodsInUTC(text: String, from: String, to: String, label: String) throws {
        let period = try resolve(try PeriodSpec.parse(text), ZonedCalendar(zone: TimeZone(identifier: "UTC")!))
        #expect(period.from.apiString == from)
        #expect(period.to.apiString == to)
        #expect(period.label == label)
        #expect(period.previousTo == period.from)
    }

    @Test func relativePeriodsFollowTheZonesDate() throws {
        // 23:30 UTC on Nov 30 is already Dec 1 in Berlin: "yesterday" is Nov 30 there.
        let late = TimestampParser.parse("2026-11-30T23:30:00Z")!
        let period = try resolve(.yesterday, asOf: late)
        #expect(period.label == "2026-11-30")
        #expect(period.from.apiString == "2026-11-29T23:00:00Z")
    }

    @Test(arguments: ["2026-13", "2026-W54", "2026-02-30", "last-year", "", "26-01", "2026-1"])
    func badPeriodsAreUsageErrors(text: String) {
        #expect(throws: TallyError.self) { try PeriodSpec.parse(text) }
    }

    @Test func fromMustBeBeforeTo() {
        let d = CivilDate(year: 2026, month: 3, day: 1)
        #expect(throws: TallyError.self) { try resolve(.range(from: d, to: d)) }
    }

    @Test func unknownZonesAreRejected() {
        #expect(throws: TallyError.self) { try ZonedCalendar.zone(named: "Mars/Olympus_Mons") }
        #expect(throws: Never.self) { try ZonedCalendar.zone(named: "UTC") }
    }

    @Test func zoneClockMatchesFoundationAroundTransitions() {
        let zone = TimeZone(identifier: "America/New_York")!
        let from = TimestampParser.parse("2026-03-01T00:00:00Z")!, to = TimestampParser.parse("2026-11-30T00:00:00Z")!
        let clock = ZoneClock(zone: zone, from: from, to: to)
        var t = from
        while t < to {
            let expected = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds))))
            #expect(clock.offsetSeconds(at: t) == expected)
            t = t.adding(microseconds: 1_799_000_000)
        }
    }

    @Test func outputPatternsExpandInTheZone() throws {
        let clock = ZoneClock(zone: berlin.zone, from: asOf, to: asOf)
        #expect(try OutputPathPattern.expand("reports/%Y-%m/%d_%H%%", asOf: asOf, clock: clock) == "reports/2026-11/29_07%")
        #expect(try OutputPathPattern.expand("w%G-%V", asOf: asOf, clock: clock) == "w2026-48")
        #expect(throws: TallyError.self) { try OutputPathPattern.expand("%Q", asOf: asOf, clock: clock) }
    }
}
