import ArgumentParser
import Foundation
import TallyKit

/// `tally report`: usage analytics (and invoices with --plan) as HTML, CSV, Markdown and JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the usage report (and invoices with --plan) for a period into a directory.",
        discussion: """
            Periods are half-open [from, to) between midnights in --tz. A job belongs
            to the period of its created_at; billing usage to the period of its
            completed_at. The directory is replaced as a whole, atomically, when the
            run succeeds.

            With a plan, the invoices are those of every billing period of the plan
            (billing_period: month, week or quarter, in its timezone) that the report
            period overlaps, each over its whole length. A billing period that has not
            ended by --as-of (plus the plan's grace_period) gives drafts over the usage
            so far; an ended one gives final invoices. With --ledger, final invoices are
            numbered and recorded once; later runs show them as recorded and write
            adjustment notes for differences (docs/scheduling.md).

            A config file (--config FILE, or the TALLY_CONFIG environment variable) can
            give sources, out, timezone, plan, templates, formats and more; options on
            the command line override it, and sources on the command line replace its
            sources. Check one with 'tally config check FILE'; see docs/config.md.

            EXAMPLES:
              tally report sample-data/history.sqlite --out out --period 2026-10 \\
                --plan sample-data/plan.yaml --ledger ledger.sqlite --as-of 2026-11-29T00:00:00Z
              tally report db.sqlite --out 'reports/{period}' --period yesterday
              # crontab: the monthly billing run, 02:30 on the 1st
              30 2 1 * * tally report --config /etc/tally.yaml --period last-month \\
                --plan /etc/tally/plan.yaml --ledger /var/lib/tally/ledger.sqlite

            \(ExitCodesHelp.text)
            """
    )

    @OptionGroup var input: SourceOptions

    @Option(help: ArgumentHelp(
        "A config file (YAML) giving defaults for these options (default: $TALLY_CONFIG, else none).",
        valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var config: String?

    @Option(help: "Output directory (required, here or in the config); {period} becomes the period's name (reports/{period}: reports/2026-11), strftime directives (%Y %m %d…) the date at --as-of in --tz.",
            completion: .directory)
    var out: String?

    @Option(help: "YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month or last-7-days (default: this-month).",
            completion: .list(PeriodSpec.keywords))
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

    @Option(help: "Limit the report to this customer (id or email); repeatable (default: every customer).")
    var user: [String] = []

    @Option(help: "Directory with templates overriding the built-in ones by file name (default: none).",
            completion: .directory)
    var templates: String?

    @Option(help: "Comma-separated formats to write: html,csv,md,json (default: all four).",
            completion: .list(["html", "csv", "md", "json", "html,csv,md,json"]))
    var format: String?

    @Flag(inversion: .prefixedNo, help: "Start CSV files with a UTF-8 byte-order mark, for Excel (default: --no-csv-bom).")
    var csvBom: Bool?

    @Option(help: "Jobs pending or processing longer than this are stuck: 90m, 6h, 2d (default: \(ReportOptions.defaultStuckAfter)).")
    var stuckAfter: String?

    @Option(help: "A plan file (YAML or JSON): price usage and write invoices for the plan's billing periods (default: none).",
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var plan: String?

    @Flag(help: "Write no invoices, even when the config file names a plan.")
    var noPlan = false

    @Option(help: ArgumentHelp(
        "The ledger (a SQLite file, created when missing) that records final invoices: numbers them and keeps them unchanged; later differences become adjustment notes (default: none, nothing recorded).",
        valueName: "file"),
            completion: .file(extensions: ["sqlite", "db"]))
    var ledger: String?

    @Flag(inversion: .prefixedNo, help: "Exit 1, writing nothing, instead of issuing adjustment notes for final invoices the history now prices differently (default: --no-fail-on-restatement).")
    var failOnRestatement: Bool?

    @Flag(inversion: .prefixedNo, help: "Create output files with mode 0600 instead of 0644 (default: --no-private).")
    var `private`: Bool?

    @OptionGroup var logging: LoggingOptions

    /// The command line as TallyKit sees it.
    var flags: ReportFlags {
        var flags = ReportFlags()
        flags.config = config
        flags.sources = input.sources
        flags.out = out
        flags.period = period
        flags.from = from
        flags.to = to
        flags.tz = tz
        flags.asOf = asOf
        flags.users = user
        flags.templates = templates
        flags.formats = format
        flags.csvBOM = csvBom
        flags.stuckAfter = stuckAfter
        flags.plan = plan
        flags.noPlan = noPlan
        flags.ledger = ledger
        flags.failOnRestatement = failOnRestatement
        flags.private = `private`
        flags.strict = input.strict
        flags.jobs = input.parallelism
        flags.logging = logging.settings
        return flags
    }

    func validate() throws {
        try ArgumentParsing.validating { try ReportOptions.check(flags, environment: ProcessInfo.processInfo.environment) }
    }

    func run() throws {
        var logger = logging.makeLogger()
        try CommandRunner.run(logger: { logger }) {
            let resolved = try ReportOptions.resolve(flags, environment: ProcessInfo.processInfo.environment, now: CommandRunner.now())
            logger = resolved.logging.makeLogger()
            InterruptHandling.install()
            var request = resolved.request
            request.showProgress = isatty(2) != 0 && !resolved.logging.quiet
            RunSummary.log(try ReportRun.run(request, logger: logger), logger: logger)
        }
    }
}
