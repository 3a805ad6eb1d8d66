import Foundation
import Testing
@testable import TallyKit

/// Flag over config over default, for every option a config file can set.
@Suite struct ConfigPrecedenceTests {
    static let now = Instant(seconds: 1_796_085_000)

    static func config() throws -> TallyConfig {
        try ConfigFixture.parse(
            "sources: [a.sqlite, b.ndjson]", "out: reports", "timezone: Europe/Berlin", "plan: plan.yaml",
            "templates: tpl", "formats: md", "csv_bom: true", "stuck_after: 2h", "users: [alice@example.com]",
            "log_level: debug", "log_format: json", "jobs: 3", "strict: true", "private: true",
            "push_down: true")
    }

    static func flags() -> ReportFlags {
        var flags = ReportFlags()
        flags.sources = ["/data/c.sqlite"]
        flags.out = "/tmp/out"
        flags.tz = "America/New_York"
        flags.plan = "/p.yaml"
        flags.templates = "/t"
        flags.formats = "html,json"
        flags.csvBOM = false
        flags.stuckAfter = "90m"
        flags.users = ["bob@example.com"]
        flags.logging = LogSettings(level: .error, format: .text)
        flags.jobs = 1
        flags.strict = false
        flags.private = false
        return flags
    }

    @Test func flagsWinOverTheConfig() throws {
        let resolved = try ReportOptions.resolve(Self.flags(), config: try Self.config(), now: Self.now)
        let request = resolved.request
        #expect(request.sources == ["/data/c.sqlite"])
        #expect(request.outDirectory == "/tmp/out")
        #expect(request.zoneID == "America/New_York")
        #expect(request.planPath == "/p.yaml")
        #expect(request.templatesDirectory == "/t")
        #expect(request.formats == [.html, .json])
        #expect(request.csvBOM == false)
        #expect(request.stuckAfterMicros == 90 * 60 * 1_000_000)
        #expect(request.users == ["bob@example.com"])
        #expect(request.parallelism == 1)
        #expect(request.strict == false)
        #expect(request.fileMode == 0o644)
        #expect(resolved.logging == LogSettings(level: .error, format: .text))
    }

    @Test func configWinsOverTheDefaults() throws {
        var flags = ReportFlags()
        flags.logging.quiet = true
        let resolved = try ReportOptions.resolve(flags, config: try Self.config(), now: Self.now)
        let request = resolved.request
        #expect(request.sources == ["/etc/tally/a.sqlite", "/etc/tally/b.ndjson"])
        #expect(request.outDirectory == "/etc/tally/reports")
        #expect(request.zoneID == "Europe/Berlin")
        #expect(request.planPath == "/etc/tally/plan.yaml")
        #expect(request.templatesDirectory == "/etc/tally/tpl")
        #expect(request.formats == [.md])
        #expect(request.csvBOM == true)
        #expect(request.stuckAfterMicros == 2 * 3_600_000_000)
        #expect(request.users == ["alice@example.com"])
        #expect(request.parallelism == 3)
        #expect(request.pushDown)
        #expect(request.strict == true)
        #expect(request.fileMode == 0o600)
        #expect(resolved.logging == LogSettings(level: .debug, format: .json, quiet: true))
        #expect(resolved.logging.effectiveLevel(isTerminal: true) == .error)
    }

    @Test func defaultsApplyWhenNeitherSaysAnything() throws {
        var flags = ReportFlags()
        flags.sources = ["h.sqlite"]
        flags.out = "out"
        let resolved = try ReportOptions.resolve(flags, config: nil, now: Self.now)
        let request = resolved.request
        #expect(request.asOf == Self.now)
        #expect(request.period == nil)
        #expect(request.zoneID == nil)
        #expect(request.planPath == nil)
        #expect(request.templatesDirectory == nil)
        #expect(request.formats == Set(ReportFormat.allCases))
        #expect(request.csvBOM == false)
        #expect(request.stuckAfterMicros == 6 * 3_600_000_000)
        #expect(request.users == [])
        #expect(request.parallelism == TallyDefaults.parallelism)
        #expect(request.strict == false)
        #expect(request.fileMode == 0o644)
        #expect(resolved.logging.effectiveLevel(isTerminal: true) == .info)
        #expect(resolved.logging.effectiveLevel(isTerminal: false) == .warning)
        #expect(resolved.logging.format == nil)
    }

