import ArgumentParser
import Foundation
import TallyKit

/// `tally report`: usage analytics (and invoices with --plan) as HTML, CSV, Markdown and JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the usage report (and invoices with --plan) for a period into a directory.",
        discussion: """
            Periods are half-open [from, to) between midnights in --tz. A job belongs to the
            period of its created_at; billing usage to the period of its completed_at.
            The directory is replaced as a whole, atomically, when the run succeeds.

            EXAMPLES:
              tally report sample-data/history.sqlite --out out --period 2026-11 \\
                --as-of 2026-11-29T00:00:00Z
              tally report db.sqlite --out /srv/reports/%Y-%m --period last-month \\
                --plan /etc/tally/plan.yaml --tz Europe/Berlin
              # crontab: billing run at 02:30 on the 1st of each month
              30 2 1 * * tally report /data/history.sqlite --out /srv/reports/%Y-%m \\
                --period last-month --plan /etc/tally/plan.yaml

            \(ExitCodesHelp.text)
            """
    )

    @OptionGroup var input: SourceOptions

    @Option(help: "Output directory (strftime patterns such as reports/%Y-%m are expanded at --as-of in --tz).")
    var out: String

    @Option(help: "YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month or last-7-days (default: this-month).",
            completion: .list(["yesterday", "last-month", "this-month", "last-7-days"]))
    var period: String?

    @Option(help: "First day of a custom period (YYYY-MM-DD, included).")
    var from: String?

    @Option(help: "Day after a custom period (YYYY-MM-DD, excluded).")
    var to: String?

    @Option(help: "IANA time zone of the period boundaries (default: the plan's timezone, else UTC).",
            completion: .custom { _, _, _ in TimeZone.knownTimeZoneIdentifiers })
    var tz: String?

    @Option(help: "\"Now\" as an ISO 8601 timestamp (default: the current time). Fix it for reproducible output.")
    var asOf: String?

    @Option(help: "Limit the report to this customer (id or email); repeatable.")
    var user: [String] = []

    @Option(help: "Directory with templates overriding the built-in ones by file name.")
    var templates: String?

    @Option(help: "Comma-separated formats to write: html,csv,md,json (default: all).",
            completion: .list(["html", "csv", "md", "json", "html,csv,md,json"]))
    var format: String = "html,csv,md,json"

    @Flag(help: "Start CSV files with a UTF-8 byte-order mark (for Excel).")
    var csvBom = false

    @Option(help: "Jobs pending or processing longer than this are stuck: 90m, 6h, 2d (default: 6h).")
    var stuckAfter: String = "6h"

    @Option(help: "A plan file (YAML or JSON): price usage and write invoices.")
    var plan: String?

    @Flag(help: "Create output files with mode 0600 instead of 0644.")
    var `private` = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        _ = try request(now: Instant(seconds: 0))
    }

    func run() throws {
        let logger = logging.makeLogger()
        try CommandRunner.run(logger: logger) {
            InterruptHandling.install()
            let now = Instant(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000))
            let outcome = try ReportRun.run(try request(now: now), logger: logger)
            logger.info("summary", metadata: [
                "period": "\(outcome.period.label)", "customers": "\(outcome.customers)", "invoices": "\(outcome.invoices)",
                "skipped": "\(outcome.skippedRows)", "duplicates": "\(outcome.duplicatesMerged)", "files": "\(outcome.files.count)",
            ])
        }
    }

    /// The library request these options describe.
    func request(now: Instant) throws -> ReportRequest {
        let asOfInstant = try asOf.map(ArgumentParsing.instant) ?? now
        let spec: PeriodSpec?
        switch (period, from, to) {
        case (let p?, nil, nil): spec = try ArgumentParsing.usage { try PeriodSpec.parse(p) }
        case (nil, let f?, let t?): spec = .range(from: try ArgumentParsing.date(f, "--from"), to: try ArgumentParsing.date(t, "--to"))
        case (nil, nil, nil): spec = nil
        case (_?, _, _): throw ValidationError("give either --period or --from/--to, not both")
        default: throw ValidationError("--from and --to go together")
        }
        if case .range(let f, let t)? = spec, !(f < t) {
            throw ValidationError("--from \(f) must be before --to \(t) (the period is [from, to), --to excluded)")
        }
        let zone = try tz.map { id in try ArgumentParsing.usage { try ZonedCalendar.zone(named: id) } }
        let expanded = try ArgumentParsing.usage {
            try OutputPathPattern.expand(out, asOf: asOfInstant, clock: ZoneClock(zone: zone ?? TimeZone(identifier: "UTC")!, from: asOfInstant, to: asOfInstant))
        }
        return ReportRequest(
            sources: input.sources, outDirectory: expanded, period: spec, zoneID: tz, asOf: asOfInstant, users: user,
            templatesDirectory: templates, formats: try ArgumentParsing.formats(format), csvBOM: csvBom,
            strict: input.strict, parallelism: input.parallelism,
            stuckAfterMicros: try ArgumentParsing.duration(stuckAfter, "--stuck-after"), planPath: plan,
            fileMode: `private` ? 0o600 : 0o644)
    }
}
