import Foundation
import Testing
@testable import TallyKit

/// `--out reports/%Y-%m`: expanded at `--as-of` in the report's zone.
@Suite struct ConfigDatedOutputTests {
    /// 2026-12-01T00:30:00Z.
    static let asOf = "2026-12-01T00:30:00Z"

    static func out(_ pattern: String, tz: String? = nil, plan: String? = nil, config: TallyConfig? = nil) throws -> String {
        var flags = ReportFlags()
        flags.sources = ["h.sqlite"]
        flags.out = pattern
        flags.tz = tz
        flags.plan = plan
        flags.asOf = asOf
        return try ReportOptions.resolve(flags, config: config, now: Instant(seconds: 0)).request.outDirectory
    }

    @Test(arguments: [
        ("reports/%Y-%m", nil, "reports/2026-12"),
        ("reports/%Y-%m", "America/New_York", "reports/2026-11"),
        ("reports/%Y-%m-%d_%H%M%S", "Asia/Tokyo", "reports/2026-12-01_093000"),
        ("weekly/%G-W%V", nil, "weekly/2026-W49"),
        ("literal/100%%", nil, "literal/100%"),
        ("plain/dir", "America/New_York", "plain/dir"),
    ])
    func patternsExpandInTheZone(pattern: String, tz: String?, expected: String) throws {
        #expect(try Self.out(pattern, tz: tz) == expected)
    }

    /// (period, pattern, folder): `{period}` names the folder after the reported period, not the run.
    @Test(arguments: [
        ("yesterday", "daily/{period}", "daily/2026-11-30"),
        ("last-month", "billing/{period}", "billing/2026-11"),
        ("last-7-days", "weekly/{period}", "weekly/2026-11-24_2026-11-30"),
        ("2026-W48", "w/{period}", "w/2026-W48"),
        ("yesterday", "runs/%Y-%m-%d/{period}", "runs/2026-12-01/2026-11-30"),
    ])
    func periodTokenNamesTheReportedPeriod(period: String, pattern: String, expected: String) throws {
        var flags = ReportFlags()
        flags.sources = ["h.sqlite"]
        flags.out = pattern
        flags.period = period
        flags.asOf = Self.asOf
        #expect(try ReportOptions.resolve(flags, config: nil, now: Instant(seconds: 0)).request.outDirectory == expected)
        flags.tz = "America/New_York"  // still 30 November there: yesterday is the 29th
        if period == "yesterday" {
            #expect(try ReportOptions.resolve(flags, config: nil, now: Instant(seconds: 0)).request.outDirectory.contains("2026-11-29"))
        }
    }

    @Test func theConfigsZoneAndPatternApply() throws {
        let config = try ConfigFixture.parse("out: /srv/reports/%Y-%m", "timezone: America/Los_Angeles")
        var flags = ReportFlags()
        flags.sources = ["h.sqlite"]
        flags.asOf = Self.asOf
        #expect(try ReportOptions.resolve(flags, config: config, now: Instant(seconds: 0)).request.outDirectory == "/srv/reports/2026-11")
    }

    @Test func thePlansZoneAppliesWhenNoneIsGiven() throws {
        let plan = try ConfigFixture.write(
            validPlanYAML.replacingOccurrences(of: "Europe/Berlin", with: "America/New_York"), name: "plan.yaml")
        #expect(try Self.out("r/%Y-%m", plan: plan) == "r/2026-11")
        #expect(try Self.out("r/%Y-%m", tz: "UTC", plan: plan) == "r/2026-12")
    }

    @Test func unknownDirectiveIsAUsageError() {
        #expect(throws: TallyError.self) { try Self.out("r/%q") }
    }
}