    @Test func sourcesAndOutAreRequiredSomewhere() throws {
        var flags = ReportFlags()
        flags.out = "out"
        #expect(throws: TallyError.self) { try ReportOptions.resolve(flags, config: nil, now: Self.now) }
        flags.out = nil
        flags.sources = ["h.sqlite"]
        #expect(throws: TallyError.self) { try ReportOptions.resolve(flags, config: nil, now: Self.now) }
        // Flags alone may leave both to a config file, when one is named.
        var named = ReportFlags()
        named.config = "tally.yaml"
        try ReportOptions.check(named, environment: [:])
        try ReportOptions.check(ReportFlags(), environment: ["TALLY_CONFIG": "/etc/tally.yaml"])
        #expect(throws: TallyError.self) { try ReportOptions.check(ReportFlags(), environment: [:]) }
        var config = TallyConfig(file: "tally.yaml")
        config.out = "out"
        #expect(try ReportOptions.resolve(flags, config: config, now: Self.now).request.outDirectory == "out")
    }

    /// (flag values, the error naming the flag).
    static let badFlags: [(ReportFlags, String)] = {
        func with(_ change: (inout ReportFlags) -> Void) -> ReportFlags {
            var flags = ReportFlags()
            change(&flags)
            return flags
        }
        return [
            (with { $0.jobs = 0 }, "--jobs: must be at least 1, not 0"),
            (with { $0.formats = "html,pdf" }, "--format: unknown format 'pdf' (use html, csv, md, json)"),
            (with { $0.stuckAfter = "6" }, "--stuck-after: '6' is not a duration (e.g. 90m, 6h, 2d)"),
            (with { $0.asOf = "yesterday" }, "--as-of: 'yesterday' is not a timestamp (e.g. 2026-11-29T06:00:00Z)"),
            (with { $0.period = "2026-11"; $0.from = "2026-11-01" }, "give either --period or --from/--to, not both"),
            (with { $0.from = "2026-11-01" }, "--from and --to go together"),
            (with { $0.from = "2026-11-02"; $0.to = "2026-11-01" },
             "--from 2026-11-02 must be before --to 2026-11-01 (the period is [from, to), --to excluded)"),
            (with { $0.period = "last-monht" }, "cannot read period 'last-monht': use YYYY-MM, YYYY-MM-DD, YYYY-Www, "
                + "yesterday, last-month, this-month or last-7-days; did you mean 'last-month'?"),
            (with { $0.tz = "Europe/Berlni" },
             "unknown time zone 'Europe/Berlni': use an IANA name such as UTC, Europe/Berlin or America/New_York"),
        ]
    }()

    @Test(arguments: badFlags) func badFlagValuesAreUsageErrors(flags: ReportFlags, message: String) {
        var flags = flags
        flags.config = "tally.yaml"
        #expect(throws: TallyError.usage(message)) { try ReportOptions.check(flags, environment: [:]) }
    }

    @Test func configFromTheEnvironmentIsLoaded() throws {
        let path = try ConfigFixture.write("sources: [h.sqlite]\nout: out\nformats: csv\n")
        let resolved = try ReportOptions.resolve(ReportFlags(), environment: ["TALLY_CONFIG": path], now: Self.now)
        #expect(resolved.config?.file == path)
        #expect(resolved.request.formats == [.csv])
        #expect(throws: TallyError.self) { try ReportOptions.resolve(ReportFlags(), environment: [:], now: Self.now) }
    }
}
