import Foundation

/// A report request with its log settings and the config it came from.
package struct ResolvedReport: Sendable {
    /// What `ReportRun.run` is asked to do.
    package var request: ReportRequest
    /// How to log.
    package var logging: LogSettings
    /// The config file that filled in unset options, if any.
    package var config: TallyConfig?
}

/// `tally report`'s option precedence: command-line flag, then config file, then default.
package enum ReportOptions {
    /// `--stuck-after` when neither flag nor config sets it.
    package static let defaultStuckAfter = "6h"

    /// Parses every flag value that does not depend on a config file's content (for `validate()`).
    ///
    /// - Throws: `TallyError.usage` naming the flag.
    /// Sources and `--out` are required here only when no config file can give them.
    package static func check(_ flags: ReportFlags, environment: [String: String]) throws {
        let configGiven = ConfigLoader.path(flag: flags.config, environment: environment) != nil
        _ = try resolve(flags, config: nil, now: Instant(seconds: 0), requireInputs: !configGiven)
    }

    /// Loads the config (`--config`, else `TALLY_CONFIG`) and resolves the flags over it.
    ///
    /// - Throws: `FileProblems` (65) for a bad config or plan, `TallyError.cannotOpen` (66), `TallyError.usage` (64).
    package static func resolve(_ flags: ReportFlags, environment: [String: String], now: Instant) throws -> ResolvedReport {
        let config = try ConfigLoader.path(flag: flags.config, environment: environment).map(ConfigLoader.load)
        return try resolve(flags, config: config, now: now)
    }

    /// Resolves the flags over `config` and the defaults into a request.
    ///
    /// - Throws: `TallyError.usage` for a bad value, or for no sources or no `--out` in either place.
    package static func resolve(
        _ flags: ReportFlags, config: TallyConfig?, now: Instant, requireInputs: Bool = true
    ) throws -> ResolvedReport {
        let asOf = try flags.asOf.map { text in try OptionValues.named("--as-of") { try parseInstant(text) } } ?? now
        let sources = flags.sources.isEmpty ? config?.sources ?? [] : flags.sources
        let zoneID = flags.tz ?? config?.timezone
        if let zoneID { _ = try ZonedCalendar.zone(named: zoneID) }
        if flags.noPlan, flags.plan != nil { throw TallyError.usage("give either --plan or --no-plan, not both") }
        let plan = flags.noPlan ? nil : flags.plan ?? config?.plan
        if flags.ledger != nil, plan == nil, requireInputs {
            throw TallyError.usage("--ledger records final invoices: give a plan too (--plan FILE, or 'plan' in the config)")
        }
        let pattern = flags.out ?? config?.out
        if requireInputs {
            guard !sources.isEmpty else {
                throw TallyError.usage("give at least one SOURCE (or 'sources' in a config file: --config FILE or \(ConfigLoader.environmentVariable))")
            }
            guard pattern != nil else {
                throw TallyError.usage("give --out DIR (or 'out' in a config file: --config FILE or \(ConfigLoader.environmentVariable))")
            }
        }
        let period = try period(flags)
        let out = try pattern.map {
            try expandOut($0, asOf: asOf, period: period, zoneID: zoneID, plan: requireInputs ? plan : nil)
        } ?? ""
        var request = ReportRequest(
            sources: sources, outDirectory: out, period: period, zoneID: zoneID, asOf: asOf,
            users: flags.users.isEmpty ? config?.users ?? [] : flags.users,
            templatesDirectory: flags.templates ?? config?.templates,
            formats: try flags.formats.map { f in try OptionValues.named("--format") { try OptionValues.formats([f]) } }
                ?? config?.formats ?? Set(ReportFormat.allCases),
            csvBOM: flags.csvBOM ?? config?.csvBOM ?? false,
            strict: flags.strict ?? config?.strict ?? false,
            parallelism: try flags.jobs.map { n in try OptionValues.named("--jobs") { try OptionValues.jobs(n) } }
                ?? config?.jobs ?? TallyDefaults.parallelism,
            stuckAfterMicros: try flags.stuckAfter.map { d in try OptionValues.named("--stuck-after") { try OptionValues.duration(d) } }
                ?? config?.stuckAfterMicros ?? OptionValues.duration(defaultStuckAfter),
            planPath: plan,
            fileMode: (flags.private ?? config?.private ?? false) ? 0o600 : 0o644)
        request.ledgerPath = plan == nil ? nil : flags.ledger ?? config?.ledger
        request.failOnRestatement = flags.failOnRestatement ?? config?.failOnRestatement ?? false
        request.paper = try flags.paper.map { p in try OptionValues.named("--paper") { try PaperSize.named(p) } } ?? config?.paper ?? .a4
        request.pushDown = flags.pushDown ?? config?.pushDown ?? false
        return ResolvedReport(request: request, logging: flags.logging.over(config), config: config)
    }

    /// `--period`, or `--from`/`--to`, or nothing (this month).
    static func period(_ flags: ReportFlags) throws -> PeriodSpec? {
        switch (flags.period, flags.from, flags.to) {
        case (let p?, nil, nil):
            do { return try PeriodSpec.parse(p) } catch TallyError.usage(let message) {
                throw TallyError.usage(message + (Spelling.nearest(to: p, in: PeriodSpec.keywords).map { "; did you mean '\($0)'?" } ?? ""))
            }
        case (nil, let f?, let t?):
            let from = try parseDate(f, option: "--from")
            let to = try parseDate(t, option: "--to")
            guard from < to else {
                throw TallyError.usage("--from \(f) must be before --to \(t) (the period is [from, to), --to excluded)")
            }
            return .range(from: from, to: to)
        case (nil, nil, nil): return nil
        case (_?, _, _): throw TallyError.usage("give either --period or --from/--to, not both")
        default: throw TallyError.usage("--from and --to go together")
        }
    }

    /// An ISO 8601 timestamp, or a date meaning midnight UTC (`--as-of`).
    ///
    /// - Throws: `TallyError.usage` (without the option's name).
    package static func parseInstant(_ text: String) throws -> Instant {
        if let instant = TimestampParser.parse(text) { return instant }
        if let date = PeriodSpec.parseDate(text) { return Instant(seconds: date.daysSinceEpoch * 86_400) }
        throw TallyError.usage("'\(text)' is not a timestamp (e.g. 2026-11-29T06:00:00Z)")
    }

    static func parseDate(_ text: String, option: String) throws -> CivilDate {
        guard let date = PeriodSpec.parseDate(text) else { throw TallyError.usage("\(option) '\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// The plan's `timezone` when a plan is given and names one (the report's zone then).
    static func planZone(_ plan: String?) throws -> String? {
        guard let plan else { return nil }
        return try PlanLoader.load(path: plan).timeZone
    }

    /// `{period}` in `--out`: the reported period's label (`2026-11`, `2026-11-30`, `2026-W48`,
    /// `2026-11-01_2026-11-07`), so that a run after the period names its folder after it.
    package static let periodToken = "{period}"

    /// `--out` with `{period}` and strftime directives expanded at `asOf` in the report zone
    /// (`--tz`, else the config's, else the plan's, else UTC).
    static func expandOut(_ pattern: String, asOf: Instant, period: PeriodSpec?, zoneID: String?, plan: String?) throws -> String {
        guard pattern.contains("%") || pattern.contains(periodToken) else { return pattern }
        let zone = try ZonedCalendar.zone(named: try zoneID ?? planZone(plan) ?? "UTC")
        var text = pattern
        if text.contains(periodToken) {
            let today = ZonedCalendar(zone: zone).date(of: asOf)
            let label = try PeriodResolver.localRange(period ?? .thisMonth, today: today).label
                .replacingOccurrences(of: " – ", with: "_")
            text = text.replacingOccurrences(of: periodToken, with: label)
        }
        return try OutputPathPattern.expand(text, asOf: asOf, clock: ZoneClock(zone: zone, from: asOf, to: asOf))
    }
}
